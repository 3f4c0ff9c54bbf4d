package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
)

// newClient returns a client that may reach the local test servers.
func newClient(t *testing.T, opts Options) *Client {
	t.Helper()
	opts.AllowPrivate = true
	c := New(opts)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// serve starts a test server on 127.0.0.1 for h.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestGetReturnsBodyAndCacheHeaders(t *testing.T) {
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	var gotUA, gotAE string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAE = r.UserAgent(), r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("Expires", expires.Format(http.TimeFormat))
		fmt.Fprint(w, "<rss>Grüße</rss>")
	})
	c := newClient(t, Options{UserAgent: "newshound-test/1"})
	resp, err := c.Get(context.Background(), srv.URL+"/feed", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	got := *resp
	got.Header = nil
	want := Response{
		StatusCode:   200,
		URL:          srv.URL + "/feed",
		ETag:         `"v1"`,
		LastModified: "Mon, 02 Jan 2006 15:04:05 GMT",
		CacheControl: "public, max-age=600",
		MaxAge:       10 * time.Minute,
		Expires:      expires,
		ContentType:  "application/rss+xml",
		Charset:      "utf-8",
		Body:         []byte("<rss>Grüße</rss>"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}
	if gotUA != "newshound-test/1" {
		t.Errorf("User-Agent = %q", gotUA)
	}
	if gotAE != "gzip, deflate, br" {
		t.Errorf("Accept-Encoding = %q", gotAE)
	}
}

func TestDefaultUserAgentHasNoPersonalData(t *testing.T) {
	var got string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { got = r.UserAgent() })
	if _, err := newClient(t, Options{}).Get(context.Background(), srv.URL, Conditional{}); err != nil {
		t.Fatal(err)
	}
	if got != DefaultUserAgent || !strings.HasPrefix(got, "newshound/") {
		t.Errorf("User-Agent = %q, want %q", got, DefaultUserAgent)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"abc"`, "Tue, 03 Jan 2006 10:00:00 GMT"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "fresh")
	})
	c := newClient(t, Options{})
	tests := []struct {
		name       string
		cond       Conditional
		wantNotMod bool
		wantBody   string
		wantStatus int
	}{
		{"no validators", Conditional{}, false, "fresh", 200},
		{"matching etag", Conditional{ETag: etag}, true, "", 304},
		{"matching last-modified", Conditional{LastModified: lastMod}, true, "", 304},
		{"stale etag", Conditional{ETag: `"old"`}, false, "fresh", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL, tt.cond)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tt.wantNotMod || string(resp.Body) != tt.wantBody || resp.StatusCode != tt.wantStatus {
				t.Errorf("got status %d notModified=%v body %q; want %d %v %q",
					resp.StatusCode, resp.NotModified, resp.Body, tt.wantStatus, tt.wantNotMod, tt.wantBody)
			}
			if resp.ETag != etag || resp.LastModified != lastMod {
				t.Errorf("validators = %q, %q", resp.ETag, resp.LastModified)
			}
		})
	}
}

func TestStatusErrors(t *testing.T) {
	in90s := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name       string
		code       int
		retryAfter string
		wantMin    time.Duration
		wantMax    time.Duration
		temporary  bool
	}{
		{"429 seconds", 429, "120", 120 * time.Second, 120 * time.Second, true},
		{"429 http date", 429, in90s, 85 * time.Second, 90 * time.Second, true},
		{"503 no retry-after", 503, "", 0, 0, true},
		{"500", 500, "", 0, 0, true},
		{"404", 404, "", 0, 0, false},
		{"410 with junk retry-after", 410, "soon", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.code)
				fmt.Fprint(w, "error page")
			})
			resp, err := newClient(t, Options{}).Get(context.Background(), srv.URL+"/x", Conditional{})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("Get = %v, %v; want *StatusError", resp, err)
			}
			if se.Code != tt.code || se.URL != srv.URL+"/x" {
				t.Errorf("StatusError = %+v", se)
			}
			if se.RetryAfter < tt.wantMin || se.RetryAfter > tt.wantMax {
				t.Errorf("RetryAfter = %s, want between %s and %s", se.RetryAfter, tt.wantMin, tt.wantMax)
			}
			if se.Temporary() != tt.temporary {
				t.Errorf("Temporary() = %v", se.Temporary())
			}
			if !strings.Contains(err.Error(), strconv.Itoa(tt.code)) {
				t.Errorf("message %q does not name the status", err)
			}
		})
	}
}

func TestTimeouts(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		handler http.HandlerFunc
	}{
		{"slow headers, whole-request limit", Options{Timeout: 200 * time.Millisecond}, func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{"slow headers, header limit", Options{HeaderTimeout: 200 * time.Millisecond}, func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{"slow body", Options{Timeout: 300 * time.Millisecond}, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "<html>")
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			_, err := newClient(t, tt.opts).Get(context.Background(), srv.URL, Conditional{})
			if !errors.Is(err, ErrTimeout) {
				t.Fatalf("err = %v, want ErrTimeout", err)
			}
		})
	}
}

func TestCallerCancellationIsNotATimeout(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := newClient(t, Options{}).Get(ctx, srv.URL, Conditional{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestRedirects(t *testing.T) {
	var srv *httptest.Server
	srv = serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case r.URL.Path == "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/chain/"))
			if n == 0 {
				fmt.Fprint(w, "end of chain")
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusTemporaryRedirect)
		case r.URL.Path == "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		}
	})
	tests := []struct {
		name      string
		opts      Options
		path      string
		wantErr   error
		wantFinal string
	}{
		{"loop", Options{}, "/loop-a", ErrTooManyRedirects, ""},
		{"three hops", Options{}, "/chain/3", nil, "/chain/0"},
		{"ten hops is the default limit", Options{}, "/chain/10", nil, "/chain/0"},
		{"eleven hops", Options{}, "/chain/11", ErrTooManyRedirects, ""},
		{"custom limit", Options{MaxRedirects: 2}, "/chain/3", ErrTooManyRedirects, ""},
		{"no redirects", Options{MaxRedirects: -1}, "/chain/1", ErrTooManyRedirects, ""},
		{"other scheme", Options{}, "/to-file", ErrBadURL, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := newClient(t, tt.opts).Get(context.Background(), srv.URL+tt.path, Conditional{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.URL != srv.URL+tt.wantFinal {
				t.Errorf("final URL = %q", resp.URL)
			}
		})
	}
}

func TestBodyLimits(t *testing.T) {
	const limit = 1000
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", strconv.Itoa(n))
		}
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	c := newClient(t, Options{MaxBytes: limit})
	tests := []struct {
		query   string
		wantErr error
	}{
		{"n=1000", nil},
		{"n=1001", ErrTooLarge},
		{"n=1000&chunked=1", nil},
		{"n=50000&chunked=1", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+"/?"+tt.query, Conditional{})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && len(resp.Body) != limit {
				t.Errorf("body is %d bytes", len(resp.Body))
			}
		})
	}
}

// zeroGzipMember is one gzip member holding 1 MiB of zeros (about 1 KiB).
// Gzip readers read concatenated members as one stream, so writing it
// repeatedly makes a bomb of any size without storing or compressing it.
func zeroGzipMember(t testing.TB) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gzipBomb serves 1 GiB of zeros, gzip-compressed, generated as it goes.
func gzipBomb(member []byte, sent *atomic.Int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		for range 1024 {
			if r.Context().Err() != nil {
				return
			}
			if _, err := w.Write(member); err != nil {
				return
			}
			sent.Add(1 << 20)
		}
	}
}

func TestGzipBombStopsAtLimit(t *testing.T) {
	var sent atomic.Int64
	srv := serve(t, gzipBomb(zeroGzipMember(t), &sent))
	c := newClient(t, Options{MaxBytes: 10 << 20})

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := c.Get(context.Background(), srv.URL, Conditional{})
	runtime.ReadMemStats(&after)

	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	// Reading to the limit allocates a few times the limit while the
	// buffer grows; inflating the whole bomb would take 1 GiB.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 128<<20 {
		t.Errorf("allocated %d MiB to refuse a 10 MiB limit", alloc>>20)
	}
}

func TestContentEncodings(t *testing.T) {
	page := strings.Repeat("<p>Compressed news, decoded in full.</p>\n", 200)
	encode := map[string]func([]byte) []byte{
		"gzip": func(b []byte) []byte {
			var buf bytes.Buffer
			w := gzip.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"deflate": func(b []byte) []byte { // zlib-wrapped, as the standard says
			var buf bytes.Buffer
			w := zlib.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"raw deflate": func(b []byte) []byte { // what some servers send instead
			var buf bytes.Buffer
			w, _ := flate.NewWriter(&buf, flate.DefaultCompression)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"br": func(b []byte) []byte {
			var buf bytes.Buffer
			w := brotli.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
	}
	tests := []struct {
		name, header string
		body         []byte
		wantErr      error
	}{
		{"gzip", "gzip", encode["gzip"]([]byte(page)), nil},
		{"deflate", "deflate", encode["deflate"]([]byte(page)), nil},
		{"raw deflate", "deflate", encode["raw deflate"]([]byte(page)), nil},
		{"brotli", "br", encode["br"]([]byte(page)), nil},
		{"gzip then brotli", "gzip, br", encode["br"](encode["gzip"]([]byte(page))), nil},
		{"identity", "identity", []byte(page), nil},
		{"corrupt gzip", "gzip", []byte("this is not gzip at all"), ErrEncoding},
		{"truncated gzip", "gzip", encode["gzip"]([]byte(page))[:40], ErrEncoding},
		{"unknown coding", "zstd", []byte(page), ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", tt.header)
				w.Write(tt.body)
			})
			resp, err := newClient(t, Options{}).Get(context.Background(), srv.URL, Conditional{})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && string(resp.Body) != page {
				t.Errorf("body = %.60q…, want the page", resp.Body)
			}
		})
	}
}

func TestBrotliBombStopsAtLimit(t *testing.T) {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, brotli.BestSpeed)
	zeros := make([]byte, 1<<20)
	for range 16 {
		bw.Write(zeros)
	}
	bw.Close()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		w.Write(buf.Bytes())
	})
	_, err := newClient(t, Options{MaxBytes: 1 << 20}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

// TestDefaultClientRefusesPrivateAddresses uses the guard as shipped, with
// a listener on 127.0.0.1 that counts connections: nothing may reach it,
// and nothing else is contacted because refusal happens before connect.
func TestDefaultClientRefusesPrivateAddresses(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var accepted atomic.Int64
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			conn.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	port := ln.Addr().(*net.TCPAddr).Port

	c := New(Options{})
	t.Cleanup(c.CloseIdleConnections)
	urls := []string{
		fmt.Sprintf("http://127.0.0.1:%d/", port),
		fmt.Sprintf("http://localhost:%d/", port), // resolved, then refused
		"http://[::1]/",
		"http://10.1.2.3/",
		"http://172.16.0.1/",
		"http://192.168.1.1/",
		"http://169.254.169.254/latest/meta-data/",
		"http://100.64.0.1/",
		"http://0.0.0.0/",
		"http://[::ffff:127.0.0.1]/",
		"http://[::ffff:169.254.169.254]/",
		"http://[fd00::1]/",
		"http://[fe80::1%25eth0]/",
		"http://224.0.0.1/",
		"https://[64:ff9b::a00:1]/",
	}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(context.Background(), u, Conditional{})
			if !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("err = %v, want ErrBlockedAddress", err)
			}
			if !strings.Contains(err.Error(), "--allow-private-networks") {
				t.Errorf("message %q does not say how to allow it", err)
			}
		})
	}
	if n := accepted.Load(); n != 0 {
		t.Errorf("listener accepted %d connections, want none", n)
	}
}

func TestBadURLs(t *testing.T) {
	c := New(Options{})
	for _, u := range []string{
		"ftp://example.com/feed",
		"file:///etc/passwd",
		"javascript:alert(1)",
		"http:///nohost",
		"http://user:secret@example.com/",
		"::not a url",
		"http://user:secret@example.com/%zz",
	} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(context.Background(), u, Conditional{})
			if !errors.Is(err, ErrBadURL) {
				t.Fatalf("err = %v, want ErrBadURL", err)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("message leaks the password: %q", err)
			}
		})
	}
}

// TestRedirectToBlockedAddress starts from a server the test admits (by
// exact address and port) and is redirected to addresses the guard must
// refuse: a literal metadata IP, and a name that resolves to loopback.
func TestRedirectToBlockedAddress(t *testing.T) {
	var hits atomic.Int64
	inner := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "internal admin page")
	})
	innerPort := inner.Listener.Addr().(*net.TCPAddr).Port
	outer := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/by-name":
			http.Redirect(w, r, fmt.Sprintf("http://localhost:%d/", innerPort), http.StatusFound)
		case "/by-ip":
			http.Redirect(w, r, inner.URL, http.StatusFound)
		}
	})
	admitted := netip.MustParseAddrPort(outer.Listener.Addr().String())
	c := New(Options{})
	c.allowAddr = func(ap netip.AddrPort) bool { return ap == admitted }
	t.Cleanup(c.CloseIdleConnections)

	for _, path := range []string{"/metadata", "/by-name", "/by-ip"} {
		t.Run(path, func(t *testing.T) {
			_, err := c.Get(context.Background(), outer.URL+path, Conditional{})
			if !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("err = %v, want ErrBlockedAddress", err)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the blocked server was reached %d times", n)
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"8.8.8.8", false},
		{"93.184.216.34", false},
		{"2606:4700:4700::1111", false},
		{"::ffff:8.8.8.8", false},
		{"127.0.0.1", true},
		{"127.255.255.254", true},
		{"10.0.0.1", true},
		{"172.31.255.255", true},
		{"172.32.0.1", false},
		{"192.168.0.1", true},
		{"169.254.169.254", true},
		{"100.64.0.1", true},
		{"100.128.0.1", false},
		{"0.0.0.0", true},
		{"255.255.255.255", true},
		{"::", true},
		{"::1", true},
		{"::ffff:10.0.0.1", true},
		{"64:ff9b::7f00:1", true},
		{"64:ff9b::808:808", false},
		{"fc00::1", true},
		{"fdff::1", true},
		{"fe80::1", true},
		{"ff02::1", true},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			err := CheckAddr(netip.MustParseAddr(tt.ip))
			if got := errors.Is(err, ErrBlockedAddress); got != tt.blocked {
				t.Errorf("CheckAddr(%s) = %v, want blocked=%v", tt.ip, err, tt.blocked)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"30", 30 * time.Second, true},
		{" 3600 ", time.Hour, true},
		{"-5", 0, false},
		{"Sun, 01 Mar 2026 12:02:00 GMT", 2 * time.Minute, true},
		{"Sunday, 01-Mar-26 13:00:00 GMT", time.Hour, true},
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0, true}, // in the past
		{"tomorrow", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseRetryAfter(tt.in, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParseRetryAfter(%q) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParseMaxAge(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"no-cache", 0},
		{"public, max-age=300", 5 * time.Minute},
		{"MAX-AGE=60, must-revalidate", time.Minute},
		{`max-age="120"`, 2 * time.Minute},
		{"max-age=abc", 0},
		{"s-maxage=999", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseMaxAge(tt.in); got != tt.want {
				t.Errorf("parseMaxAge(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// BenchmarkGzipBomb measures how fast and how cheaply a 1 GiB gzip bomb is
// refused at the default 10 MiB limit.
func BenchmarkGzipBomb(b *testing.B) {
	var sent atomic.Int64
	srv := httptest.NewServer(gzipBomb(zeroGzipMember(b), &sent))
	defer srv.Close()
	c := New(Options{AllowPrivate: true})
	defer c.CloseIdleConnections()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Get(context.Background(), srv.URL, Conditional{}); !errors.Is(err, ErrTooLarge) {
			b.Fatal(err)
		}
	}
}

func TestGetWaitsForHostLimiter(t *testing.T) {
	var hits atomic.Int64
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })
	limiter := NewHostLimiter(1, 0)
	c := newClient(t, Options{Limiter: limiter})
	host := strings.TrimPrefix(srv.URL, "http://")

	hold, err := limiter.Acquire(context.Background(), host)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Get(ctx, srv.URL, Conditional{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want to give up waiting for the host", err)
	}
	if hits.Load() != 0 {
		t.Fatal("request sent while the host's only slot was taken")
	}
	hold()
	if _, err := c.Get(context.Background(), srv.URL, Conditional{}); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 1 {
		t.Errorf("hits = %d, want 1", hits.Load())
	}
}

func TestTemporary(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/429":
			w.WriteHeader(http.StatusTooManyRequests)
		case "/503":
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/404":
			w.WriteHeader(http.StatusNotFound)
		case "/slow":
			<-r.Context().Done()
		case "/big":
			w.Write(make([]byte, 2000))
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		}
	})
	// A port that was just free: connecting is refused, nothing listens.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()

	// Only /slow needs a short time limit. The other cases answer at once,
	// but on a busy machine a limit that short could still overtake their
	// answer and turn it into a timeout, which is temporary.
	c := newClient(t, Options{MaxBytes: 1000})
	short := newClient(t, Options{Timeout: 200 * time.Millisecond, MaxBytes: 1000})
	tests := []struct {
		url  string
		want bool
	}{
		{srv.URL + "/429", true},
		{srv.URL + "/503", true},
		{srv.URL + "/slow", true},
		{closed, true},
		{srv.URL + "/404", false},
		{srv.URL + "/big", false},
		{srv.URL + "/loop", false},
		{"ftp://example.com/", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			client := c
			if strings.HasSuffix(tt.url, "/slow") {
				client = short
			}
			_, err := client.Get(context.Background(), tt.url, Conditional{})
			if err == nil {
				t.Fatal("Get succeeded, want an error")
			}
			if got := Temporary(err); got != tt.want {
				t.Errorf("Temporary(%v) = %v, want %v", err, got, tt.want)
			}
		})
	}
	if Temporary(nil) || Temporary(fmt.Errorf("wrapped: %w", ErrBlockedAddress)) || Temporary(context.Canceled) {
		t.Error("nil, blocked and cancelled must not be temporary")
	}
}
