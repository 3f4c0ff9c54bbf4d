// Package ingesttest serves made-up news sites for ingestion tests and
// benchmarks: article pages with the furniture real pages have (navigation,
// share bars, footers), RSS feeds that answer conditional GETs, and a
// story generator whose texts are distinct per seed yet read like news on
// a shared topic. Everything here is generated; nothing is copied.
package ingesttest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// topics give stories on one subject a shared vocabulary, so that
// different stories on one topic look alike to a careless fingerprint.
var topics = [][]string{
	{"harbour", "council", "ferry", "budget", "quay", "dredging", "mooring", "tides", "pilots", "cargo"},
	{"orchard", "blossom", "frost", "pickers", "cider", "grafting", "pollinators", "harvest", "rootstock", "press"},
	{"tramway", "timetable", "depot", "overhead", "line", "junction", "fares", "drivers", "signals", "platform"},
	{"library", "archive", "reading", "volunteers", "catalogue", "manuscripts", "lending", "shelves", "binding", "donors"},
}

var common = []string{"the", "a", "and", "said", "after", "before", "while", "week", "residents", "plans",
	"new", "local", "town", "members", "report", "morning", "evening", "year", "on", "with", "for", "from",
	"about", "their", "officials", "expected", "group", "last", "first", "public", "meeting", "notes"}

var names = []string{"Ada Whitlock", "Tomas Brennan", "Ines Okafor", "Rui Salgado", "Mira Halvorsen", "Jonah Pike"}

// Story is a generated news article.
type Story struct {
	Title     string
	Author    string
	Paras     []string
	Published time.Time
}

// NewStory generates a story of paras paragraphs on topic (any int; taken
// modulo the topics) from seed: the same seed gives the same story.
func NewStory(seed uint64, topic, paras int, published time.Time) Story {
	r := rand.New(rand.NewPCG(seed, uint64(topic)))
	tw := topics[topic%len(topics)]
	word := func() string {
		if r.IntN(3) == 0 {
			return tw[r.IntN(len(tw))]
		}
		return common[r.IntN(len(common))]
	}
	sentence := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word()
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	s := Story{
		Title:     strings.TrimSuffix(sentence(6), ".") + fmt.Sprintf(" (%d)", seed%1000),
		Author:    names[r.IntN(len(names))],
		Published: published.UTC().Truncate(time.Second),
	}
	for range paras {
		var p []string
		for range 3 + r.IntN(3) {
			p = append(p, sentence(9+r.IntN(9)))
		}
		s.Paras = append(s.Paras, strings.Join(p, " "))
	}
	return s
}

// Text is the story's body as plain text.
func (s Story) Text() string { return strings.Join(s.Paras, "\n\n") }

// Page renders the story as a complete article page of siteName, with
// navigation, a share bar, a related list and a footer around it; extra
// paragraphs are appended to the body (a syndicator's footer, say).
func (s Story) Page(siteName string, extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>
<meta property="og:site_name" content="%s"><meta name="author" content="%s">
<meta property="article:published_time" content="%s"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/about">About</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By %s</p>
`, html.EscapeString(s.Title), html.EscapeString(siteName), html.EscapeString(siteName), html.EscapeString(s.Author),
		s.Published.Format(time.RFC3339), html.EscapeString(s.Title), html.EscapeString(s.Author))
	for _, p := range append(append([]string(nil), s.Paras...), extra...) {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</article>
<div class="share"><a href="https://social.example/share">Share</a> <a href="mailto:?subject=story">Email</a></div>
<aside class="related"><h2>More stories</h2><ul><li><a href="/x/1">Another story</a></li><li><a href="/x/2">Yet another</a></li></ul></aside>
</main><footer><p>© ` + html.EscapeString(siteName) + `. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`)
	return b.String()
}

// Item is one entry of a generated RSS feed.
type Item struct {
	Title       string
	Link        string
	GUID        string // empty: none
	Description string
	Content     string // content:encoded; empty: none
	Author      string
	Published   time.Time
}

// RSS renders an RSS 2.0 feed.
func RSS(title, link string, items []Item) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>%s</title><link>%s</link><description>Stories from %s</description>
`, xmlEsc(title), xmlEsc(link), xmlEsc(title))
	for _, it := range items {
		b.WriteString("<item>")
		fmt.Fprintf(&b, "<title>%s</title><link>%s</link>", xmlEsc(it.Title), xmlEsc(it.Link))
		if it.GUID != "" {
			fmt.Fprintf(&b, `<guid isPermaLink="false">%s</guid>`, xmlEsc(it.GUID))
		}
		if it.Description != "" {
			fmt.Fprintf(&b, "<description>%s</description>", xmlEsc(it.Description))
		}
		if it.Content != "" {
			fmt.Fprintf(&b, "<content:encoded>%s</content:encoded>", xmlEsc(it.Content))
		}
		if it.Author != "" {
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>", xmlEsc(it.Author))
		}
		if !it.Published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.Published.UTC().Format(time.RFC1123Z))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func xmlEsc(s string) string { return html.EscapeString(s) }

// Site is a test web server on 127.0.0.1 whose routes tests set and
// change, counting the requests each path gets.
type Site struct {
	*httptest.Server
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	hits   map[string]int
}

// NewSite starts a Site, closed when the test ends.
func NewSite(tb testing.TB) *Site {
	s := &Site{routes: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	h := s.routes[r.URL.Path]
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

// Handle sets the handler of path.
func (s *Site) Handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

// Hits returns how many requests path has had.
func (s *Site) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Static serves body at path with the content type, answering conditional
// GETs with 304 by an ETag of the body.
func (s *Site) Static(path, contentType, body string) {
	sum := sha256.Sum256([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	s.Handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	})
}

// Feed serves an RSS feed of items at path.
func (s *Site) Feed(path, title string, items []Item) {
	s.Static(path, "application/rss+xml; charset=utf-8", RSS(title, s.URL+"/", items))
}

// Article serves a story's page at path and returns the feed item for it.
func (s *Site) Article(path, siteName string, st Story, extra ...string) Item {
	s.Static(path, "text/html; charset=utf-8", st.Page(siteName, extra...))
	return Item{Title: st.Title, Link: s.URL + path, GUID: "tag:" + path, Description: st.Paras[0],
		Author: st.Author, Published: st.Published}
}
