// Package ratelimit counts events per key in fixed time windows, in memory
// only. It serves the join form (sign-ups per visitor) and the organiser
// login (failures per email and per visitor).
//
// Keys are never kept as given: each is turned into an HMAC under a secret
// made at start-up and never written anywhere, so the limiter's memory holds
// no IP address or email, and nothing derived from one survives the process.
// Several processes each keep their own counts; that is accepted, since a
// limit only has to slow abuse down, not count it exactly.
package ratelimit

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// Limiter allows at most Max events per key in any window of length Window
// that starts at the key's first event. The zero value is not usable; call
// New.
type Limiter struct {
	max    int
	window time.Duration
	secret [32]byte

	mu        sync.Mutex
	counts    map[[16]byte]*count
	lastPrune time.Time
}

type count struct {
	start time.Time // first event of the current window
	n     int
}

// New returns a Limiter allowing max events per key per window.
func New(max int, window time.Duration) *Limiter {
	l := &Limiter{max: max, window: window, counts: make(map[[16]byte]*count)}
	rand.Read(l.secret[:]) // never fails on supported platforms
	return l
}

// Allow counts one event for key and reports whether it is within the limit.
// Events past the limit are counted too, so hammering does not help.
func (l *Limiter) Allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.current(key, true)
	c.n++
	return c.n <= l.max
}

// Blocked reports, without counting, whether key has used up its events.
func (l *Limiter) Blocked(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.current(key, false)
	return c != nil && c.n >= l.max
}

// Add counts one event for key without asking whether it is allowed; login
// uses it to count failures.
func (l *Limiter) Add(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.current(key, true).n++
}

// Reset forgets key's events, e.g. after a successful login.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.counts, l.hash(key))
}

// Len reports how many keys are tracked; tests use it to check pruning.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.counts)
}

// current returns key's count in the present window, starting a new window
// when the old one is over. With create false it returns nil for keys that
// have no events in the present window. The caller holds l.mu.
func (l *Limiter) current(key string, create bool) *count {
	now := time.Now()
	l.prune(now)
	h := l.hash(key)
	c := l.counts[h]
	if c != nil && now.Sub(c.start) >= l.window {
		delete(l.counts, h)
		c = nil
	}
	if c == nil && create {
		c = &count{start: now}
		l.counts[h] = c
	}
	return c
}

// prune drops finished windows, at most once per window, so that memory
// stays proportional to the keys seen in the last two windows.
func (l *Limiter) prune(now time.Time) {
	if now.Sub(l.lastPrune) < l.window {
		return
	}
	l.lastPrune = now
	for h, c := range l.counts {
		if now.Sub(c.start) >= l.window {
			delete(l.counts, h)
		}
	}
}

func (l *Limiter) hash(key string) [16]byte {
	m := hmac.New(sha256.New, l.secret[:])
	m.Write([]byte(key))
	var out [16]byte
	copy(out[:], m.Sum(nil))
	return out
}

// ClientAddr returns the address a request comes from: the peer address,
// or, when header names one set by a reverse proxy we trust (such as
// X-Forwarded-For), the last address in it: the one the proxy itself saw,
// where earlier ones are whatever the client claimed. header is "" unless
// the site is configured to trust a proxy; the header is ignored then.
func ClientAddr(r *http.Request, header string) string {
	if header != "" {
		if v := r.Header.Get(header); v != "" {
			if i := strings.LastIndexByte(v, ','); i >= 0 {
				v = v[i+1:]
			}
			return strings.TrimSpace(v)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ClientKey turns a request's remote address ("host:port" or a bare IP) into
// the key used to limit one visitor. IPv6 addresses are cut to their /64,
// since one household or server usually holds a whole /64. Addresses that do
// not parse are used as given.
func ClientKey(remoteAddr string) string {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	addr, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return "raw:" + host
	}
	addr = addr.Unmap().WithZone("")
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return "ip6:" + p.String()
	}
	return "ip4:" + addr.String()
}
