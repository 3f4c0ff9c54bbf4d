package views

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
)

// maxUALen bounds how much of a User-Agent is examined and hashed. Real
// browsers stay well under it; anything longer is cut, not rejected.
const maxUALen = 512

// botMarkers are lowercase substrings of User-Agent strings sent by crawlers,
// link previewers, monitors and scripted clients. A short list on purpose:
// it catches the honest bots, which say what they are; dishonest ones pass
// as browsers and nothing in a request tells them apart.
//
// They are grouped by first byte, so one pass over the User-Agent tries at
// each position only the markers that can start there.
var botMarkers = sync.OnceValue(func() *[256][]string {
	words := []string{
		"bot", "crawl", "spider", "slurp", "scrape", "fetch", "archiver",
		"curl", "wget", "httpie", "python-requests", "python-urllib", "aiohttp",
		"go-http-client", "okhttp", "java/", "libwww", "lwp-", "node-fetch", "axios",
		"headless", "phantomjs", "lighthouse", "pingdom", "uptime", "monitor",
		"preview", "facebookexternalhit", "embedly", "whatsapp", "skypeuripreview",
		"feed", "rss", "validator",
	}
	var byFirst [256][]string
	for _, w := range words {
		byFirst[w[0]] = append(byFirst[w[0]], w)
	}
	return &byFirst
})

// Classify reports whether a request is a view worth counting: a GET (or a
// POST beacon) from something that says it is a browser, and not a
// prefetch or prerender the reader may never look at.
func Classify(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		return false // HEAD, OPTIONS and friends are never a reader
	}
	if isPrefetch(r.Header) {
		return false
	}
	return !isBot(r.Header.Get("User-Agent"))
}

// isPrefetch spots the speculative loads browsers announce: Chromium's
// Sec-Purpose (and its older Purpose), Firefox's X-Moz, Safari's X-Purpose.
func isPrefetch(h http.Header) bool {
	for _, name := range [...]string{"Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"} {
		v := h.Get(name)
		if v == "" {
			continue
		}
		if containsFold(v, "prefetch") || containsFold(v, "prerender") || containsFold(v, "preview") {
			return true
		}
	}
	return false
}

// isBot reports whether ua is empty or names a non-browser client. It
// lower-cases into a stack buffer so the hot path does not allocate.
func isBot(ua string) bool {
	if strings.TrimSpace(ua) == "" {
		return true // every browser sends one; its absence means a script
	}
	var buf [maxUALen]byte
	low := buf[:min(len(ua), maxUALen)]
	for i := range low {
		c := ua[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	markers := botMarkers()
	for i, c := range low {
		for _, m := range markers[c] {
			if bytes.HasPrefix(low[i:], []byte(m)) {
				return true
			}
		}
	}
	return false
}

// containsFold is an ASCII case-insensitive substring test for short header
// values.
func containsFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}
