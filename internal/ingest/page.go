package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/extract"
	"newshound/internal/fetch"
	"newshound/internal/news"
	"newshound/internal/store"
)

// Content sources: where a stored body came from.
const (
	FromPage = "page" // extracted from the fetched page
	FromFeed = "feed" // the feed's own content: extraction failed or was thin
)

// ErrNoContent means neither the page nor the feed gave any article text.
var ErrNoContent = errors.New("no article text in the page or the feed")

// PageResult is what one page job did.
type PageResult struct {
	ArticleID int64
	Matched   string // store.MatchOriginal (new), MatchURL or MatchContent (duplicate); "" for an update
	Updated   bool   // an update of a stored article was saved
	Source    string // FromPage or FromFeed
}

// page runs a page job: fetch the entry's page, extract it (or fall back
// to the feed's content), and store it unless it is a duplicate, completing
// the job in the same transaction. A temporary fetch error is returned
// with retry true while attempts remain; the caller fails the job then.
func (in *Ingester) page(ctx context.Context, job store.Job) (res PageResult, retry bool, err error) {
	var t pageTask
	if err := json.Unmarshal([]byte(job.Payload), &t); err != nil {
		return res, false, fmt.Errorf("bad page payload: %w", err)
	}
	resp, ferr := in.fetch.Get(ctx, t.URL, fetch.Conditional{})
	if err := ctx.Err(); err != nil {
		return res, true, err // shutting down: not the page's fault, and no fallback
	}
	if ferr != nil && fetch.Temporary(ferr) && job.Attempts < job.MaxAttempts {
		return res, true, ferr
	}
	var body []byte
	finalURL := t.URL
	if ferr == nil {
		body, finalURL = resp.Body, resp.URL
	}
	in2, err := in.build(ctx, t, body, finalURL)
	if err != nil {
		if ferr != nil {
			err = fmt.Errorf("%w (fetching the page: %w)", err, ferr)
		}
		return res, !errors.Is(err, ErrNoContent), err
	}
	in2.Job = &job
	if t.Update {
		return in.update(ctx, job, in2)
	}
	id, matched, err := in.storeIngested(ctx, in2)
	if err != nil {
		return res, true, err // the database's trouble: worth another try
	}
	res = PageResult{ArticleID: id, Matched: matched, Source: in2.ContentSource}
	if matched == store.MatchOriginal {
		in.stored(ctx, *in2.Article)
	}
	return res, false, nil
}

// update saves a newer version of a stored article. When the entry's
// article was never stored (it was a duplicate of another source's copy,
// or failed), there is nothing to update and the job just completes.
func (in *Ingester) update(ctx context.Context, job store.Job, x store.Ingested) (PageResult, bool, error) {
	id, err := in.updateIngested(ctx, x)
	if errors.Is(err, store.ErrNotFound) {
		return PageResult{}, false, in.complete(ctx, job)
	}
	if err != nil {
		return PageResult{}, true, err
	}
	in.stored(ctx, *x.Article)
	return PageResult{ArticleID: id, Updated: true, Source: x.ContentSource}, false, nil
}

// stored tells OnStored about a new article.
func (in *Ingester) stored(ctx context.Context, a news.Article) {
	if in.opt.OnStored == nil {
		return
	}
	if err := in.opt.OnStored(ctx, a); err != nil {
		in.log.Warn("after storing article", "article", a.ID, "err", err)
	}
}

// build turns a fetched page (nil when it could not be fetched) and its
// feed entry into an article ready to store.
func (in *Ingester) build(ctx context.Context, t pageTask, page []byte, pageURL string) (store.Ingested, error) {
	account, err := in.account(ctx)
	if err != nil {
		return store.Ingested{}, err
	}
	var a news.Article
	var xerr error
	if len(page) > 0 {
		a, xerr = extract.FromHTML(page, pageURL)
	} else {
		xerr = errors.New("page not fetched")
	}
	from := FromPage
	feedHTML, feedText := feedContent(t, pageURL)
	if xerr != nil || len(a.BodyText) < thinText || len(feedText) > 2*len(a.BodyText) {
		if feedText == "" && (xerr != nil || a.BodyText == "") {
			if xerr == nil {
				xerr = errors.New("empty body")
			}
			return store.Ingested{}, fmt.Errorf("%w: %s: %v", ErrNoContent, t.URL, xerr)
		}
		if feedText != "" && len(feedText) >= len(a.BodyText) {
			from = FromFeed
			a.BodyHTML, a.BodyText = feedHTML, feedText
		}
	}
	merge(&a, t)
	a.SourceID = t.SourceID
	a.AccountID = account
	a.OriginalURL = pageURL
	a.FetchedAt = in.now()
	a.Status = news.StatusPublished
	a.ID, a.Slug = 0, ""
	a.Fingerprint = ExactFingerprint(a.BodyText)
	sig := signature(a)
	out := store.Ingested{Article: &a, URLNorm: NormalizeURL(t.URL), ContentSource: from,
		MinHash: sig.Bytes(), Bands: sig.Bands()}
	if sig != nil {
		out.Same = func(b []byte) bool { return Same(sig, SignatureFrom(b)) }
	}
	if len(page) > 0 {
		if out.PageGz, err = gzipBytes(page); err != nil {
			return store.Ingested{}, err
		}
	}
	return out, nil
}

// signature is the content signature dedupe compares: of the title and
// the body text together.
func signature(a news.Article) Signature { return MinHash(a.Title + "\n" + a.BodyText) }

// merge fills what extraction left empty from the feed entry. The feed's
// publication time wins: it is the source's own record of it.
func merge(a *news.Article, t pageTask) {
	if strings.TrimSpace(a.Title) == "" {
		a.Title = t.Title
	}
	if strings.TrimSpace(a.Title) == "" {
		a.Title = t.URL
	}
	if len(a.Authors) == 0 {
		a.Authors = t.Authors
	}
	if !t.Published.IsZero() {
		a.PublishedAt = t.Published
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = t.Updated
	}
	if a.Standfirst == "" {
		a.Standfirst = plainText(t.Summary, 300)
	}
	if a.Language == "" {
		a.Language = t.Language
	}
	if a.LeadImage == nil && t.ImageURL != "" {
		a.LeadImage = &news.Figure{ImageURL: t.ImageURL}
	}
	if len(a.Tags) == 0 {
		a.Tags = t.Tags
	}
}

// feedContent is the entry's own content (else its summary), sanitized
// with the extractor's policy, and its text.
func feedContent(t pageTask, pageURL string) (string, string) {
	raw := t.ContentHTML
	if strings.TrimSpace(raw) == "" {
		raw = t.Summary
	}
	if strings.TrimSpace(raw) == "" {
		return "", ""
	}
	clean := extract.Sanitize(raw, pageURL)
	return clean, plainText(clean, 0)
}

// plainText is the text of an HTML fragment, paragraphs split by blank
// lines, cut to limit bytes when limit > 0.
func plainText(fragment string, limit int) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch n.Data {
			case "script", "style":
				return
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "br":
				b.WriteString("\n\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	var paras []string
	for _, p := range strings.Split(b.String(), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	s := strings.Join(paras, "\n\n")
	if limit > 0 && len(s) > limit {
		s = truncateRunes(s, limit)
	}
	return s
}

func truncateRunes(s string, n int) string {
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return strings.TrimSpace(s[:n]) + "…"
}

// gzipWriters reuses compressors: each holds over a megabyte of tables,
// and allocating one per page showed up in the benchmark.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// maxStoredPage bounds a stored page when decompressed, well above the
// fetcher's body limit.
const maxStoredPage = 64 << 20

func gunzipBytes(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(io.LimitReader(zr, maxStoredPage))
}

// retryHint is the server's Retry-After in err, if any.
func retryHint(err error) time.Duration {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// retryDelay is the wait before the attempt-th retry of a page: 30 s,
// then doubling, at most an hour.
func retryDelay(attempt int, hint time.Duration) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(max(d, hint), time.Hour)
}
