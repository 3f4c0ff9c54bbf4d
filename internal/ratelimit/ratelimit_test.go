package ratelimit

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"
)

func TestAllowWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(3, time.Minute)
		for i := range 3 {
			if !l.Allow("a") {
				t.Fatalf("event %d refused, want allowed", i+1)
			}
		}
		if l.Allow("a") {
			t.Fatal("4th event allowed, want refused")
		}
		if !l.Allow("b") {
			t.Fatal("other key refused; keys must be counted apart")
		}
		time.Sleep(time.Minute)
		if !l.Allow("a") {
			t.Fatal("event after the window refused, want a fresh window")
		}
	})
}

func TestBlockedAddReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(2, time.Minute)
		if l.Blocked("x") {
			t.Fatal("unknown key blocked")
		}
		l.Add("x")
		if l.Blocked("x") {
			t.Fatal("blocked after 1 of 2 events")
		}
		l.Add("x")
		if !l.Blocked("x") {
			t.Fatal("not blocked after 2 of 2 events")
		}
		l.Reset("x")
		if l.Blocked("x") {
			t.Fatal("still blocked after Reset")
		}
		l.Add("x")
		l.Add("x")
		time.Sleep(61 * time.Second)
		if l.Blocked("x") {
			t.Fatal("still blocked after the window ended")
		}
	})
}

func TestPrune(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(1, time.Minute)
		for _, k := range []string{"a", "b", "c"} {
			l.Allow(k)
		}
		if got := l.Len(); got != 3 {
			t.Fatalf("Len = %d, want 3", got)
		}
		time.Sleep(2 * time.Minute)
		l.Allow("d")
		if got := l.Len(); got != 1 {
			t.Fatalf("Len after the window = %d, want 1 (old keys pruned)", got)
		}
	})
}

func TestClientKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"203.0.113.9:5555", "ip4:203.0.113.9"},
		{"203.0.113.9", "ip4:203.0.113.9"},
		{"[::ffff:203.0.113.9]:80", "ip4:203.0.113.9"},
		{"[2001:db8:1:2:3:4:5:6]:443", "ip6:2001:db8:1:2::/64"},
		{"2001:db8:1:2:ffff::1", "ip6:2001:db8:1:2::/64"},
		{"[fe80::1%eth0]:80", "ip6:fe80::/64"},
		{"not-an-ip", "raw:not-an-ip"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ClientKey(tt.in); got != tt.want {
				t.Errorf("ClientKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeysAreNotKept(t *testing.T) {
	l := New(5, time.Minute)
	l.Allow("ip4:198.51.100.7")
	for h := range l.counts {
		if string(h[:]) == "ip4:198.51.100.7"[:16] {
			t.Fatal("raw key kept in memory")
		}
	}
	if l.hash("a") == l.hash("b") {
		t.Fatal("different keys hash the same")
	}
	other := New(5, time.Minute)
	if l.hash("a") == other.hash("a") {
		t.Fatal("two limiters share a secret; each must make its own")
	}
}

// BenchmarkAllow measures one check on a limiter holding many visitors, as
// on a busy join form.
func BenchmarkAllow(b *testing.B) {
	l := New(1<<30, time.Hour)
	keys := make([]string, 10000)
	for i := range keys {
		keys[i] = ClientKey(fmt.Sprintf("198.51.%d.%d:443", i/256, i%256))
	}
	i := 0
	for b.Loop() {
		l.Allow(keys[i%len(keys)])
		i++
	}
}

func TestClientAddr(t *testing.T) {
	tests := []struct {
		name, remote, header, value, want string
	}{
		{"peer address", "192.0.2.7:5555", "", "", "192.0.2.7"},
		{"IPv6 peer", "[2001:db8::7]:5555", "", "", "2001:db8::7"},
		{"header ignored unless trusted", "192.0.2.7:5555", "", "203.0.113.9", "192.0.2.7"},
		{"trusted proxy header, last hop", "10.0.0.1:80", "X-Forwarded-For", "198.51.100.1, 203.0.113.9", "203.0.113.9"},
		{"trusted header missing", "10.0.0.1:80", "X-Forwarded-For", "", "10.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.RemoteAddr = tt.remote
			if tt.value != "" {
				r.Header.Set("X-Forwarded-For", tt.value)
			}
			if got := ClientAddr(r, tt.header); got != tt.want {
				t.Errorf("ClientAddr = %q, want %q", got, tt.want)
			}
		})
	}
}
