package onewrite

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// countingListener counts the Write calls that reach the real connections.
type countingListener struct {
	net.Listener
	mu     sync.Mutex
	writes int
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countingConn{Conn: c, l: l}, nil
}

func (l *countingListener) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.writes
}

type countingConn struct {
	net.Conn
	l *countingListener
}

func (c *countingConn) Write(p []byte) (int, error) {
	c.l.mu.Lock()
	c.l.writes++
	c.l.mu.Unlock()
	return c.Conn.Write(p)
}

// page is a body of n bytes that shows where it was cut, if it is.
func page(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(' ')
	}
	return b.Bytes()[:n]
}

// serve starts a server on a counting listener under Listener; gather
// picks whether the handler gathers.
func serve(t *testing.T, body []byte, gather bool) (*countingListener, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cl := &countingListener{Listener: ln}
	srv := &http.Server{
		ConnContext: ConnContext,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			var g Gathering
			if gather {
				g = Gather(r)
			}
			w.Write(body)
			g.Send(w)
		}),
	}
	go srv.Serve(Listener(cl))
	t.Cleanup(func() { srv.Close() })
	return cl, "http://" + ln.Addr().String() + "/"
}

func get(t *testing.T, c *http.Client, url string) []byte {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGatheredResponseIsOneWrite(t *testing.T) {
	for _, n := range []int{10, 4000, 5700, 14000, 100 << 10} {
		body := page(n)
		cl, url := serve(t, body, true)
		c := &http.Client{Transport: &http.Transport{}}
		for i := range 3 { // keep-alive: each response on the same connection
			if got := get(t, c, url); !bytes.Equal(got, body) {
				t.Fatalf("%d bytes, request %d: body differs (%d bytes back)", n, i, len(got))
			}
			if w := cl.count(); w != i+1 {
				t.Fatalf("%d bytes: %d write calls after %d responses, want one each", n, w, i+1)
			}
		}
		c.CloseIdleConnections()
	}
}

func TestUngatheredResponseIsUnchanged(t *testing.T) {
	body := page(14000)
	cl, url := serve(t, body, false)
	if got := get(t, http.DefaultClient, url); !bytes.Equal(got, body) {
		t.Fatalf("body differs (%d bytes back)", len(got))
	}
	// net/http's 4 KB buffer: the header and a 14 KB body leave in more
	// than one call, which is what gathering saves.
	if w := cl.count(); w < 2 {
		t.Fatalf("%d write calls without gathering; the test no longer shows the difference", w)
	}
}

func TestResponseLargerThanTheBoundStillArrivesWhole(t *testing.T) {
	body := page(maxGather + 100<<10)
	cl, url := serve(t, body, true)
	if got := get(t, http.DefaultClient, url); !bytes.Equal(got, body) {
		t.Fatalf("body differs (%d bytes back of %d)", len(got), len(body))
	}
	if w := cl.count(); w < 2 {
		t.Fatalf("%d write calls: a response past the bound should not be held whole", w)
	}
}

// Pipelined requests arrive together; each response must still be sent
// before the next request is served, not held back.
func TestPipelinedRequests(t *testing.T) {
	body := page(9000)
	_, url := serve(t, body, true)
	conn, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req := "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
	if _, err := io.WriteString(conn, req+req+req); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	for i := range 3 {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("response %d: %v", i, err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("response %d: body differs (%d bytes, %v)", i, len(got), err)
		}
	}
}

// Without Listener and ConnContext (httptest, TLS) Gather does nothing and
// the response is written as usual.
func TestGatherWithoutGatheringConnection(t *testing.T) {
	body := page(12000)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g := Gather(r)
		if g.c != nil {
			t.Error("gathering on a connection that cannot")
		}
		w.Write(body)
		g.Send(w)
	})
	for _, srv := range []*httptest.Server{httptest.NewServer(h), httptest.NewTLSServer(h)} {
		if got := get(t, srv.Client(), srv.URL); !bytes.Equal(got, body) {
			t.Errorf("%s: body differs", srv.URL)
		}
		srv.Close()
	}
}

// A HEAD response and an empty body go through Send without writing
// anything twice.
func TestHeadAndEmpty(t *testing.T) {
	_, url := serve(t, nil, true)
	resp, err := http.Head(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HEAD: status %d", resp.StatusCode)
	}
	if got := get(t, http.DefaultClient, url); len(got) != 0 {
		t.Fatalf("empty body came back as %d bytes", len(got))
	}
}

// The wrapped connection keeps the methods net/http looks for on a
// *net.TCPConn: the half-close it ends a connection with, and ReadFrom.
func TestConnKeepsTCPMethods(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err == nil {
			io.Copy(io.Discard, c) // until the server half-closes
			c.Close()
		}
	}()
	c, err := Listener(ln).Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, ok := c.(io.ReaderFrom); !ok {
		t.Error("no ReadFrom")
	}
	cw, ok := c.(interface{ CloseWrite() error })
	if !ok {
		t.Fatal("no CloseWrite")
	}
	if err := cw.CloseWrite(); err != nil {
		t.Errorf("CloseWrite: %v", err)
	}
	if _, err := c.Write([]byte("x")); err == nil {
		t.Error("write after CloseWrite succeeded: the half-close did not reach the TCP connection")
	}
}
