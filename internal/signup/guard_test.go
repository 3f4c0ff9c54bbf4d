package signup

import (
	"net/url"
	"testing"
	"testing/synctest"
	"time"

	"newshound/internal/ratelimit"
)

func newGuard(limit int) *guard {
	return &guard{
		key:      []byte("0123456789abcdef0123456789abcdef"),
		minDelay: DefaultMinDelay,
		maxAge:   DefaultMaxAge,
		limiter:  ratelimit.New(limit, time.Hour),
	}
}

func TestGuard(t *testing.T) {
	other := &guard{key: []byte("another key, as after a restart!"), minDelay: DefaultMinDelay, maxAge: DefaultMaxAge}
	tests := []struct {
		name    string
		wait    time.Duration
		form    func(tok string) url.Values
		blocked Reason
		expired bool
	}{
		{name: "person", wait: 20 * time.Second, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}}
		}},
		{name: "exactly the minimum", wait: DefaultMinDelay, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}}
		}},
		{name: "honeypot", wait: 20 * time.Second, blocked: ReasonHoneypot, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}, HoneypotField: {"http://spam.example"}}
		}},
		{name: "honeypot whitespace only is a person", wait: 20 * time.Second, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}, HoneypotField: {" "}}
		}},
		{name: "too fast", wait: 2900 * time.Millisecond, blocked: ReasonTooFast, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}}
		}},
		{name: "instant", blocked: ReasonTooFast, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}}
		}},
		{name: "no token", wait: 20 * time.Second, blocked: ReasonNoToken, form: func(string) url.Values {
			return url.Values{"name": {"bot"}}
		}},
		{name: "garbage token", wait: 20 * time.Second, expired: true, form: func(string) url.Values {
			return url.Values{TokenField: {"!!not base64!!"}}
		}},
		{name: "tampered token", wait: 20 * time.Second, expired: true, form: func(tok string) url.Values {
			b := []byte(tok)
			b[len(b)-1] ^= 1
			return url.Values{TokenField: {string(b)}}
		}},
		{name: "token of another key", wait: 20 * time.Second, expired: true, form: func(string) url.Values {
			return url.Values{TokenField: {other.token()}}
		}},
		{name: "form open too long", wait: DefaultMaxAge + time.Second, expired: true, form: func(tok string) url.Values {
			return url.Values{TokenField: {tok}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				g := newGuard(5)
				form := tt.form(g.token())
				time.Sleep(tt.wait)
				got := g.check("ip4:198.51.100.1", form)
				if got.blocked != tt.blocked || got.expired != tt.expired {
					t.Errorf("check = %+v, want blocked %q expired %v", got, tt.blocked, tt.expired)
				}
			})
		})
	}
}

func TestGuardRateLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGuard(3)
		tok := g.token()
		time.Sleep(10 * time.Second)
		form := url.Values{TokenField: {tok}}
		for i := range 3 {
			if v := g.check("ip4:198.51.100.1", form); v.blocked != "" {
				t.Fatalf("post %d blocked (%s), want allowed", i+1, v.blocked)
			}
		}
		if v := g.check("ip4:198.51.100.1", form); v.blocked != ReasonRateLimited {
			t.Fatalf("4th post: %+v, want rate_limited", v)
		}
		if v := g.check("ip4:198.51.100.2", form); v.blocked != "" {
			t.Fatalf("another visitor blocked (%s)", v.blocked)
		}
		time.Sleep(time.Hour)
		if v := g.check("ip4:198.51.100.1", form); v.blocked != "" {
			t.Fatalf("after the window: blocked (%s), want allowed", v.blocked)
		}
	})
}

func TestTokensDiffer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGuard(1)
		a := g.token()
		time.Sleep(time.Millisecond)
		if b := g.token(); a == b {
			t.Fatal("tokens served at different times are equal")
		}
	})
}
