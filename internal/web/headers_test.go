package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newshound/internal/httpsec"
	"newshound/internal/store/storetest"
)

// A cached page view sends eight header fields besides Date: net/http's
// header map stays in its small form up to eight, and a ninth measurably
// slows every view (README, "Reading speed"). Framing is still refused by
// the CSP and the referrer policy still applies, from the page's <meta>;
// responses that are not HTML keep nosniff.
func TestCachedPageHeaders(t *testing.T) {
	s := storetest.SQLite(t)
	site, _ := readingSite(t, s, nil)
	ts := httptest.NewServer(httpsec.Handler(site.Config.Handler, httpsec.Options{}))
	defer ts.Close()
	a := newestArticle(t, s)

	for _, enc := range []string{"identity", "gzip"} {
		for range 2 { // the first view renders, the second is a cache hit
			resp, body := fetch(t, ts, "GET", "/a/"+a.Slug, "Accept-Encoding", enc)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", enc, resp.StatusCode)
			}
			h := resp.Header.Clone()
			h.Del("Date")
			if len(h) > 8 {
				t.Errorf("%s: %d header fields besides Date, want at most 8: %v", enc, len(h), h)
			}
			for _, name := range []string{"Content-Type", "Content-Length", "Cache-Control", "Vary", "Etag", "Last-Modified"} {
				if h.Get(name) == "" {
					t.Errorf("%s: no %s", enc, name)
				}
			}
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") {
				t.Errorf("%s: CSP %q does not keep other sites from framing the page", enc, csp)
			}
			if enc == "gzip" {
				body = gunzip(t, body)
			}
			if !strings.Contains(string(body), `<meta name="referrer" content="strict-origin-when-cross-origin">`) {
				t.Errorf("%s: the page carries no referrer policy", enc)
			}
		}
	}

	resp, _ := fetch(t, ts, "GET", "/feed.xml")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("feed: status %d, X-Content-Type-Options %q, want 200 and nosniff", resp.StatusCode, resp.Header.Get("X-Content-Type-Options"))
	}
}
