// Package httpsec puts the site's security policy on every response:
// Content-Security-Policy and nosniff, and, for the organisers' pages, no
// framing (also in X-Frame-Options), no referrer and no caching.
//
// Public pages carry two headers only, because every header costs each
// page view (net/http's header map leaves its small form at the ninth
// entry, and a cached article page needs seven of its own): their CSP's
// frame-ancestors already governs framing, so X-Frame-Options would only
// repeat it, and their referrer policy is a <meta name="referrer"> in the
// page layout, which browsers apply exactly as the header. It also refuses
// cross-origin unsafe requests (CSRF) with http.CrossOriginProtection, so
// every form on the site, public or admin, is covered in one place.
//
// The policies allow no inline script or style at all: the site's pages
// use neither, and a policy that allowed them would not stop injected
// markup from running.
package httpsec

import (
	"net/http"
	"strings"
)

// Policies sent on every page. Article images may come from the sites
// articles were republished from, so public pages allow remote images;
// nothing else is loaded from elsewhere.
const (
	PublicCSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
		"img-src 'self' data: https: http:; media-src 'self' https:; font-src 'self'; " +
		"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
	AdminCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

// Options tune Handler.
type Options struct {
	// AdminPrefix is the path under which organiser pages live; they get the
	// stricter policy. Default "/admin".
	AdminPrefix string
}

// Handler wraps next with the site's headers and cross-origin protection.
// Cross-origin POST, PUT, PATCH and DELETE requests (judged by the
// browser's Sec-Fetch-Site header, or Origin against Host) get 403 before
// next sees them.
func Handler(next http.Handler, o Options) http.Handler {
	if o.AdminPrefix == "" {
		o.AdminPrefix = "/admin"
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("This form was sent from another site, so it was refused. Open the page on this site and send it from there.\n"))
	}))
	protected := cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The values are shared slices assigned under canonical keys: this
		// runs on every request, and Header.Set would allocate each time.
		h := w.Header()
		h["X-Content-Type-Options"] = nosniff
		if IsAdmin(r.URL.Path, o.AdminPrefix) {
			h["Content-Security-Policy"] = adminCSP
			h["X-Frame-Options"] = deny
			h["Referrer-Policy"] = noReferrer
			h["Cache-Control"] = noStore
		} else {
			h["Content-Security-Policy"] = publicCSP
		}
		protected.ServeHTTP(w, r)
	})
}

// Header values, never modified: net/http only reads them.
var (
	nosniff    = []string{"nosniff"}
	adminCSP   = []string{AdminCSP}
	publicCSP  = []string{PublicCSP}
	deny       = []string{"DENY"}
	noReferrer = []string{"no-referrer"}
	noStore    = []string{"no-store"}
)

// IsAdmin reports whether path is prefix or below it.
func IsAdmin(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}
