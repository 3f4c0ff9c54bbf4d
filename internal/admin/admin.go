// Package admin serves the organisers' pages under /admin: sign-ups (list,
// search, mark contacted, export, delete on request), the disposable-domain
// blocklist and the bot counts, sources (add, pause, resume, health),
// articles (unpublish, edit, re-extract), the most read articles, and the
// audit log. Every page sits behind a login (package auth): admins may do
// everything, editors work on articles and sources but never see sign-ups.
//
// Pages are server-rendered and need no JavaScript. Every change is a POST
// followed by a redirect, refused when it comes from another site
// (http.CrossOriginProtection, via package httpsec), and written to the
// audit log with who did it. Responses are never cached.
package admin

import (
	"context"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"newshound/internal/auth"
	"newshound/internal/httpsec"
	"newshound/internal/news"
	"newshound/internal/store"
)

// TopViewer ranks articles by visits; *views.Counter is one.
type TopViewer interface {
	Top(ctx context.Context, days, limit int) ([]store.ViewRank, error)
}

// Ingest is what the sources and articles pages need from ingestion. The
// command line adapts package ingest to it.
type Ingest interface {
	// AddSource adds a source by its homepage or feed URL, under the same
	// rules as `newshound sources add`; name may be empty.
	AddSource(ctx context.Context, rawURL, name string) (news.Source, error)
	// SetPaused pauses or resumes the polling of a source.
	SetPaused(ctx context.Context, sourceID int64, paused bool) error
	// Health reports how the polling of each source is going, by source ID.
	Health(ctx context.Context) (map[int64]SourceHealth, error)
	// Reextract fetches an article's original page again and runs it
	// through the extractor, replacing the stored body.
	Reextract(ctx context.Context, articleID int64) error
}

// SourceHealth is how the polling of one source is going.
type SourceHealth struct {
	Kind          string // "feed" or "sitemap"
	URL           string // what is polled
	Paused        bool
	PauseReason   string
	LastPolledAt  time.Time
	LastSuccessAt time.Time
	LastErrorAt   time.Time
	LastError     string
	Failures      int // consecutive failed polls
	Articles      int // articles imported so far
}

// Config is what the admin pages need. Store and Auth are required.
type Config struct {
	Store *store.Store
	Auth  *auth.Auth
	// Top ranks articles by visits for the counts page; nil reads the
	// stored counts directly (in UTC days).
	Top TopViewer
	// Ingest adds sources, pauses and resumes them and re-extracts
	// articles; nil leaves those actions out (the pages say so).
	Ingest   Ingest
	Logger   *slog.Logger // default: discard
	SiteName string       // shown in page titles; default "newshound"
	// ClientIPHeader names the header a trusted reverse proxy sets to the
	// visitor's address, for the login's per-visitor limit; "" uses the
	// connection's peer address.
	ClientIPHeader string
}

// Admin is the organisers' site. Create it with New and mount Handler at
// /admin/.
type Admin struct {
	st       *store.Store
	auth     *auth.Auth
	top      TopViewer
	ingest   Ingest
	log      *slog.Logger
	site     string
	ipHeader string // see Config.ClientIPHeader
	pages    map[string]*template.Template
	mux      *http.ServeMux
}

// New checks cfg and parses the templates, so that a broken template fails
// at start rather than on an organiser's request.
func New(cfg Config) (*Admin, error) {
	if cfg.Store == nil || cfg.Auth == nil {
		return nil, errors.New("admin: config needs a store and an auth")
	}
	a := &Admin{st: cfg.Store, auth: cfg.Auth, top: cfg.Top, ingest: cfg.Ingest,
		log: cfg.Logger, site: cfg.SiteName, ipHeader: cfg.ClientIPHeader, mux: http.NewServeMux()}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.site == "" {
		a.site = "newshound"
	}
	if a.top == nil {
		a.top = storeTop{cfg.Store}
	}
	var err error
	if a.pages, err = parsePages(); err != nil {
		return nil, err
	}
	a.routes()
	return a, nil
}

// Handler returns the admin site, wrapped in the site's security headers
// and cross-origin protection so that it is safe however it is mounted.
func (a *Admin) Handler() http.Handler {
	return httpsec.Handler(a.mux, httpsec.Options{AdminPrefix: "/admin"})
}

// Route is one admin route and the role it needs ("" for none), for the
// access tests and for documentation.
type Route struct {
	Method, Path string
	Role         auth.Role
}

// routes lists every admin route with the role it needs. Paths use
// ServeMux patterns.
func (a *Admin) routeTable() []struct {
	Route
	h handlerFunc
} {
	type r = struct {
		Route
		h handlerFunc
	}
	ad, ed := auth.RoleAdmin, auth.RoleEditor
	return []r{
		{Route{"GET", "/admin/{$}", ed}, a.dashboard},
		{Route{"POST", "/admin/logout", ed}, a.logout},

		{Route{"GET", "/admin/signups", ad}, a.signups},
		{Route{"GET", "/admin/signups/export.csv", ad}, a.exportSignups},
		{Route{"GET", "/admin/signups/{id}", ad}, a.signup},
		{Route{"POST", "/admin/signups/{id}/status", ad}, a.setSignupStatus},
		{Route{"POST", "/admin/signups/{id}/delete", ad}, a.deleteSignup},
		{Route{"GET", "/admin/blocklist", ad}, a.blocklist},
		{Route{"POST", "/admin/blocklist/add", ad}, a.blocklistAdd},
		{Route{"POST", "/admin/blocklist/remove", ad}, a.blocklistRemove},
		{Route{"GET", "/admin/audit", ad}, a.audit},

		{Route{"GET", "/admin/sources", ed}, a.sources},
		{Route{"POST", "/admin/sources", ed}, a.addSource},
		{Route{"POST", "/admin/sources/{id}/pause", ed}, a.pauseSource},
		{Route{"POST", "/admin/sources/{id}/resume", ed}, a.resumeSource},
		{Route{"GET", "/admin/articles", ed}, a.articles},
		{Route{"GET", "/admin/articles/{id}", ed}, a.article},
		{Route{"POST", "/admin/articles/{id}", ed}, a.saveArticle},
		{Route{"POST", "/admin/articles/{id}/unpublish", ed}, a.unpublishArticle},
		{Route{"POST", "/admin/articles/{id}/publish", ed}, a.publishArticle},
		{Route{"POST", "/admin/articles/{id}/reextract", ed}, a.reextractArticle},
		{Route{"GET", "/admin/counts", ed}, a.counts},
	}
}

// Routes lists the routes behind the login with the role each needs.
func (a *Admin) Routes() []Route {
	var out []Route
	for _, r := range a.routeTable() {
		out = append(out, r.Route)
	}
	return out
}

func (a *Admin) routes() {
	for _, r := range a.routeTable() {
		a.mux.Handle(r.Method+" "+r.Path, a.auth.RequireRole(r.Role, a.handle(r.h)))
	}
	a.mux.Handle("GET /admin/login", a.handle(a.loginForm))
	a.mux.Handle("POST /admin/login", a.handle(a.login))
	a.mux.Handle("GET /admin/static/admin.css", http.HandlerFunc(serveCSS))
	a.mux.Handle("/admin/", a.handle(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
}

// storeTop ranks from the stored counts when no counter is wired.
type storeTop struct{ st *store.Store }

func (s storeTop) Top(ctx context.Context, days, limit int) ([]store.ViewRank, error) {
	now := time.Now().UTC()
	from := now.AddDate(0, 0, -(days - 1))
	return s.st.TopViewed(ctx, dayNumber(from), dayNumber(now), limit)
}

func dayNumber(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }
