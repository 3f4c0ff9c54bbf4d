package feed

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, pageURL string
		body          []byte
		want          []string
	}{
		{"links in order, base href, duplicates and non-feeds dropped", "https://harbour.example.com/", readFixture(t, "page.html"), []string{
			"https://harbour.example.com/feed.rss",
			"https://harbour.example.com/section/sport/atom.xml",
			"https://harbour.example.com/feed.json",
			"https://harbour.example.com/section/comments.rss",
			"https://harbour.example.com/late.json",
		}},
		{"relative to the page without base", "https://blog.example.net/posts/one.html",
			[]byte(`<html><head><link rel=alternate type=application/atom+xml href=../atom.xml></head></html>`),
			[]string{"https://blog.example.net/atom.xml"}},
		{"a link inside an unclosed title is title text, as in browsers", "https://x.example/",
			[]byte(`<head><title>oops<link rel="alternate" type="application/rss+xml" href="/rss"><p><<>`),
			nil},
		{"unclosed tags around the link", "https://x.example/",
			[]byte(`<html><head><meta charset=utf-8><link rel="alternate" type="application/rss+xml" href="/rss"` + "\n" + `<div><span>`),
			[]string{"https://x.example/rss"}},
		{"self-closing link", "https://x.example/a/",
			[]byte(`<link rel="alternate" type="application/feed+json" href="feed.json" />`),
			[]string{"https://x.example/a/feed.json"}},
		{"no feeds", "https://x.example/", []byte(`<html><body><a href="/rss">RSS</a></body></html>`), nil},
		{"not html at all", "https://x.example/", []byte{0, 1, 2, 0xff}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Discover(tt.body, tt.pageURL)); diff != "" {
				t.Errorf("Discover (-want +got):\n%s", diff)
			}
		})
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		body []byte
		want Kind
	}{
		{"rss 2.0", readFixture(t, "rss2.xml"), KindFeed},
		{"rss 1.0", readFixture(t, "rss1.rdf"), KindFeed},
		{"rss 0.91", readFixture(t, "rss091.xml"), KindFeed},
		{"atom", readFixture(t, "atom.xml"), KindFeed},
		{"json feed", readFixture(t, "jsonfeed11.json"), KindFeed},
		{"latin-1 feed", readFixture(t, "latin1.xml"), KindFeed},
		{"feed with BOM and stylesheet", append([]byte("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n<!-- hi -->"), readFixture(t, "rss091.xml")[22:]...), KindFeed},
		{"sitemap", readFixture(t, "sitemap.xml"), KindSitemap},
		{"news sitemap", readFixture(t, "news-sitemap.xml"), KindSitemap},
		{"sitemap index", readFixture(t, "sitemap-index.xml"), KindSitemapIndex},
		{"gzipped sitemap", gzipBytes(t, readFixture(t, "sitemap.xml")), KindSitemap},
		{"html page", readFixture(t, "page.html"), KindHTML},
		{"html fragment", []byte("<meta charset=utf-8><title>x</title><body><p>hi"), KindHTML},
		{"other json", []byte(`{"version": "1", "items": []}`), KindUnknown},
		{"other xml", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), KindUnknown},
		{"plain text", []byte("hello"), KindUnknown},
		{"empty", nil, KindUnknown},
		{"corrupt gzip", []byte{0x1f, 0x8b, 0, 0}, KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.body); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}
