// Package web serves newshound's public site: the home page, article pages,
// source, author and tag listings, and the embedded stylesheet and images.
// Pages are rendered server-side with html/template and need no JavaScript.
//
// Every handler returns an error; one adapter (see errors.go) turns it into
// a status page in the site's look, so visitors never see internal detail.
package web

import (
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/views"
)

// Config is what the public site needs. Store is required; the rest has
// defaults.
type Config struct {
	Store    *store.Store
	Logger   *slog.Logger // defaults to a logger that discards everything
	SiteName string       // shown in the header and page titles; default "newshound"
	BaseURL  string       // public URL of the site, e.g. "https://news.example.org"; used for absolute links later
	Lang     string       // language of pages that have none of their own; default "en"
	PageSize int          // articles per listing page; default 10
	// Join takes in the join form; nil means the site takes no sign-ups
	// (no /join page, no Join block under articles).
	Join *signup.Desk
	// ClientIPHeader names the header a trusted reverse proxy sets to the
	// visitor's address, for the join form's per-visitor limit; "" uses
	// the connection's peer address. (The counter has its own option.)
	ClientIPHeader string

	// Counter counts article views and gives the numbers shown under each
	// article; nil shows no counter and counts nothing.
	Counter *views.Counter
	// CounterText is the counter's wording (see ParseCounterText); default
	// DefaultCounterText.
	CounterText string
	// CanonicalSelf points <link rel="canonical"> at our copy of an article
	// instead of the original (the default: the original author's page is
	// the one search engines should rank).
	CanonicalSelf bool
	// MaxStale is how long a change to the site (by any process) may take to
	// show in cached pages; default DefaultMaxStale. Negative checks on every
	// request, for tests that change the site between requests.
	MaxStale time.Duration
	// CacheBytes bounds the rendered-page cache; default DefaultCacheBytes.
	// Negative turns the cache off (every request renders).
	CacheBytes int64
}

// Server is the public site. Create it with New and mount Handler.
type Server struct {
	store    *store.Store
	log      *slog.Logger
	site     string
	baseURL  string
	lang     string
	pageSize int
	join     *signup.Desk
	ipHeader string // see Config.ClientIPHeader

	counter       *views.Counter
	counterFmt    counterFormat
	canonicalSelf bool

	cache      *pageCache
	holes      holeMarks
	maxStale   time.Duration
	gen        atomic.Int64 // the store's site generation as last read; 0 before
	genRead    atomic.Int64 // when it was read, unix nanoseconds
	genBusy    atomic.Bool  // a background read is running
	genFailing atomic.Bool  // the last background read failed
	token      atomic.Pointer[mintedToken]

	pages  map[string]*template.Template // parsed once at New, by file name
	assets *assets
	mux    *http.ServeMux
}

// New checks cfg, parses every template and loads the embedded assets, so
// that a broken template fails at start rather than on a visitor's request.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: config has no store")
	}
	s := &Server{
		store:    cfg.Store,
		log:      cfg.Logger,
		site:     cfg.SiteName,
		baseURL:  cfg.BaseURL,
		lang:     cfg.Lang,
		pageSize: cfg.PageSize,
		join:     cfg.Join,
		ipHeader: cfg.ClientIPHeader,
		mux:      http.NewServeMux(),

		counter:       cfg.Counter,
		canonicalSelf: cfg.CanonicalSelf,
		maxStale:      cfg.MaxStale,
		holes:         newHoleMarks(),
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.site == "" {
		s.site = "newshound"
	}
	if s.lang == "" {
		s.lang = "en"
	}
	if s.pageSize <= 0 {
		s.pageSize = 10
	}
	if s.maxStale == 0 {
		s.maxStale = DefaultMaxStale
	}
	switch {
	case cfg.CacheBytes == 0:
		s.cache = newPageCache(DefaultCacheBytes)
	default:
		s.cache = newPageCache(cfg.CacheBytes) // negative: stores nothing
	}
	if cfg.CounterText == "" {
		cfg.CounterText = DefaultCounterText
	}
	var err error
	if s.counterFmt, err = ParseCounterText(cfg.CounterText); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(s.funcs()); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// Handler returns the site's HTTP handler: the Server itself, which
// answers from its page cache before routing (see ServeHTTP).
func (s *Server) Handler() http.Handler { return s }

// Handle adds a route to the site's mux, for handlers that live elsewhere
// (health checks, feeds, the join form). Patterns follow http.ServeMux; a
// more specific pattern wins over the site's catch-all 404.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// routes registers the public pages. Anything not matched gets the 404 page.
func (s *Server) routes() {
	s.mux.Handle("GET /{$}", s.cached(s.asPage(s.home, listControl)))
	s.mux.Handle("GET /a/{slug}", s.cached(s.articlePage))
	s.mux.Handle("GET /source/{slug}", s.cached(s.asPage(s.sourcePage, listControl)))
	s.mux.Handle("GET /author/{slug}", s.cached(s.asPage(s.authorPage, listControl)))
	s.mux.Handle("GET /tag/{slug}", s.cached(s.asPage(s.tagPage, listControl)))
	s.mux.Handle("GET /search", s.handle(s.search))
	s.feedRoutes()
	s.mux.Handle("GET /static/{path...}", s.handle(s.static))
	if s.join != nil {
		s.mux.Handle("GET /join", s.handle(s.joinGet))
		s.mux.Handle("POST /join", s.handle(s.joinPost))
		s.mux.Handle("GET /join/thanks", s.handle(s.joinThanks))
	}
	s.mux.Handle("/", s.handle(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
}
