package signup

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// This machine, like CI, cannot reach a DNS server. Rather than faking the
// Resolver interface, the domain-check tests run the real *net.Resolver
// (Go's own DNS client, as in production) against a tiny authoritative
// server on 127.0.0.1 that answers from a fixed table.

// zone maps a domain (lower case, no trailing dot) to its records.
type zone map[string]records

type records struct {
	mx     []string // MX hosts; "." is a null MX (RFC 7505)
	a      []string // IPv4 addresses
	silent bool     // never answer: a resolver timeout
}

// startDNS serves z over UDP on 127.0.0.1 and returns a resolver that asks
// only that server. Names missing from z get NXDOMAIN.
func startDNS(t *testing.T, z zone) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { pc.Close(); <-done })
	go func() {
		defer close(done)
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply, ok := answer(z, buf[:n]); ok {
				pc.WriteTo(reply, from)
			}
		}
	}()
	addr := pc.LocalAddr().String()
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", addr)
		},
	}
}

// answer builds the reply to one query; ok is false when the query should
// go unanswered.
func answer(z zone, query []byte) ([]byte, bool) {
	var p dnsmessage.Parser
	h, err := p.Start(query)
	if err != nil {
		return nil, false
	}
	q, err := p.Question()
	if err != nil {
		return nil, false
	}
	name := strings.ToLower(strings.TrimSuffix(q.Name.String(), "."))
	rec, known := z[name]
	if rec.silent {
		return nil, false
	}
	rh := dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired, RecursionAvailable: true}
	if !known {
		rh.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, rh)
	b.StartQuestions()
	b.Question(q)
	b.StartAnswers()
	hdr := dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 60}
	switch q.Type {
	case dnsmessage.TypeMX:
		for i, mx := range rec.mx {
			if mx != "." {
				mx += "."
			}
			b.MXResource(hdr, dnsmessage.MXResource{Pref: uint16(10 * i), MX: dnsmessage.MustNewName(mx)})
		}
	case dnsmessage.TypeA:
		for _, a := range rec.a {
			b.AResource(hdr, dnsmessage.AResource{A: [4]byte(net.ParseIP(a).To4())})
		}
	}
	out, err := b.Finish()
	return out, err == nil
}

func TestTestDNSServer(t *testing.T) {
	r := startDNS(t, zone{"mail.test.example": {mx: []string{"mx1.test.example"}}})
	mx, err := r.LookupMX(context.Background(), "mail.test.example")
	if err != nil || len(mx) != 1 || mx[0].Host != "mx1.test.example." {
		t.Fatalf("LookupMX = %v, %v; want mx1.test.example.", mx, err)
	}
	_, err = r.LookupMX(context.Background(), "missing.test.example")
	var de *net.DNSError
	if !errors.As(err, &de) || !de.IsNotFound {
		t.Fatalf("LookupMX of a missing name: err = %v, want a not-found DNSError", err)
	}
}
