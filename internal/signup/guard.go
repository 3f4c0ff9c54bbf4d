package signup

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"net/url"
	"strings"
	"time"

	"newshound/internal/ratelimit"
)

// Reason says why a submission was taken for a bot's. The values are what
// the block counter stores.
type Reason string

// Reasons a submission is blocked.
const (
	ReasonHoneypot    Reason = "honeypot"     // the hidden field was filled in
	ReasonNoToken     Reason = "no_token"     // posted without loading the form
	ReasonTooFast     Reason = "too_fast"     // sent sooner than a person can type
	ReasonRateLimited Reason = "rate_limited" // too many posts from one visitor
	ReasonDisposable  Reason = "disposable"   // a throwaway email domain
)

// tokenTag separates this token's MACs from any other use of the key.
const tokenTag = "newshound signup form token v1\x00"

// guard runs the abuse checks that need no database: honeypot, signed
// time-to-submit token and the per-visitor rate limit.
type guard struct {
	key      []byte
	minDelay time.Duration
	maxAge   time.Duration
	limiter  *ratelimit.Limiter
}

// token returns the signed time the form is being served, for TokenField:
// 8 bytes of Unix milliseconds and 16 bytes of their HMAC, base64url.
func (g *guard) token() string {
	var b [8 + 16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixMilli()))
	copy(b[8:], g.mac(b[:8]))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func (g *guard) mac(ts []byte) []byte {
	m := hmac.New(sha256.New, g.key)
	m.Write([]byte(tokenTag))
	m.Write(ts)
	return m.Sum(nil)[:16]
}

// verdict is the outcome of the checks before validation.
type verdict struct {
	blocked Reason
	expired bool // the token is old or from another key: ask to send again
}

// check runs the checks in order of cost. A token that is present but cannot
// be verified (the server restarted with a new key, or the page was open for
// longer than maxAge) is not held against the sender: a person may have sent
// it, so the form comes back with what they typed instead of being dropped.
func (g *guard) check(client string, form url.Values) verdict {
	if strings.TrimSpace(form.Get(HoneypotField)) != "" {
		return verdict{blocked: ReasonHoneypot}
	}
	tok := form.Get(TokenField)
	if tok == "" {
		return verdict{blocked: ReasonNoToken}
	}
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(b) != 24 || !hmac.Equal(b[8:], g.mac(b[:8])) {
		return verdict{expired: true}
	}
	served := time.UnixMilli(int64(binary.BigEndian.Uint64(b[:8])))
	age := time.Since(served)
	switch {
	case age > g.maxAge || age < -time.Minute: // allow some clock skew between instances
		return verdict{expired: true}
	case age < g.minDelay:
		return verdict{blocked: ReasonTooFast}
	}
	if !g.limiter.Allow(client) {
		return verdict{blocked: ReasonRateLimited}
	}
	return verdict{}
}
