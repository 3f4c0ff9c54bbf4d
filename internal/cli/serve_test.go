package cli

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// TestHealth checks /healthz on both databases: 200 "ok" while the
// database answers, 503 once it is gone, and never cached.
func TestHealth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		h := health(slog.New(slog.DiscardHandler), s)
		check := func(wantCode int, wantBody string) {
			t.Helper()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
			if rec.Code != wantCode || rec.Body.String() != wantBody {
				t.Errorf("healthz = %d %q, want %d %q", rec.Code, rec.Body.String(), wantCode, wantBody)
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", rec.Header().Get("Cache-Control"))
			}
		}
		check(http.StatusOK, "ok")
		s.Close() // the database goes away
		check(http.StatusServiceUnavailable, "database unreachable")
	})
}

// TestServeUntilDoneFinishesRequestsInFlight checks the graceful part of
// shutdown: a request whose handler is running when the context ends still
// gets its answer, and serving returns only after it.
func TestServeUntilDoneFinishesRequestsInFlight(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "finished")
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() { served <- serveUntilDone(ctx, slog.New(slog.DiscardHandler), srv, ln) }()

	type answer struct {
		body string
		err  error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- answer{string(b), err}
	}()
	<-started
	cancel()
	select {
	case err := <-served:
		t.Fatalf("serving stopped with a request in flight: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	// Shutdown closes the listener as it begins; on a busy machine that
	// may come a little after the wait above, so poll for a refusal.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Error("new connections are still accepted 10 s after shutdown began")
			break
		}
	}
	close(release)
	if a := <-answered; a.err != nil || a.body != "finished" {
		t.Errorf("request in flight got %q, %v; want its full answer", a.body, a.err)
	}
	if err := <-served; err != nil {
		t.Errorf("serveUntilDone = %v, want nil after a clean shutdown", err)
	}
}

// TestRoutes checks which handler answers which path now that site paths
// skip the top-level mux: the site gets its own paths (and tidies odd ones
// itself), the organisers get /admin and below, /healthz the health check.
func TestRoutes(t *testing.T) {
	s := storetest.SQLite(t)
	named := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, name) })
	}
	h := routes(slog.New(slog.DiscardHandler), s, named("site"), named("admin"))
	tests := []struct {
		method, path string
		wantCode     int
		want         string // body, or Location of a redirect (307)
	}{
		{"GET", "/", 200, "site"},
		{"GET", "/a/some-article", 200, "site"},
		{"GET", "/a/../admin/x", 200, "site"}, // the site's mux redirects it
		{"GET", "/administrator", 200, "site"},
		{"GET", "/admin/", 200, "admin"},
		{"POST", "/admin/login", 200, "admin"},
		{"GET", "/admin", 307, "/admin/"},
		{"GET", "/admin/../a/x", 307, "/a/x"},
		{"GET", "/healthz", 200, "ok"},
		{"POST", "/healthz", 200, "site"}, // the site answers it (with its 404)
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			got := rec.Body.String()
			if tt.wantCode == http.StatusTemporaryRedirect {
				got = rec.Header().Get("Location")
			}
			if rec.Code != tt.wantCode || (tt.want != "" && got != tt.want) {
				t.Errorf("%s %s = %d %q, want %d %q", tt.method, tt.path, rec.Code, got, tt.wantCode, tt.want)
			}
		})
	}
}
