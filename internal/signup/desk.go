package signup

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"newshound/internal/news"
	"newshound/internal/ratelimit"
)

// Store is what the desk needs of the database; *store.Store provides it.
type Store interface {
	// AddSignup stores a sign-up, merging it into the person with the same
	// normalized email if there is one.
	AddSignup(ctx context.Context, person news.Signup, ev news.SignupEvent) (id int64, merged bool, err error)
	// IsDisposableDomain reports whether the domain is on the site's
	// blocklist of throwaway email domains.
	IsDisposableDomain(ctx context.Context, domain string) (bool, error)
	// CountBlockedSignup adds one to the day's count of blocked submissions
	// for the reason.
	CountBlockedSignup(ctx context.Context, reason string, at time.Time) error
}

// Config configures a Desk. Form and Store are required; zero values of the
// rest take the defaults.
type Config struct {
	Form  Form
	Store Store

	// Resolver checks email domains; pass net.DefaultResolver. Nil skips the
	// domain check.
	Resolver      Resolver
	LookupTimeout time.Duration // default DefaultLookupTimeout

	// Key signs the form's time token. Nil makes a random key for this
	// process; several web instances behind one load balancer must share a
	// key (at least 32 bytes) or forms served by one and posted to another
	// come back as expired.
	Key      []byte
	MinDelay time.Duration // fastest believable fill-in; default 3s
	MaxAge   time.Duration // how long a served form stays valid; default 24h

	RateLimit  int           // sign-up posts per visitor per RateWindow; default 20
	RateWindow time.Duration // default 1h

	Logger *slog.Logger // default slog.Default()
}

// Defaults for Config.
const (
	DefaultMinDelay   = 3 * time.Second
	DefaultMaxAge     = 24 * time.Hour
	DefaultRateLimit  = 20 // generous: a stall at an event may sign people up from one tablet
	DefaultRateWindow = time.Hour
)

// Desk takes in join-form submissions. It is safe for concurrent use.
type Desk struct {
	form  Form
	store Store
	val   validator
	guard guard
	log   *slog.Logger
}

// New checks c and returns a Desk.
func New(c Config) (*Desk, error) {
	if err := c.Form.Check(); err != nil {
		return nil, err
	}
	if c.Store == nil {
		return nil, fmt.Errorf("signup: new desk: no store")
	}
	if c.Key == nil {
		c.Key = make([]byte, 32)
		rand.Read(c.Key)
	} else if len(c.Key) < 32 {
		return nil, fmt.Errorf("signup: new desk: the form key has %d bytes; use at least 32 random bytes", len(c.Key))
	}
	def(&c.LookupTimeout, DefaultLookupTimeout)
	def(&c.MinDelay, DefaultMinDelay)
	def(&c.MaxAge, DefaultMaxAge)
	def(&c.RateWindow, DefaultRateWindow)
	def(&c.RateLimit, DefaultRateLimit)
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return &Desk{
		form:  c.Form,
		store: c.Store,
		val:   validator{form: c.Form, resolver: c.Resolver, timeout: c.LookupTimeout},
		guard: guard{key: c.Key, minDelay: c.MinDelay, maxAge: c.MaxAge, limiter: ratelimit.New(c.RateLimit, c.RateWindow)},
		log:   c.Logger,
	}, nil
}

func def[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// Form returns the form the desk takes in, for rendering.
func (d *Desk) Form() Form { return d.form }

// Token returns a fresh value for the hidden TokenField; render it every
// time the form is shown, including when it comes back with errors.
func (d *Desk) Token() string { return d.guard.token() }

// Request is one post of the join form.
type Request struct {
	// Client is who sent it, for the rate limit: pass
	// ratelimit.ClientKey(r.RemoteAddr), or the address a trusted proxy
	// reports. It is kept only as a keyed hash in memory.
	Client    string
	Form      url.Values // the parsed POST body
	ArticleID int64      // the article page the form was on; 0 for /join
}

// Result says what became of a submission. Exactly one of three things
// holds: Errors is set (show the form again), Blocked is set (a bot: answer
// exactly as if it had worked), or the sign-up was stored (SignupID).
type Result struct {
	Values   Values // as typed, to fill the form in again
	Errors   Errors
	Blocked  Reason
	SignupID int64
	Merged   bool // the email was known: the sign-up was added to that person
}

// Submit checks a post and stores it. The returned error is for failures of
// ours (database down); the form's values are in Result even then, so the
// handler can show them again with an apology instead of losing them.
func (d *Desk) Submit(ctx context.Context, req Request) (Result, error) {
	res := Result{Values: ParseValues(req.Form)}
	v := d.guard.check(req.Client, req.Form)
	if v.blocked != "" {
		return d.block(ctx, res, v.blocked), nil
	}
	if v.expired {
		res.Errors = Errors{FieldForm: "This form was open for a long time, so we couldn't accept it. Please check your details and send it again."}
		return res, nil
	}
	sub, errs := d.val.validate(ctx, res.Values)
	if errs != nil {
		res.Errors = errs
		return res, nil
	}
	disposable, err := d.disposable(ctx, sub.Person.Email)
	if err != nil {
		return res, err
	}
	if disposable {
		return d.block(ctx, res, ReasonDisposable), nil
	}
	sub.Event.ArticleID = req.ArticleID
	res.SignupID, res.Merged, err = d.store.AddSignup(ctx, sub.Person, sub.Event)
	if err != nil {
		return res, fmt.Errorf("signup: submit: %w", err)
	}
	return res, nil
}

// disposable checks the email's domain and each parent domain against the
// blocklist, so that listing a provider covers its subdomains too.
func (d *Desk) disposable(ctx context.Context, email string) (bool, error) {
	_, domain, _ := strings.Cut(email, "@")
	for domain != "" {
		if !strings.Contains(domain, ".") {
			return false, nil // never match a bare top-level domain
		}
		bad, err := d.store.IsDisposableDomain(ctx, domain)
		if err != nil {
			return false, fmt.Errorf("signup: check blocklist: %w", err)
		}
		if bad {
			return true, nil
		}
		_, domain, _ = strings.Cut(domain, ".")
	}
	return false, nil
}

// block counts a blocked submission. Counting is best effort: a failure is
// logged (without the submission's data) and the bot still gets its
// normal-looking answer.
func (d *Desk) block(ctx context.Context, res Result, why Reason) Result {
	if err := d.store.CountBlockedSignup(ctx, string(why), time.Now()); err != nil {
		d.log.WarnContext(ctx, "signup: count blocked submission", "reason", why, "err", err)
	}
	res.Blocked = why
	return res
}
