package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"newshound/internal/store/storetest"
)

// discardWriter is a ResponseWriter that keeps nothing, so a benchmark
// measures the handler and not a recorder.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

// BenchmarkArticleHit measures a view of a cached article page, counter
// and all: what the load benchmark (bench/load/run.sh) hammers.
func BenchmarkArticleHit(b *testing.B) {
	for _, enc := range []string{"identity", "gzip"} {
		b.Run(enc, func(b *testing.B) {
			s := storetest.SQLite(b)
			ts, _ := readingSite(b, s, nil)
			a := newestArticle(b, s)
			req := httptest.NewRequest("GET", "/a/"+a.Slug, nil)
			req.Header.Set("User-Agent", uaFirefox)
			req.Header.Set("Accept-Encoding", enc)
			req.RemoteAddr = "192.0.2.1:1234"
			h := ts.Config.Handler
			h.ServeHTTP(&discardWriter{h: http.Header{}}, req) // warm the cache
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				h.ServeHTTP(&discardWriter{h: http.Header{}}, req)
			}
		})
	}
}
