package feed

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

func TestParseSitemap(t *testing.T) {
	latin1, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://port.example.fr/fete</loc><news:news><news:publication><news:name>Le Port</news:name><news:language>fr</news:language></news:publication><news:title>Fête de la mer</news:title></news:news></url>
</urlset>`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, baseURL string
		body          []byte
		want          *Sitemap
	}{
		{"urlset", "https://harbour.example.com/sitemap.xml", readFixture(t, "sitemap.xml"), &Sitemap{URLs: []SitemapURL{
			{URL: "https://harbour.example.com/news/ferry-timetable", LastMod: date("2026-11-02T08:30:00Z")},
			{URL: "https://harbour.example.com/news/cafe", LastMod: date("2026-11-01T00:00:00Z")},
			{URL: "https://harbour.example.com/about"},
		}}},
		{"gzipped urlset", "https://harbour.example.com/sitemap.xml.gz", gzipBytes(t, readFixture(t, "sitemap.xml")), &Sitemap{URLs: []SitemapURL{
			{URL: "https://harbour.example.com/news/ferry-timetable", LastMod: date("2026-11-02T08:30:00Z")},
			{URL: "https://harbour.example.com/news/cafe", LastMod: date("2026-11-01T00:00:00Z")},
			{URL: "https://harbour.example.com/about"},
		}}},
		{"index", "https://harbour.example.com/sitemap.xml", readFixture(t, "sitemap-index.xml"), &Sitemap{Index: true, Sitemaps: []SitemapRef{
			{URL: "https://harbour.example.com/sitemap-news.xml", LastMod: time.Date(2026, 11, 4, 6, 0, 0, 123e6, time.UTC)},
			{URL: "https://harbour.example.com/sitemap-2026-10.xml.gz"},
		}}},
		{"google news", "https://harbour.example.com/news-sitemap.xml", readFixture(t, "news-sitemap.xml"), &Sitemap{URLs: []SitemapURL{
			{URL: "https://harbour.example.com/news/lighthouse", News: &NewsInfo{
				Title: "Lighthouse keeper retires after 40 years", PublicationName: "The Harbour Gazette",
				Language: "en", Published: date("2026-11-04T04:45:00Z"),
			}},
			{URL: "https://harbour.example.com/news/regatta", News: &NewsInfo{
				Title: "Regatta postponed", PublicationName: "The Harbour Gazette",
				Language: "en", Published: date("2026-11-03T00:00:00Z"),
			}},
		}}},
		{"latin-1 news sitemap", "https://port.example.fr/sitemap.xml", latin1, &Sitemap{URLs: []SitemapURL{
			{URL: "https://port.example.fr/fete", News: &NewsInfo{Title: "Fête de la mer", PublicationName: "Le Port", Language: "fr"}},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSitemap(tt.body, tt.baseURL)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSitemap (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSitemapRejects(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		wantErr error
	}{
		{"feed", readFixture(t, "rss2.xml"), ErrUnknownFormat},
		{"html", readFixture(t, "page.html"), ErrUnknownFormat},
		{"broken urlset", []byte(`<urlset><url><loc>https://x.example/a</loc></url><url><loc>`), ErrMalformed},
		{"corrupt gzip", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, ErrMalformed},
		{"gzip bomb", gzipBomb(t, maxSitemapBytes>>20+1), ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sm, err := ParseSitemap(tt.body, "https://x.example/sitemap.xml")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseSitemap = %+v, %v; want %v", sm, err, tt.wantErr)
			}
		})
	}
}

// gzipBomb concatenates gzip members of 1 MiB of zeros each: gzip
// readers read them as one stream, so it inflates to mib MiB cheaply.
func gzipBomb(t testing.TB, mib int) []byte {
	member := gzipBytes(t, make([]byte, 1<<20))
	return bytes.Repeat(member, mib)
}

func TestParseW3CDate(t *testing.T) {
	tests := map[string]time.Time{
		"2026-11-04T05:45:00+01:00":     date("2026-11-04T04:45:00Z"),
		"2026-11-04T05:45:00.5Z":        time.Date(2026, 11, 4, 5, 45, 0, 5e8, time.UTC),
		"2026-11-04T05:45+02:00":        date("2026-11-04T03:45:00Z"),
		"2026-11-04T05:45:00":           date("2026-11-04T05:45:00Z"),
		"2026-11-04":                    date("2026-11-04T00:00:00Z"),
		"2026-11":                       date("2026-11-01T00:00:00Z"),
		" 2026 ":                        date("2026-01-01T00:00:00Z"),
		"":                              {},
		"yesterday":                     {},
		"Wed, 04 Nov 2026 05:45:00 GMT": {},
	}
	for in, want := range tests {
		if got := parseW3CDate(in); !got.Equal(want) {
			t.Errorf("parseW3CDate(%q) = %v, want %v", in, got, want)
		}
	}
}
