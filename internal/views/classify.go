package views

import (
	"bytes"
	"hash/maphash"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
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
	return classify(r, headerValue(r.Header, "User-Agent"), isBot)
}

// classify is Classify for a User-Agent already read, with the bot test
// to use (the Counter's remembers its answers).
func classify(r *http.Request, ua string, bot func(string) bool) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		return false // HEAD, OPTIONS and friends are never a reader
	}
	if isPrefetch(r.Header) {
		return false
	}
	return !bot(ua)
}

// headerValue is h.Get(key) for a key already in canonical form, as the
// names of a server's request headers are: it skips Get's canonicalising
// of the key, a measurable part of counting a view when done five times.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// isPrefetch spots the speculative loads browsers announce: Chromium's
// Sec-Purpose (and its older Purpose), Firefox's X-Moz, Safari's X-Purpose.
func isPrefetch(h http.Header) bool {
	for _, name := range [...]string{"Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"} {
		v := headerValue(h, name)
		if v == "" {
			continue
		}
		if containsFold(v, "prefetch") || containsFold(v, "prerender") || containsFold(v, "preview") {
			return true
		}
	}
	return false
}

// botVerdicts remembers isBot's answers for recently seen User-Agents, so
// that the usual few browsers of a site are looked at once, not on every
// view (isBot was a third of the cost of counting one). It keeps no
// User-Agent text: a slot holds a 64-bit keyed hash of one, under a seed
// drawn at start and never stored, with its lowest bit replaced by the
// answer (1 for a bot). A different User-Agent landing in a slot replaces
// what was there; two agreeing on 63 bits of a keyed hash by chance is
// about as likely as never.
type botVerdicts struct {
	seed  maphash.Seed
	slots [1024]atomic.Uint64
}

func newBotVerdicts() *botVerdicts { return &botVerdicts{seed: maphash.MakeSeed()} }

// isBot is the package's isBot, remembered.
func (v *botVerdicts) isBot(ua string) bool {
	h := maphash.String(v.seed, ua)
	slot := &v.slots[h>>(64-10)]
	if e := slot.Load(); e != 0 && e&^1 == h&^1 {
		return e&1 == 1
	}
	bot := isBot(ua)
	e := h &^ 1
	if bot {
		e |= 1
	}
	slot.Store(e)
	return bot
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
