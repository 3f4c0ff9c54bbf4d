// Package onewrite lets an HTTP/1 handler send a whole response, status
// line, headers and body, with one write system call.
//
// net/http writes through a 4 KB connection buffer, so any response larger
// than that leaves in at least two write calls, and on a small page the
// second call and its TCP segment cost as much as the first: measured on
// the article page, the kernel's side of sending was two fifths of a view's
// CPU time. Here the listener's connections can gather what net/http writes
// for one response and pass it on in one call. Only a handler that asks for
// it is affected; every other write goes straight through.
//
// Use: serve on Listener(ln) with ConnContext as the server's ConnContext,
// and in a handler
//
//	g := onewrite.Gather(r)
//	... write the response ...
//	g.Send(w)
package onewrite

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
)

// maxGather is the most a connection gathers before it writes what it has
// and lets the rest of the response through: a bound on the memory one
// response can hold, far above a page.
const maxGather = 256 << 10

// Listener returns ln whose connections can gather writes.
func Listener(ln net.Listener) net.Listener { return listener{ln} }

type listener struct{ net.Listener }

func (l listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &conn{Conn: c}, nil
}

// ConnContext is for http.Server.ConnContext: it lets handlers find their
// connection.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	if oc, ok := c.(*conn); ok {
		return context.WithValue(ctx, connKey{}, oc)
	}
	return ctx
}

type connKey struct{}

// conn is a connection that can gather writes. Only the goroutine serving
// the connection writes to it in HTTP/1, so gathering needs no lock.
type conn struct {
	net.Conn
	buf *[]byte // non-nil while gathering
}

var bufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

func (c *conn) Write(p []byte) (int, error) {
	if c.buf == nil {
		return c.Conn.Write(p)
	}
	if len(*c.buf)+len(p) > maxGather {
		if err := c.flush(); err != nil {
			return 0, err
		}
		return c.Conn.Write(p)
	}
	*c.buf = append(*c.buf, p...)
	return len(p), nil
}

// ReadFrom keeps net/http's sendfile path for files when not gathering.
func (c *conn) ReadFrom(r io.Reader) (int64, error) {
	if c.buf != nil {
		if err := c.flush(); err != nil {
			return 0, err
		}
	}
	return io.Copy(c.Conn, r)
}

// CloseWrite passes net/http's half-close through, so a connection it
// ends still lets the client read the last response before the close.
func (c *conn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return c.Conn.Close()
}

// flush writes what was gathered and stops gathering.
func (c *conn) flush() error {
	b := c.buf
	c.buf = nil
	var err error
	if len(*b) > 0 {
		_, err = c.Conn.Write(*b)
	}
	if cap(*b) <= maxGather {
		*b = (*b)[:0]
		bufs.Put(b)
	}
	return err
}

// Gathering is a response whose writes are being gathered; its zero
// value is one that is not.
type Gathering struct{ c *conn }

// Gather starts gathering the writes of r's response. Call Send once the
// response is written. When r's connection cannot gather (HTTP/2, TLS, a
// server not set up for it) the response is written as usual and Send does
// nothing.
func Gather(r *http.Request) Gathering {
	c, _ := r.Context().Value(connKey{}).(*conn)
	if c == nil || r.ProtoMajor != 1 || r.TLS != nil || c.buf != nil {
		return Gathering{}
	}
	c.buf = bufs.Get().(*[]byte)
	return Gathering{c}
}

// Send flushes w, so that nothing of the response stays in net/http's
// buffers, and writes what was gathered in one call.
func (g Gathering) Send(w http.ResponseWriter) {
	if g.c == nil {
		return
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	} else {
		http.NewResponseController(w).Flush() // an error is the client gone; the write below says so too
	}
	if g.c.buf == nil {
		return // written already, past maxGather
	}
	if err := g.c.flush(); err != nil {
		// net/http did not see this write fail: close, so that it does
		// not wait on the connection for another request.
		g.c.Conn.Close()
	}
}
