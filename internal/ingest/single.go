package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"newshound/internal/extract"
	"newshound/internal/fetch"
	"newshound/internal/news"
	"newshound/internal/store"
)

// ImportURL fetches one article page, extracts it and stores it, credited
// to the republishing account. Its source is the known source of the same
// site (by host of its home page), or a new one named after the site
// (og:site_name, else the host). A page already stored (by normalized URL
// or content) is not stored again: matched says how it was found, and the
// returned article is the stored one.
func (in *Ingester) ImportURL(ctx context.Context, rawURL string) (a news.Article, matched string, err error) {
	resp, err := in.fetch.Get(ctx, rawURL, fetch.Conditional{})
	if err != nil {
		return news.Article{}, "", fmt.Errorf("ingest: import %s: %w", rawURL, err)
	}
	x, err := extract.FromHTML(resp.Body, resp.URL)
	if err != nil {
		return news.Article{}, "", fmt.Errorf("ingest: import %s: %w", rawURL, err)
	}
	src, err := in.siteSource(ctx, resp.URL, x.SiteName)
	if err != nil {
		return news.Article{}, "", fmt.Errorf("ingest: import %s: %w", rawURL, err)
	}
	ing, err := in.build(ctx, pageTask{SourceID: src.ID, URL: rawURL}, resp.Body, resp.URL)
	if err != nil {
		return news.Article{}, "", fmt.Errorf("ingest: import %s: %w", rawURL, err)
	}
	id, matched, err := in.storeIngested(ctx, ing)
	if err != nil {
		return news.Article{}, "", fmt.Errorf("ingest: import %s: %w", rawURL, err)
	}
	if matched == store.MatchOriginal {
		in.stored(ctx, *ing.Article)
	}
	a, err = in.st.Article(ctx, id)
	return a, matched, err
}

// siteSource finds the source whose home page is on pageURL's host, or
// creates one for the site.
func (in *Ingester) siteSource(ctx context.Context, pageURL, siteName string) (news.Source, error) {
	host := hostOf(pageURL)
	srcs, err := in.st.Sources(ctx)
	if err != nil {
		return news.Source{}, err
	}
	for _, s := range srcs {
		if host != "" && (hostOf(s.HomepageURL) == host || hostOf(s.FeedURL) == host) {
			return s, nil
		}
	}
	name := strings.TrimSpace(siteName)
	if name == "" {
		name = hostName(pageURL)
	}
	src := news.Source{Name: name, HomepageURL: siteRoot(pageURL)}
	if err := in.st.CreateSource(ctx, &src); err != nil {
		return news.Source{}, err
	}
	return src, nil
}

// hostOf is u's host in lower case without "www.", for matching sites.
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Host), "www.")
}

// ReextractResult counts what Reextract did.
type ReextractResult struct {
	Updated  int // articles whose body was extracted again
	FromFeed int // articles left with the feed's content (extraction still thin)
	NoPage   int // articles with no stored page
	Failed   int
}

// Reextract runs the extractor again on the stored pages of a source's
// articles (every source's when sourceID is 0), without fetching, and
// saves the new bodies. Attribution (source, account, authors from the
// feed, published time) is kept.
func (in *Ingester) Reextract(ctx context.Context, sourceID int64) (ReextractResult, error) {
	var r ReextractResult
	ids, err := in.st.IngestedIDs(ctx, sourceID)
	if err != nil {
		return r, err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		p, err := in.st.IngestedPage(ctx, id)
		if err != nil {
			return r, err
		}
		if p.PageGz == nil {
			r.NoPage++
			continue
		}
		if err := in.reextractOne(ctx, p); err != nil {
			if errors.Is(err, extract.ErrNoArticle) || errors.Is(err, extract.ErrEmpty) || errors.Is(err, errThin) {
				r.FromFeed++
				continue
			}
			in.log.Warn("reextract", "article", id, "err", err)
			r.Failed++
			continue
		}
		r.Updated++
	}
	return r, nil
}

var errThin = errors.New("extraction still thin")

func (in *Ingester) reextractOne(ctx context.Context, p store.IngestedPage) error {
	page, err := gunzipBytes(p.PageGz)
	if err != nil {
		return fmt.Errorf("stored page: %w", err)
	}
	a, err := in.st.Article(ctx, p.ArticleID)
	if err != nil {
		return err
	}
	x, err := extract.FromHTML(page, a.OriginalURL)
	if err != nil {
		return err
	}
	if len(x.BodyText) < thinText && p.ContentSource == FromFeed {
		return errThin
	}
	a.BodyHTML, a.BodyText = x.BodyHTML, x.BodyText
	if x.Title != "" {
		a.Title = x.Title
	}
	if x.Standfirst != "" {
		a.Standfirst = x.Standfirst
	}
	if x.LeadImage != nil {
		a.LeadImage = x.LeadImage
	}
	a.Fingerprint = ExactFingerprint(a.BodyText)
	sig := signature(a)
	if err := in.saveReextracted(ctx, &a, sig); err != nil {
		return err
	}
	in.stored(ctx, a)
	return nil
}
