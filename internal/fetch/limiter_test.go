package fetch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func TestHostLimiterSpacesRequests(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewHostLimiter(4, time.Second)
		start := time.Now()
		var mu sync.Mutex
		var starts []time.Duration
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				release, err := l.Acquire(context.Background(), "example.com")
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				starts = append(starts, time.Since(start))
				mu.Unlock()
				release()
			})
		}
		other, err := l.Acquire(context.Background(), "example.org")
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d != 0 {
			t.Errorf("another host waited %s", d)
		}
		other()
		wg.Wait()
		want := map[time.Duration]bool{0: true, time.Second: true, 2 * time.Second: true}
		for _, s := range starts {
			if !want[s] {
				t.Errorf("starts = %v, want 0s, 1s, 2s in some order", starts)
				break
			}
			delete(want, s)
		}
	})
}

func TestHostLimiterCapsConcurrency(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewHostLimiter(2, 0)
		var mu sync.Mutex
		inFlight, peak := 0, 0
		var wg sync.WaitGroup
		for range 6 {
			wg.Go(func() {
				release, err := l.Acquire(context.Background(), "example.com")
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				inFlight++
				peak = max(peak, inFlight)
				mu.Unlock()
				time.Sleep(time.Second) // the request
				mu.Lock()
				inFlight--
				mu.Unlock()
				release()
			})
		}
		start := time.Now()
		wg.Wait()
		if peak != 2 {
			t.Errorf("peak concurrency = %d, want 2", peak)
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Errorf("six one-second requests, two at a time, took %s", d)
		}
	})
}

func TestHostLimiterHonoursContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewHostLimiter(1, time.Minute)
		first, err := l.Acquire(context.Background(), "example.com")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		// The slot is held: waiting for it gives up with the context.
		if _, err := l.Acquire(ctx, "example.com"); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want DeadlineExceeded", err)
		}
		first()
		first() // releasing twice is harmless
		// The slot is free but the delay runs for another 59 s.
		ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
		defer cancel2()
		if _, err := l.Acquire(ctx2, "example.com"); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want DeadlineExceeded", err)
		}
		// A give-up must not leave the slot taken.
		release, err := l.Acquire(context.Background(), "example.com")
		if err != nil {
			t.Fatal(err)
		}
		release()
	})
}

func TestHostLimiterForgetsIdleHosts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewHostLimiter(1, time.Millisecond)
		for i := range 3 * minSweep {
			release, err := l.Acquire(context.Background(), fmt.Sprintf("host%d.example", i))
			if err != nil {
				t.Fatal(err)
			}
			release()
			time.Sleep(2 * time.Millisecond)
		}
		l.mu.Lock()
		n := len(l.hosts)
		l.mu.Unlock()
		if n > minSweep {
			t.Errorf("limiter keeps %d idle hosts", n)
		}
	})
}
