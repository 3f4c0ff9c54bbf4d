package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"newshound/internal/feed"
	"newshound/internal/fetch"
	"newshound/internal/news"
	"newshound/internal/store"
)

// Limits of one sitemap poll: a site's sitemap may list its whole archive,
// and subscribing to a site should not import years of it at once.
const (
	maxSitemapURLs     = 200
	maxChildSitemaps   = 5
	sitemapPollDefault = 6 * time.Hour
)

// pollPayload is the payload of a poll job.
type pollPayload struct {
	SourceID int64 `json:"source_id"`
}

// pageTask is the payload of a page job: one new entry and what its feed
// said about it, kept for attribution and as the fallback body.
type pageTask struct {
	SourceID    int64         `json:"source_id"`
	URL         string        `json:"url"`
	Title       string        `json:"title,omitempty"`
	Summary     string        `json:"summary,omitempty"`
	ContentHTML string        `json:"content_html,omitempty"`
	Authors     []news.Author `json:"authors,omitempty"`
	Published   time.Time     `json:"published,omitzero"`
	Updated     time.Time     `json:"updated,omitzero"`
	Tags        []news.Tag    `json:"tags,omitempty"`
	ImageURL    string        `json:"image_url,omitempty"`
	Language    string        `json:"language,omitempty"`
	// Update marks a known entry whose feed says it changed: the stored
	// article is replaced rather than a new one stored.
	Update bool `json:"update,omitempty"`
}

// PollJob is the job that polls a source; its key makes a second enqueue
// of a pending poll a no-op.
func PollJob(sourceID int64, at time.Time) store.Job {
	b, _ := json.Marshal(pollPayload{SourceID: sourceID})
	return store.Job{Kind: KindPoll, Key: "poll:" + strconv.FormatInt(sourceID, 10) + ":", Payload: string(b),
		RunAt: at, MaxAttempts: 5}
}

// pageJob is the job that fetches one entry's page.
func pageJob(t pageTask, key string, at time.Time) store.Job {
	b, _ := json.Marshal(t)
	sum := sha256.Sum256([]byte(key))
	return store.Job{Kind: KindPage, Key: "page:" + strconv.FormatInt(t.SourceID, 10) + ":" + hex.EncodeToString(sum[:12]),
		Payload: string(b), RunAt: at, MaxAttempts: 5}
}

// PollResult is what one poll did.
type PollResult struct {
	SourceID int64
	New      int   // entries not seen before, each now a page job
	Updated  int   // known entries changed since, each now a page job
	Err      error // why the poll failed; nil on success and on 304
	Paused   bool  // the source is now paused
}

// poll runs a poll job: fetch the source conditionally, read its entries,
// record the new ones with their page jobs and the next poll time, all in
// one transaction with the job's completion. A source that fails is not
// an error of the job: the failure is recorded on the source, which backs
// off and is eventually paused. Errors returned are the database's.
func (in *Ingester) poll(ctx context.Context, job store.Job) (PollResult, error) {
	var p pollPayload
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return PollResult{}, fmt.Errorf("bad poll payload: %w", err)
	}
	res := PollResult{SourceID: p.SourceID}
	sf, err := in.st.SourceFeed(ctx, p.SourceID)
	if errors.Is(err, store.ErrNotFound) {
		return res, in.complete(ctx, job) // removed since it was enqueued
	}
	if err != nil {
		return res, err
	}
	if sf.Paused {
		return res, in.complete(ctx, job)
	}
	now := in.now()
	prev := sf // the state before this poll, for the interval after a 304
	sf.LastPolledAt = now
	entries, resp, perr := in.read(ctx, &sf)
	if err := ctx.Err(); err != nil {
		return res, err // shutting down: not the source's failure
	}
	if perr != nil {
		in.failed(&sf, perr, now)
		res.Err, res.Paused = perr, sf.Paused
		_, err := in.recordPoll(ctx, store.PollOutcome{Feed: sf, Job: &job})
		return res, err
	}
	sf.Failures = 0
	sf.LastSuccessAt = now
	sf.ETag, sf.LastModified = resp.ETag, resp.LastModified
	sf.NextPollAt = now.Add(in.interval(sf.Kind, entries, resp, now, lastInterval(prev)))
	out := store.PollOutcome{Feed: sf, Job: &job}
	for _, e := range entries {
		key := e.GUID
		norm := NormalizeURL(e.URL)
		if key == "" {
			key = norm
		}
		if norm == "" || key == "" {
			continue
		}
		t := pageTask{SourceID: sf.SourceID, URL: e.URL, Title: e.Title, Summary: e.Summary,
			ContentHTML: e.ContentHTML, Authors: e.Authors, Published: e.Published, Updated: e.Updated,
			Tags: e.Tags, ImageURL: e.ImageURL, Language: e.language}
		pe := store.PollEntry{Key: key, URL: norm, Job: pageJob(t, key, now), Updated: e.Updated}
		if !e.Updated.IsZero() {
			u := t
			u.Update = true
			pe.UpdateJob = pageJob(u, key+"\x00updated "+e.Updated.UTC().Format(time.RFC3339Nano), now)
		}
		out.Entries = append(out.Entries, pe)
	}
	counts, err := in.recordPoll(ctx, out)
	res.New, res.Updated = counts.New, counts.Updated
	return res, err
}

// entry is a feed entry or sitemap URL, as one shape.
type entry struct {
	feed.Entry
	language string
}

// read fetches the source (conditionally) and returns its entries; none
// on 304 Not Modified.
func (in *Ingester) read(ctx context.Context, sf *store.SourceFeed) ([]entry, *fetch.Response, error) {
	resp, err := in.fetch.Get(ctx, sf.URL, fetch.Conditional{ETag: sf.ETag, LastModified: sf.LastModified})
	if err != nil {
		return nil, nil, err
	}
	if resp.NotModified {
		// Keep the validators we had when the 304 omits them.
		if resp.ETag == "" {
			resp.ETag = sf.ETag
		}
		if resp.LastModified == "" {
			resp.LastModified = sf.LastModified
		}
		return nil, resp, nil
	}
	if sf.Kind == store.KindSitemap {
		es, err := in.readSitemap(ctx, resp)
		return es, resp, err
	}
	f, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return nil, nil, err
	}
	out := make([]entry, len(f.Entries))
	for i, e := range f.Entries {
		out[i] = entry{Entry: e, language: f.Language}
	}
	resp.MaxAge = max(resp.MaxAge, f.TTL) // honour RSS <ttl> like max-age
	return out, resp, nil
}

// readSitemap reads a sitemap, following an index to its newest children,
// and returns its newest pages.
func (in *Ingester) readSitemap(ctx context.Context, resp *fetch.Response) ([]entry, error) {
	sm, err := feed.ParseSitemap(resp.Body, resp.URL)
	if err != nil {
		return nil, err
	}
	urls := sm.URLs
	if sm.Index {
		refs := append([]feed.SitemapRef(nil), sm.Sitemaps...)
		// Newest first; undated ones keep the index's order, last listed first.
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].LastMod.After(refs[j].LastMod) })
		if len(refs) > 0 && refs[0].LastMod.IsZero() {
			for i, j := 0, len(refs)-1; i < j; i, j = i+1, j-1 {
				refs[i], refs[j] = refs[j], refs[i]
			}
		}
		for _, ref := range refs[:min(len(refs), maxChildSitemaps)] {
			cr, err := in.fetch.Get(ctx, ref.URL, fetch.Conditional{})
			if err != nil {
				return nil, fmt.Errorf("child sitemap %s: %w", ref.URL, err)
			}
			child, err := feed.ParseSitemap(cr.Body, cr.URL)
			if err != nil {
				return nil, fmt.Errorf("child sitemap %s: %w", ref.URL, err)
			}
			urls = append(urls, child.URLs...) // an index in an index is not followed
		}
	}
	sort.SliceStable(urls, func(i, j int) bool { return sitemapTime(urls[i]).After(sitemapTime(urls[j])) })
	urls = urls[:min(len(urls), maxSitemapURLs)]
	out := make([]entry, 0, len(urls))
	for _, u := range urls {
		e := entry{Entry: feed.Entry{URL: u.URL, Published: sitemapTime(u)}}
		if u.News != nil {
			e.Title = u.News.Title
			e.language = u.News.Language
		}
		out = append(out, e)
	}
	return out, nil
}

func sitemapTime(u feed.SitemapURL) time.Time {
	if u.News != nil && !u.News.Published.IsZero() {
		return u.News.Published
	}
	return u.LastMod
}

// failed records a failed poll on sf: the error, exponential backoff (or
// the server's Retry-After when longer), and a pause with the reason once
// the failures in a row reach the limit.
func (in *Ingester) failed(sf *store.SourceFeed, err error, now time.Time) {
	sf.Failures++
	sf.LastErrorAt = now
	sf.LastError = err.Error()
	backoff := in.opt.MinInterval
	for i := 1; i < sf.Failures && backoff < in.opt.MaxInterval; i++ {
		backoff *= 2
	}
	var se *fetch.StatusError
	if errors.As(err, &se) && se.RetryAfter > backoff {
		backoff = se.RetryAfter
	}
	sf.NextPollAt = now.Add(min(backoff, in.opt.MaxInterval))
	if sf.Failures >= in.opt.MaxFailures {
		sf.Paused = true
		sf.PauseReason = fmt.Sprintf("paused after %d failed polls in a row; last error: %s", sf.Failures, sf.LastError)
	}
}

// lastInterval is the interval chosen after the previous poll when that
// poll succeeded; zero otherwise.
func lastInterval(prev store.SourceFeed) time.Duration {
	if prev.Failures > 0 || prev.LastPolledAt.IsZero() || !prev.NextPollAt.After(prev.LastPolledAt) {
		return 0
	}
	return prev.NextPollAt.Sub(prev.LastPolledAt)
}

// interval chooses the time to the next poll: half the source's typical
// gap between posts (so a new post waits half a gap on average), never
// sooner than the feed's TTL, Cache-Control max-age or Expires allow, and
// bounded by MinInterval and MaxInterval. A 304 lists no posts: then the
// last interval holds.
func (in *Ingester) interval(kind string, entries []entry, resp *fetch.Response, now time.Time, last time.Duration) time.Duration {
	d := in.postingGap(entries, now) / 2
	if d == 0 && resp.NotModified {
		d = last
	}
	if d == 0 {
		d = in.opt.MaxInterval
		if kind == store.KindSitemap {
			d = sitemapPollDefault
		}
	}
	d = max(d, resp.MaxAge, resp.RetryAfter)
	if !resp.Expires.IsZero() {
		d = max(d, resp.Expires.Sub(now))
	}
	return min(max(d, in.opt.MinInterval), in.opt.MaxInterval)
}

// postingGap is the mean gap between the source's recent posts, counting
// the time since the newest one (a source gone quiet is polled less);
// zero when fewer than two posts are dated.
func (in *Ingester) postingGap(entries []entry, now time.Time) time.Duration {
	var ts []time.Time
	for _, e := range entries {
		if !e.Published.IsZero() && !e.Published.After(now) {
			ts = append(ts, e.Published)
		}
	}
	if len(ts) < 2 {
		return 0
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].After(ts[j]) })
	ts = ts[:min(len(ts), 20)]
	span := now.Sub(ts[len(ts)-1])
	return span / time.Duration(len(ts))
}
