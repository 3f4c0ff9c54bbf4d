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
