package signup

import (
	"context"
	"crypto/hmac"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newshound/internal/ratelimit"
)

// FuzzParseEmail checks that any accepted address comes out normalized: a
// second pass changes nothing, and the parts obey the limits we promise.
func FuzzParseEmail(f *testing.F) {
	for _, s := range []string{"ana@example.org", "A@B.CO", "user@bücher.example", "a@xn--bcher-kva.example", "\"x\"@y.z", "a@b@c.d", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, msg := parseEmail(s)
		if msg != "" {
			return
		}
		if !utf8.ValidString(e.normalized) || strings.ContainsAny(e.normalized, " \t\r\n<>\"") {
			t.Fatalf("accepted %q as %q", s, e.normalized)
		}
		if strings.Count(e.normalized, "@") != 1 || !strings.Contains(e.ascii, ".") || len(e.ascii) > 253 {
			t.Fatalf("accepted %q: normalized %q, dns %q", s, e.normalized, e.ascii)
		}
		again, msg := parseEmail(e.normalized)
		if msg != "" || again != e {
			t.Fatalf("normalizing %q is not stable: %q then %+v (%s)", s, e.normalized, again, msg)
		}
	})
}

// FuzzValidate feeds arbitrary field values through validation: it must
// never panic, and whatever it accepts must respect the length limits.
func FuzzValidate(f *testing.F) {
	f.Add("Ana", "ana@example.org", "+1 555 0100", "Lyon", "FR", "hi", true)
	f.Add("\u202e", "x", "++", "\x00", "", "\r\n", false)
	val := validator{form: DefaultForm()}
	f.Fuzz(func(t *testing.T, name, email, phone, city, country, msg string, consent bool) {
		sub, errs := val.validate(context.Background(), Values{name, email, phone, city, country, msg, consent})
		if errs != nil {
			return
		}
		p := sub.Person
		for _, c := range []struct {
			v   string
			max int
		}{{p.Name, MaxName}, {p.Phone, MaxPhone}, {p.City, MaxPlace}, {p.Country, MaxPlace}, {p.Message, MaxMessage}} {
			if utf8.RuneCountInString(c.v) > c.max || !utf8.ValidString(c.v) {
				t.Fatalf("accepted %q over its limit %d", c.v, c.max)
			}
		}
	})
}

// FuzzToken feeds arbitrary tokens to the guard: it must never panic, and
// whatever it lets through must decode to a timestamp this key signed.
func FuzzToken(f *testing.F) {
	g := &guard{key: []byte("0123456789abcdef0123456789abcdef"), maxAge: 100 * 365 * 24 * time.Hour, limiter: ratelimit.New(1<<30, time.Hour)}
	f.Add(g.token())
	f.Add("")
	f.Add("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	f.Fuzz(func(t *testing.T, tok string) {
		v := g.check("fuzz", url.Values{TokenField: {tok}})
		if v.blocked != "" || v.expired {
			return
		}
		b, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(b) != 24 || !hmac.Equal(b[8:], g.mac(b[:8])) {
			t.Fatalf("unsigned token %q accepted", tok)
		}
	})
}
