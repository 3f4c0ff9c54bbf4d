package views

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// TestOverHTTP counts real requests over real connections: each request
// comes on a new connection from a new port, and must still be one visitor.
func TestOverHTTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 1)
		c := newCounter(t, Options{Clock: noonClock, Store: s, Site: "http-test", FlushInterval: 10 * time.Millisecond})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c.Record(ids[0], r)
			total, today, err := c.Totals(r.Context(), ids[0])
			if err != nil {
				http.Error(w, "counter unavailable", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprintf(w, "Visited %d times, %d visits today", total, today)
		}))
		defer srv.Close()
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

		get := func(method, ua string) string {
			t.Helper()
			req, err := http.NewRequest(method, srv.URL+"/a/story", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("User-Agent", ua)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			return string(body)
		}
		steps := []struct{ method, ua, want string }{
			{"GET", firefox, "Visited 1 times, 1 visits today"},
			{"GET", firefox, "Visited 2 times, 1 visits today"},
			{"HEAD", firefox, ""},
			{"GET", "curl/8.5.0", "Visited 2 times, 1 visits today"},
			{"GET", "Mozilla/5.0 Safari/605.1.15", "Visited 3 times, 2 visits today"},
		}
		for i, st := range steps {
			if got := get(st.method, st.ua); got != st.want {
				t.Errorf("step %d (%s %s): page says %q, want %q", i, st.method, st.ua, got, st.want)
			}
			time.Sleep(15 * time.Millisecond) // let a flush happen between some requests
		}
		if err := c.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		got := stored(t, s, ids[0], todayNumber())
		if got != (store.ViewTotal{Views: 3, Visitors: 2}) {
			t.Errorf("stored %+v, want 3 views by 2 visitors", got)
		}
		if s.Dialect() == "sqlite" {
			assertFileLacks(t, s, "127.0.0.1", "Firefox/128", "Safari/605")
		}
	})
}

// assertFileLacks reads the SQLite database file and its write-ahead log
// byte by byte and fails if any of the given strings is in them: visitors'
// addresses and browsers must never reach the disk.
func assertFileLacks(t *testing.T, s *store.Store, needles ...string) {
	t.Helper()
	var seq int
	var name, path string
	if err := s.DB().QueryRow(`PRAGMA database_list`).Scan(&seq, &name, &path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`PRAGMA wal_checkpoint(FULL)`); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(p)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			t.Fatal(err)
		}
		for _, n := range needles {
			if strings.Contains(string(data), n) {
				t.Errorf("%s contains %q", p, n)
			}
		}
	}
}
