// Package web serves newshound's public site: the home page, article pages,
// source, author and tag listings, and the embedded stylesheet and images.
// Pages are rendered server-side with html/template and need no JavaScript.
//
// Every handler returns an error; one adapter (see errors.go) turns it into
// a status page in the site's look, so visitors never see internal detail.
package web

import (
	"errors"
	"html/template"
	"log/slog"
	"net/http"

	"newshound/internal/signup"
	"newshound/internal/store"
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
		mux:      http.NewServeMux(),
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
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(s.funcs()); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// Handler returns the site's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Handle adds a route to the site's mux, for handlers that live elsewhere
// (health checks, feeds, the join form). Patterns follow http.ServeMux; a
// more specific pattern wins over the site's catch-all 404.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// routes registers the public pages. Anything not matched gets the 404 page.
func (s *Server) routes() {
	s.mux.Handle("GET /{$}", s.handle(s.home))
	s.mux.Handle("GET /a/{slug}", s.handle(s.article))
	s.mux.Handle("GET /source/{slug}", s.handle(s.sourcePage))
	s.mux.Handle("GET /author/{slug}", s.handle(s.authorPage))
	s.mux.Handle("GET /tag/{slug}", s.handle(s.tagPage))
	s.mux.Handle("GET /static/{path...}", s.handle(s.static))
	if s.join != nil {
		s.mux.Handle("GET /join", s.handle(s.joinGet))
		s.mux.Handle("POST /join", s.handle(s.joinPost))
		s.mux.Handle("GET /join/thanks", s.handle(s.joinThanks))
	}
	s.mux.Handle("/", s.handle(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
}
