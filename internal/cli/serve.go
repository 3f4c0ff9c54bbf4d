package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"newshound/internal/config"
	"newshound/internal/demo"
	"newshound/internal/httpsec"
	"newshound/internal/onewrite"
	"newshound/internal/related"
	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/views"
	"newshound/internal/web"
)

// Server timeouts. Slow or stalled clients must not hold connections for
// ever; shutdown waits this long for requests in flight.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 15 * time.Second
	healthTimeout     = 3 * time.Second
)

// runServe runs the public site until ctx is cancelled (SIGINT or SIGTERM),
// then shuts down gracefully. Cheap checks come first (flags, the join
// form, the data directory, the listen address) so that a bad value fails
// at once, before the database is touched; nothing is logged before the
// database is open, so a failed start prints exactly one line.
func runServe(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("serve", env)
	loader := config.Bind(fs, config.Addr, config.DataDir, config.Database, config.Demo,
		config.Log, config.Site, config.Fetch, config.Reading, config.Join)
	runWorkers := fs.Bool("workers", true, "poll sources and ingest in this process; --workers=false when 'newshound worker' processes do it")
	cfg, _, err := loadConfig(fs, loader, env, args, 0)
	if err != nil {
		return err
	}
	tuneGC(env)
	form, err := readJoinForm(cfg)
	if err != nil {
		return err
	}
	if err := cfg.EnsureDataDir(); err != nil {
		return err
	}
	ln, err := listen(cfg.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	cfg = cfg.Listening(ln.Addr().String())

	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	log := cfg.NewLogger(env.Stderr)
	handler, stop, err := startSite(ctx, cfg, env, st, log, form, *runWorkers)
	defer stop() // after the server has stopped: workers end, counts are saved
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ConnContext:       onewrite.ConnContext,
	}
	log.Info("serving", "url", cfg.BaseURL, "addr", cfg.Addr, "database", cfg.DatabaseName())
	return serveUntilDone(ctx, log, srv, onewrite.Listener(ln))
}

// startSite builds everything serve runs on st: the demo content when
// asked, the visit counter, the join form, the public site, the admin
// pages and the ingestion workers. It returns the whole HTTP handler and a
// stop that undoes what was started, in reverse order; call stop even when
// err is not nil.
func startSite(ctx context.Context, cfg config.Config, env Env, st *store.Store, log *slog.Logger, form signup.Form, workers bool) (http.Handler, func(), error) {
	var stops stack
	if cfg.Demo {
		if err := seedDemo(ctx, st, log); err != nil {
			return nil, stops.run, err
		}
	}
	var counter *views.Counter
	if cfg.CountVisits {
		var err error
		counter, err = views.NewCounter(views.Options{Store: st, Site: cfg.BaseURL, Logger: log, ClientIPHeader: cfg.ClientIPHeader})
		if err != nil {
			return nil, stops.run, fmt.Errorf("start visit counter: %w", err)
		}
		stops.push(func() { closeCounter(log, counter) })
	}
	desk, err := joinDesk(form, cfg.FormKey, st, log)
	if err != nil {
		return nil, stops.run, err
	}
	site, err := web.New(web.Config{Store: st, Logger: log, SiteName: cfg.SiteName, BaseURL: cfg.BaseURL,
		Counter: counter, CounterText: cfg.CounterText, CanonicalSelf: cfg.CanonicalSelf, Join: desk,
		ClientIPHeader: cfg.ClientIPHeader})
	if err != nil {
		return nil, stops.run, fmt.Errorf("start web site: %w", err)
	}
	// One fetcher for the workers and the admin's "add source", so that
	// one per-host limiter paces all of this process's requests to a site.
	client, err := serveIngest().client(cfg)
	if err != nil {
		return nil, stops.run, err
	}
	stops.push(client.CloseIdleConnections)
	adm, err := organiserSite(cfg, client, st, log, counter)
	if err != nil {
		return nil, stops.run, fmt.Errorf("start admin pages: %w", err)
	}
	if workers {
		stopWorkers, err := startWorkers(ctx, client, st, log)
		if err != nil {
			return nil, stops.run, err
		}
		stops.push(stopWorkers)
	}
	h := logRequests(log, httpsec.Handler(routes(log, st, site.Handler(), adm.Handler()), httpsec.Options{}))
	return h, stops.run, nil
}

// seedDemo seeds the demo site when the database has no articles, with
// recommendations for its articles (related.Load computes only the missing
// ones; ingestion keeps them current for real articles).
func seedDemo(ctx context.Context, st *store.Store, log *slog.Logger) error {
	seeded, err := demo.Seed(ctx, st)
	if err != nil {
		return fmt.Errorf("seed demo site: %w", err)
	}
	log.Info("demo site", "seeded", seeded)
	if _, err := related.Load(ctx, st, related.Options{}); err != nil {
		return fmt.Errorf("recommend demo articles: %w", err)
	}
	return nil
}

// stack holds functions that undo what was started; run calls them last
// first.
type stack []func()

func (s *stack) push(f func()) { *s = append(*s, f) }

func (s *stack) run() {
	for i := len(*s) - 1; i >= 0; i-- {
		(*s)[i]()
	}
	*s = nil
}

// closeCounter writes the visit counts still pending once the server has
// stopped taking requests (deferred calls run after serveUntilDone), so a
// graceful shutdown loses no view.
func closeCounter(log *slog.Logger, c *views.Counter) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := c.Close(ctx); err != nil {
		log.Error("visit counts not saved", "err", err)
		return
	}
	log.Info("visit counts saved")
}

// listen binds addr, turning the usual failures into advice.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	switch {
	case err == nil:
		return ln, nil
	case errors.Is(err, syscall.EADDRINUSE):
		return nil, fmt.Errorf("cannot listen on %s: the address is already in use; stop the other server or choose another --addr", addr)
	case errors.Is(err, syscall.EACCES):
		return nil, fmt.Errorf("cannot listen on %s: permission denied; use a port above 1023 or run with the needed privileges", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return nil, fmt.Errorf("cannot listen on %s: this machine has no such address; use one of its addresses, e.g. 127.0.0.1, in --addr", addr)
	default:
		return nil, fmt.Errorf("cannot listen on %s: %v; check --addr", addr, err)
	}
}

// routes mounts the health check and the organisers' pages beside the
// public site.
//
// Only paths that could be theirs go through the mux; every other request
// goes straight to the site, whose own mux cleans and routes it exactly as
// this one would have sent it there. Skipping one mux lookup is a few per
// cent of a cached page view, the request a busy site answers most.
// (A path such as /x/../admin/ goes to the site, whose mux redirects it
// to /admin/, which then comes here.)
func routes(log *slog.Logger, st *store.Store, site, admin http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", health(log, st))
	mux.Handle("/admin/", admin)
	mux.Handle("/", site)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := r.URL.Path; p == "/healthz" || strings.HasPrefix(p, "/admin") {
			mux.ServeHTTP(w, r)
			return
		}
		site.ServeHTTP(w, r)
	})
}

// health answers 200 "ok" while the database answers, 503 otherwise, for
// load balancers and process supervisors.
func health(log *slog.Logger, st *store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := st.Ping(ctx); err != nil {
			log.Warn("health check failed", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "database unreachable")
			return
		}
		io.WriteString(w, "ok")
	})
}

// serveUntilDone serves on ln until ctx ends, then lets requests in flight
// finish within shutdownTimeout.
func serveUntilDone(ctx context.Context, log *slog.Logger, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "timeout", shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: requests still running after %s: %w", shutdownTimeout, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}
