package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"

	"newshound/internal/news"
)

// maxRelated is how many recommendations an article page shows.
const maxRelated = 5

// articleControl lets browsers and shared caches keep an article page but
// makes them ask again before each use, so that every view reaches us (and
// is counted) even when it is answered with 304. See docs/counting.md.
const articleControl = "public, no-cache"

// listControl lets listings, feeds and sitemaps be reused for a minute.
const listControl = "public, max-age=60"

// articlePage renders /a/{slug}: one published article with its
// attribution, visit counter, recommendations and metadata. The counter and
// the join form's token are holes filled per response (see holes.go).
func (s *Server) articlePage(r *http.Request) (page, error) {
	ctx := r.Context()
	a, err := s.store.ArticleBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return page{}, fmt.Errorf("web: article %q: %w", r.PathValue("slug"), err)
	}
	if !a.Published() {
		return page{}, errNotFound
	}
	src, err := s.store.Source(ctx, a.SourceID)
	if err != nil {
		return page{}, fmt.Errorf("web: source of article %d: %w", a.ID, err)
	}
	p := articlePage{
		Layout:     s.layout(a.Title, a.Standfirst),
		Article:    a,
		Source:     src,
		Body:       bodyHTML(a),
		Standfirst: headStandfirst(a),
		Lead:       headImage(a),
		Join:       s.joinBlock(a.ID),
	}
	if a.Language != "" {
		p.Lang = a.Language
	}
	if a.AccountID != 0 {
		acc, err := s.store.Account(ctx, a.AccountID)
		if err != nil {
			return page{}, fmt.Errorf("web: account of article %d: %w", a.ID, err)
		}
		p.Account = &acc
	}
	related, err := s.store.RelatedArticles(ctx, a.ID, maxRelated)
	if err != nil {
		return page{}, fmt.Errorf("web: recommendations for article %d: %w", a.ID, err)
	}
	if p.Related, err = s.cards(ctx, related); err != nil {
		return page{}, err
	}
	if s.counter != nil {
		p.Counter = s.holes.mark(holeCounter)
	}
	if p.Join != nil {
		p.Join.Token = s.holes.mark(holeToken)
	}
	s.articleMeta(r, &p)
	body, err := s.renderBytes("article.html", p)
	if err != nil {
		return page{}, err
	}
	return page{body: body, ctype: htmlType, control: articleControl, articleID: a.ID}, nil
}

const htmlType = "text/html; charset=utf-8"

// articleMeta fills the canonical link and the OpenGraph, Twitter and
// JSON-LD metadata of an article page.
func (s *Server) articleMeta(r *http.Request, p *articlePage) {
	a := &p.Article
	ours := s.absURL(r, "/a/"+a.Slug)
	p.Canonical = ours
	if !s.canonicalSelf {
		if orig := original(a); orig != "" {
			p.Canonical = orig
		}
	}
	m := &pageMeta{
		Type:        "article",
		Title:       a.Title,
		Description: a.Standfirst,
		URL:         ours,
		Locale:      strings.ReplaceAll(p.Lang, "-", "_"),
	}
	if a.LeadImage != nil {
		m.Image = s.absURL(r, a.LeadImage.ImageURL)
		m.ImageAlt = a.LeadImage.Alt
	}
	if !a.PublishedAt.IsZero() {
		m.Published = a.PublishedAt.UTC().Format(time.RFC3339)
	}
	if !a.UpdatedAt.IsZero() {
		m.Modified = a.UpdatedAt.UTC().Format(time.RFC3339)
	}
	for _, t := range a.Tags {
		m.Tags = append(m.Tags, t.Name)
	}
	ld := &newsArticleLD{
		Context:     "https://schema.org",
		Type:        "NewsArticle",
		Headline:    a.Title,
		Description: a.Standfirst,
		URL:         ours,
		MainEntity:  ours,
		IsBasedOn:   original(a),
		Published:   m.Published,
		Modified:    m.Modified,
		Language:    p.Lang,
		Keywords:    m.Tags,
		Publisher:   ldThing{Type: "Organization", Name: s.site, URL: s.absURL(r, "/")},
	}
	if m.Image != "" {
		ld.Image = []string{m.Image}
	}
	for _, au := range a.Authors {
		ld.Author = append(ld.Author, ldThing{Type: "Person", Name: au.Name, URL: httpURL(au.URL)})
	}
	if len(ld.Author) == 0 {
		ld.Author = []ldThing{{Type: "Organization", Name: p.Source.Name, URL: httpURL(p.Source.HomepageURL)}}
	}
	m.LD = ld
	p.Meta = m
}

// original is the article's original address, as an http(s) URL, or "".
func original(a *news.Article) string {
	if u := httpURL(a.CanonicalURL); u != "" {
		return u
	}
	return httpURL(a.OriginalURL)
}

// httpURL returns u if it is an absolute http(s) URL, else "".
func httpURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

// absURL makes a site path absolute with the configured base URL, or the
// request's host when none is configured. Absolute URLs pass unchanged.
func (s *Server) absURL(r *http.Request, path string) string {
	if httpURL(path) != "" {
		return path
	}
	return s.base(r) + path
}

func (s *Server) base(r *http.Request) string {
	if s.baseURL != "" {
		return strings.TrimRight(s.baseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// renderBytes executes a page template into bytes.
func (s *Server) renderBytes(name string, data any) ([]byte, error) {
	t, ok := s.pages[name]
	if !ok {
		return nil, fmt.Errorf("web: no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("web: render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// capture is a ResponseWriter that keeps what a handler writes, so that
// the listing handlers, which render straight to a writer, can be cached.
type capture struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (c *capture) Header() http.Header { return c.header }
func (c *capture) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}
func (c *capture) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.buf.Write(b)
}

// asPage turns a handler that renders to a writer into a cacheable page.
func (s *Server) asPage(h handlerFunc, control string) pageFunc {
	return func(r *http.Request) (page, error) {
		c := &capture{header: http.Header{}}
		if err := h(c, r); err != nil {
			return page{}, err
		}
		if c.status != http.StatusOK {
			return page{}, fmt.Errorf("web: %s rendered status %d", r.URL.Path, c.status)
		}
		return page{body: c.buf.Bytes(), ctype: c.header.Get("Content-Type"), control: control}, nil
	}
}
