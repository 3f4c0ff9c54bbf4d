package fetch

import (
	"context"
	"sync"
	"time"
)

// HostLimiter keeps newshound polite: at most perHost requests in flight
// to one host, and request starts to one host at least minDelay apart.
// Hosts are keyed by the URL host (name and port) as given. The zero value
// is not usable; call NewHostLimiter.
type HostLimiter struct {
	perHost  int
	minDelay time.Duration

	mu      sync.Mutex
	hosts   map[string]*hostSlot
	sweepAt int // map size at which idle hosts are next swept out
}

// hostSlot is the state of one host.
type hostSlot struct {
	sem   chan struct{} // one token per request in flight
	next  time.Time     // earliest start of the next request
	users int           // goroutines holding or waiting for this slot
}

// NewHostLimiter returns a limiter allowing perHost (at least 1)
// concurrent requests per host, started at least minDelay apart.
func NewHostLimiter(perHost int, minDelay time.Duration) *HostLimiter {
	return &HostLimiter{perHost: max(perHost, 1), minDelay: max(minDelay, 0), hosts: map[string]*hostSlot{}, sweepAt: minSweep}
}

// Acquire waits for a turn to request host. Call release once the request
// is done. It returns ctx's error, and holds nothing, if ctx ends first.
func (l *HostLimiter) Acquire(ctx context.Context, host string) (release func(), err error) {
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		l.sweep()
		s = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()

	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		l.leave(host, s)
		return nil, ctx.Err()
	}

	l.mu.Lock()
	now := time.Now()
	start := now
	if s.next.After(now) {
		start = s.next
	}
	s.next = start.Add(l.minDelay)
	l.mu.Unlock()

	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.sem
			l.leave(host, s)
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			<-s.sem
			l.leave(host, s)
		})
	}, nil
}

// minSweep is the smallest map size worth sweeping.
const minSweep = 256

// sweep drops idle hosts whose delay has passed once the map has doubled
// since the last sweep, so the cost stays proportional to its growth.
// l.mu must be held.
func (l *HostLimiter) sweep() {
	if len(l.hosts) < l.sweepAt {
		return
	}
	now := time.Now()
	for h, s := range l.hosts {
		if s.users == 0 && !now.Before(s.next) {
			delete(l.hosts, h)
		}
	}
	l.sweepAt = max(2*len(l.hosts), minSweep)
}

// leave forgets a host nobody uses any more once its delay has passed, so
// the map does not grow with every host ever fetched.
func (l *HostLimiter) leave(host string, s *hostSlot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s.users--
	if s.users == 0 && !time.Now().Before(s.next) {
		delete(l.hosts, host)
	}
}
