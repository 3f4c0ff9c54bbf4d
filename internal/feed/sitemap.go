package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// maxSitemapBytes is the sitemap protocol's limit on an uncompressed
// sitemap; a gzip-compressed one is never inflated past it.
const maxSitemapBytes = 50 << 20

// Sitemap is a parsed sitemap: either an index listing other sitemaps
// (Index true, Sitemaps set) or a list of pages (URLs set).
type Sitemap struct {
	Index    bool
	Sitemaps []SitemapRef
	URLs     []SitemapURL
}

// SitemapRef is one child sitemap of a sitemap index.
type SitemapRef struct {
	URL     string
	LastMod time.Time // zero when not given
}

// SitemapURL is one page listed by a sitemap.
type SitemapURL struct {
	URL     string
	LastMod time.Time // zero when not given
	// News is set for Google News sitemap entries.
	News *NewsInfo
}

// NewsInfo is the <news:news> part of a Google News sitemap entry.
type NewsInfo struct {
	Title           string
	PublicationName string
	Language        string
	Published       time.Time // zero when missing or unreadable
}

// XML shapes. Element names are matched in any namespace except for the
// news extension, whose namespace is what makes it news.
type xmlURLSet struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    *struct {
			Publication struct {
				Name     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 name"`
				Language string `xml:"http://www.google.com/schemas/sitemap-news/0.9 language"`
			} `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication"`
			PublicationDate string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication_date"`
			Title           string `xml:"http://www.google.com/schemas/sitemap-news/0.9 title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

type xmlSitemapIndex struct {
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// ParseSitemap reads a sitemap or sitemap index (plain or gzip-compressed)
// fetched from baseURL; relative and non-http(s) locations are resolved or
// dropped. Anything else gives an error wrapping ErrUnknownFormat, broken
// XML one wrapping ErrMalformed.
func ParseSitemap(body []byte, baseURL string) (*Sitemap, error) {
	base, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("feed: parse sitemap: bad base URL: %w", err)
	}
	if isGzip(body) {
		if body, err = gunzip(body, maxSitemapBytes); err != nil {
			return nil, fmt.Errorf("feed: parse sitemap %s: %w: %v", baseURL, ErrMalformed, err)
		}
	}
	switch Detect(body) {
	case KindSitemap:
		var set xmlURLSet
		if err := decodeXML(body, &set); err != nil {
			return nil, fmt.Errorf("feed: parse sitemap %s: %w: %v", baseURL, ErrMalformed, err)
		}
		return convertURLSet(&set, base), nil
	case KindSitemapIndex:
		var idx xmlSitemapIndex
		if err := decodeXML(body, &idx); err != nil {
			return nil, fmt.Errorf("feed: parse sitemap index %s: %w: %v", baseURL, ErrMalformed, err)
		}
		sm := &Sitemap{Index: true}
		for _, s := range idx.Sitemaps {
			if u := resolve(base, s.Loc); u != "" {
				sm.Sitemaps = append(sm.Sitemaps, SitemapRef{URL: u, LastMod: parseW3CDate(s.LastMod)})
			}
		}
		return sm, nil
	}
	return nil, fmt.Errorf("feed: parse sitemap %s: %w: no <urlset> or <sitemapindex> root", baseURL, ErrUnknownFormat)
}

func convertURLSet(set *xmlURLSet, base *url.URL) *Sitemap {
	sm := &Sitemap{}
	for _, x := range set.URLs {
		u := resolve(base, x.Loc)
		if u == "" {
			continue
		}
		entry := SitemapURL{URL: u, LastMod: parseW3CDate(x.LastMod)}
		if x.News != nil {
			entry.News = &NewsInfo{
				Title:           strings.TrimSpace(x.News.Title),
				PublicationName: strings.TrimSpace(x.News.Publication.Name),
				Language:        strings.TrimSpace(x.News.Publication.Language),
				Published:       parseW3CDate(x.News.PublicationDate),
			}
		}
		sm.URLs = append(sm.URLs, entry)
	}
	return sm
}

// decodeXML decodes a whole document, whatever charset it declares.
func decodeXML(body []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

// w3cLayouts are the W3C Datetime forms sitemaps use, most precise first.
var w3cLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

// parseW3CDate reads a sitemap date; zero when empty or unreadable.
// Times without a zone are taken as UTC.
func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range w3cLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// gunzip inflates b, stopping with an error past limit bytes. When it
// stops early it still returns what it read, which Detect uses.
func gunzip(b []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if int64(len(out)) > limit {
		return out[:limit], errors.New("larger than the limit once decompressed")
	}
	return out, err
}
