package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"time"
)

// Sitemaps (sitemaps.org) and a Google News sitemap of the last two days,
// both listed in robots.txt.

// Sitemap bounds: the protocol allows 50,000 URLs a file, news sitemaps
// 1,000 articles of the last two days.
const (
	maxSitemapURLs = 50_000
	maxNewsURLs    = 1_000
	newsWindow     = 48 * time.Hour
)

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	NSNews  string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string       `xml:"loc"`
	LastMod string       `xml:"lastmod,omitempty"`
	News    *newsSitemap `xml:"news:news,omitempty"`
}

type newsSitemap struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// sitemap lists the home page, every source, tag and account page, and
// the newest published articles.
func (s *Server) sitemap(r *http.Request) (page, error) {
	ctx := r.Context()
	base := s.base(r)
	set := urlSet{URLs: []sitemapURL{{Loc: base + "/"}}}
	srcs, err := s.store.Sources(ctx)
	if err != nil {
		return page{}, fmt.Errorf("web: sitemap: %w", err)
	}
	for _, src := range srcs {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + "/source/" + src.Slug})
	}
	accs, err := s.store.Accounts(ctx)
	if err != nil {
		return page{}, fmt.Errorf("web: sitemap: %w", err)
	}
	for _, acc := range accs {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + "/author/" + acc.Slug})
	}
	tags, err := s.store.Tags(ctx)
	if err != nil {
		return page{}, fmt.Errorf("web: sitemap: %w", err)
	}
	for _, t := range tags {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + "/tag/" + t.Slug})
	}
	stamps, err := s.store.ArticleStamps(ctx, time.Time{}, max(0, maxSitemapURLs-len(set.URLs)))
	if err != nil {
		return page{}, fmt.Errorf("web: sitemap: %w", err)
	}
	for _, a := range stamps {
		u := sitemapURL{Loc: base + "/a/" + a.Slug}
		for _, t := range []time.Time{a.UpdatedAt, a.PublishedAt} {
			if !t.IsZero() {
				u.LastMod = t.UTC().Format(time.RFC3339)
				break
			}
		}
		set.URLs = append(set.URLs, u)
	}
	return xmlPage(set, "application/xml; charset=utf-8")
}

// newsSitemap lists the articles published in the last two days. The page
// cache keeps it at most pageMaxAge, so the window moves on by itself.
func (s *Server) newsSitemap(r *http.Request) (page, error) {
	base := s.base(r)
	stamps, err := s.store.ArticleStamps(r.Context(), time.Now().Add(-newsWindow), maxNewsURLs)
	if err != nil {
		return page{}, fmt.Errorf("web: news sitemap: %w", err)
	}
	set := urlSet{NSNews: "http://www.google.com/schemas/sitemap-news/0.9", URLs: []sitemapURL{}}
	for _, a := range stamps {
		lang := a.Language
		if lang == "" {
			lang = s.lang
		}
		set.URLs = append(set.URLs, sitemapURL{
			Loc: base + "/a/" + a.Slug,
			News: &newsSitemap{
				Publication: newsPublication{Name: s.site, Language: lang},
				Date:        a.PublishedAt.UTC().Format(time.RFC3339),
				Title:       a.Title,
			},
		})
	}
	return xmlPage(set, "application/xml; charset=utf-8")
}

// robots allows everything and names the sitemaps.
func (s *Server) robots(r *http.Request) (page, error) {
	base := s.base(r)
	body := "User-agent: *\nDisallow: /search\n\nSitemap: " + base + "/sitemap.xml\nSitemap: " + base + "/news-sitemap.xml\n"
	return page{body: []byte(body), ctype: "text/plain; charset=utf-8", control: listControl}, nil
}
