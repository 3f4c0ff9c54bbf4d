package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"newshound/internal/feed"
	"newshound/internal/fetch"
	"newshound/internal/news"
	"newshound/internal/store"
)

// ErrNoFeed means a page announces no feed to follow.
var ErrNoFeed = errors.New("no feed found")

// AddSource subscribes to rawURL: a feed (RSS, Atom, JSON Feed), a
// sitemap (plain, index or Google News), or a web page whose announced
// feed is followed. name overrides the name the feed gives. The source is
// due for polling at once. A URL already subscribed gives store.ErrConflict.
func (in *Ingester) AddSource(ctx context.Context, rawURL, name string) (news.Source, store.SourceFeed, error) {
	resp, err := in.fetch.Get(ctx, rawURL, fetch.Conditional{})
	if err != nil {
		return news.Source{}, store.SourceFeed{}, fmt.Errorf("ingest: add source: %w", err)
	}
	src, sf, err := in.describe(ctx, resp, true)
	if err != nil {
		return news.Source{}, store.SourceFeed{}, fmt.Errorf("ingest: add source %s: %w", rawURL, err)
	}
	if strings.TrimSpace(name) != "" {
		src.Name = strings.TrimSpace(name)
	}
	sf.NextPollAt = in.now()
	if err := in.st.CreatePolledSource(ctx, &src, &sf); err != nil {
		return news.Source{}, store.SourceFeed{}, fmt.Errorf("ingest: add source %s: %w", rawURL, err)
	}
	return src, sf, nil
}

// describe works out what a fetched document is and the source it makes.
// follow lets it fetch the feed an HTML page announces.
func (in *Ingester) describe(ctx context.Context, resp *fetch.Response, follow bool) (news.Source, store.SourceFeed, error) {
	switch feed.Detect(resp.Body) {
	case feed.KindFeed:
		f, err := feed.Parse(resp.Body, resp.URL)
		if err != nil {
			return news.Source{}, store.SourceFeed{}, err
		}
		home := f.HomepageURL
		if home == "" {
			home = siteRoot(resp.URL)
		}
		name := strings.TrimSpace(f.Title)
		if name == "" {
			name = hostName(resp.URL)
		}
		return news.Source{Name: name, HomepageURL: home, FeedURL: resp.URL},
			store.SourceFeed{Kind: store.KindFeed, URL: resp.URL}, nil
	case feed.KindSitemap, feed.KindSitemapIndex:
		if _, err := feed.ParseSitemap(resp.Body, resp.URL); err != nil {
			return news.Source{}, store.SourceFeed{}, err
		}
		return news.Source{Name: hostName(resp.URL), HomepageURL: siteRoot(resp.URL), FeedURL: resp.URL},
			store.SourceFeed{Kind: store.KindSitemap, URL: resp.URL}, nil
	case feed.KindHTML:
		if !follow {
			break
		}
		links := feed.Discover(resp.Body, resp.URL)
		if len(links) == 0 {
			return news.Source{}, store.SourceFeed{}, fmt.Errorf("%w: the page links no RSS, Atom or JSON feed; give the feed or sitemap URL itself", ErrNoFeed)
		}
		fr, err := in.fetch.Get(ctx, links[0], fetch.Conditional{})
		if err != nil {
			return news.Source{}, store.SourceFeed{}, fmt.Errorf("fetch its feed: %w", err)
		}
		src, sf, err := in.describe(ctx, fr, false)
		if err != nil {
			return news.Source{}, store.SourceFeed{}, fmt.Errorf("its feed %s: %w", links[0], err)
		}
		src.HomepageURL = resp.URL
		return src, sf, nil
	}
	return news.Source{}, store.SourceFeed{}, fmt.Errorf("%w: not a feed, sitemap or web page (Content-Type %q)", feed.ErrUnknownFormat, resp.ContentType)
}

// ImportOPML subscribes to every feed in an OPML list without fetching
// them (their first poll checks them). It returns the sources added and,
// for each outline skipped, why.
func (in *Ingester) ImportOPML(ctx context.Context, r io.Reader) (added []news.Source, skipped []string, err error) {
	outlines, err := feed.ParseOPML(r)
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: import OPML: %w", err)
	}
	for _, o := range outlines {
		if o.FeedURL == "" {
			skipped = append(skipped, fmt.Sprintf("%q: no feed URL", o.Title))
			continue
		}
		name := strings.TrimSpace(o.Title)
		if name == "" {
			name = hostName(o.FeedURL)
		}
		home := o.HTMLURL
		if home == "" {
			home = siteRoot(o.FeedURL)
		}
		src := news.Source{Name: name, HomepageURL: home, FeedURL: o.FeedURL}
		sf := store.SourceFeed{Kind: store.KindFeed, URL: o.FeedURL, NextPollAt: in.now()}
		if err := in.st.CreatePolledSource(ctx, &src, &sf); err != nil {
			if errors.Is(err, store.ErrConflict) {
				skipped = append(skipped, fmt.Sprintf("%s: already a source", o.FeedURL))
				continue
			}
			return added, skipped, fmt.Errorf("ingest: import OPML: %w", err)
		}
		added = append(added, src)
	}
	return added, skipped, nil
}

// ExportOPML writes every polled source as OPML.
func ExportOPML(ctx context.Context, st *store.Store, w io.Writer) error {
	srcs, polled, err := SourcesWithFeeds(ctx, st)
	if err != nil {
		return err
	}
	var outs []feed.OPMLOutline
	for _, s := range srcs {
		f, ok := polled[s.ID]
		if !ok {
			continue
		}
		outs = append(outs, feed.OPMLOutline{Title: s.Name, FeedURL: f.URL, HTMLURL: s.HomepageURL})
	}
	return feed.WriteOPML(w, outs)
}

// SourcesWithFeeds returns every source, ordered by name, and the polling
// state of those that are polled, by source ID.
func SourcesWithFeeds(ctx context.Context, st *store.Store) ([]news.Source, map[int64]store.SourceFeed, error) {
	srcs, err := st.Sources(ctx)
	if err != nil {
		return nil, nil, err
	}
	feeds, err := st.SourceFeeds(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]store.SourceFeed, len(feeds))
	for _, f := range feeds {
		byID[f.SourceID] = f
	}
	return srcs, byID, nil
}

// siteRoot is the home page of the site serving u.
func siteRoot(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return p.Scheme + "://" + p.Host + "/"
}

// hostName is a readable name for the site serving u: its host without
// "www.".
func hostName(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Hostname() == "" {
		return u
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
