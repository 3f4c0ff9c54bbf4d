package httpsec

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	var reached int
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached++
		io.WriteString(w, "ok")
	})
	ts := httptest.NewServer(Handler(next, Options{}))
	defer ts.Close()

	tests := []struct {
		name     string
		method   string
		path     string
		header   map[string]string
		status   int
		reached  bool
		csp      string
		frame    string
		cache    string
		referrer string
	}{
		{name: "public page", method: "GET", path: "/a/story", status: 200, reached: true,
			csp: PublicCSP},
		{name: "admin page", method: "GET", path: "/admin/signups", status: 200, reached: true,
			csp: AdminCSP, frame: "DENY", cache: "no-store", referrer: "no-referrer"},
		{name: "admin root without slash", method: "GET", path: "/admin", status: 200, reached: true,
			csp: AdminCSP, frame: "DENY", cache: "no-store", referrer: "no-referrer"},
		{name: "a public path that only starts like admin", method: "GET", path: "/administer", status: 200, reached: true,
			csp: PublicCSP},
		{name: "same-origin post", method: "POST", path: "/join", header: map[string]string{"Sec-Fetch-Site": "same-origin"},
			status: 200, reached: true, csp: PublicCSP},
		{name: "post without browser headers (curl, scripts)", method: "POST", path: "/join",
			status: 200, reached: true, csp: PublicCSP},
		{name: "cross-site post to the join form", method: "POST", path: "/join", header: map[string]string{"Sec-Fetch-Site": "cross-site"},
			status: 403, csp: PublicCSP},
		{name: "cross-site post to admin", method: "POST", path: "/admin/signups/1/delete", header: map[string]string{"Sec-Fetch-Site": "cross-site"},
			status: 403, csp: AdminCSP, frame: "DENY", cache: "no-store", referrer: "no-referrer"},
		{name: "post from another origin (old browser, Origin only)", method: "POST", path: "/admin/login", header: map[string]string{"Origin": "https://evil.example"},
			status: 403, csp: AdminCSP, frame: "DENY", cache: "no-store", referrer: "no-referrer"},
		{name: "cross-site GET is a plain link", method: "GET", path: "/a/story", header: map[string]string{"Sec-Fetch-Site": "cross-site"},
			status: 200, reached: true, csp: PublicCSP},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := reached
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader("a=b"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			c := *ts.Client()
			c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if got := reached > before; got != tt.reached {
				t.Errorf("reached the handler: %v, want %v", got, tt.reached)
			}
			h := resp.Header
			for name, want := range map[string]string{
				"Content-Security-Policy": tt.csp, "X-Frame-Options": tt.frame, "Cache-Control": tt.cache,
				"Referrer-Policy": tt.referrer, "X-Content-Type-Options": "nosniff",
			} {
				if got := h.Get(name); got != want {
					t.Errorf("%s: %q, want %q", name, got, want)
				}
			}
		})
	}
}

// TestPolicies guards the policies' promises: no inline or eval'd script
// anywhere, no framing of the admin pages, and none by other sites of the
// public ones.
func TestPolicies(t *testing.T) {
	for name, csp := range map[string]string{"public": PublicCSP, "admin": AdminCSP} {
		for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*"} {
			if strings.Contains(csp, bad) {
				t.Errorf("%s policy allows %s", name, bad)
			}
		}
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "object-src") && name == "public" {
			t.Errorf("%s policy lacks a strict script-src or object-src", name)
		}
	}
	if !strings.Contains(AdminCSP, "frame-ancestors 'none'") {
		t.Error("admin pages may be framed")
	}
	// Public pages send no X-Frame-Options: this directive alone keeps
	// other sites from framing them (clickjacking).
	if !strings.Contains(PublicCSP, "frame-ancestors 'self'") {
		t.Error("public pages may be framed by other sites")
	}
}
