package cli

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLogRequests(t *testing.T) {
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		path       string
		wantStatus float64
		wantLogged bool
	}{
		{"implicit 200", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) }, "/a/x?email=reader@example.org", 200, true},
		{"explicit 404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, "/missing", 404, true},
		{"status after interim 103", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusEarlyHints)
			w.WriteHeader(http.StatusTeapot)
		}, "/tea", 418, true},
		{"nothing written", func(w http.ResponseWriter, r *http.Request) {}, "/empty", 200, true},
		{"health checks stay below info", func(w http.ResponseWriter, r *http.Request) {}, "/healthz", 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&buf, nil))
			req := httptest.NewRequest("GET", tt.path, nil)
			req.RemoteAddr = "203.0.113.7:5555"
			req.Header.Set("User-Agent", "ReaderBrowser/1.0")
			req.Header.Set("Referer", "https://private.example/reader")
			rec := httptest.NewRecorder()
			logRequests(log, tt.handler).ServeHTTP(rec, req)

			if !tt.wantLogged {
				if buf.Len() != 0 {
					t.Errorf("logged at info: %s", buf.String())
				}
				return
			}
			var got map[string]any
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("log is not one JSON line: %q", buf.String())
			}
			if got["method"] != "GET" || got["path"] != strings.SplitN(tt.path, "?", 2)[0] || got["status"] != tt.wantStatus {
				t.Errorf("logged %v, want GET %s %v", got, tt.path, tt.wantStatus)
			}
			if _, ok := got["duration"]; !ok {
				t.Errorf("no duration in %v", got)
			}
			for _, secret := range []string{"203.0.113.7", "ReaderBrowser", "private.example", "reader@example.org"} {
				if strings.Contains(buf.String(), secret) {
					t.Errorf("log reveals %q: %s", secret, buf.String())
				}
			}
		})
	}
}

func TestStatusRecorderUnwraps(t *testing.T) {
	rec := httptest.NewRecorder()
	w := &statusRecorder{ResponseWriter: rec}
	if err := http.NewResponseController(w).Flush(); err != nil {
		t.Errorf("Flush through the recorder: %v", err)
	}
	if !rec.Flushed {
		t.Error("flush did not reach the underlying writer")
	}
}

// TestLogRequestsQuietLevel checks that a logger above info costs a request
// nothing: the handler gets the server's own writer, not a recorder, and no
// line is written. At info the recorder is there.
func TestLogRequestsQuietLevel(t *testing.T) {
	for _, tt := range []struct {
		level       slog.Level
		wantWrapped bool
	}{
		{slog.LevelInfo, true},
		{slog.LevelWarn, false},
	} {
		t.Run(tt.level.String(), func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: tt.level}))
			var wrapped bool
			h := logRequests(log, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, wrapped = w.(*statusRecorder)
				w.WriteHeader(http.StatusTeapot)
			}))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/a/x", nil))
			if rec.Code != http.StatusTeapot {
				t.Errorf("status %d, want 418", rec.Code)
			}
			if wrapped != tt.wantWrapped {
				t.Errorf("handler got a status recorder: %v, want %v", wrapped, tt.wantWrapped)
			}
			if logged := buf.Len() != 0; logged != tt.wantWrapped {
				t.Errorf("logged %q at level %s", buf.String(), tt.level)
			}
		})
	}
}
