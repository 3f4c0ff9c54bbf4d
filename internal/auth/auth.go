// Package auth is the organisers' side door: user accounts with argon2id
// password hashes, login with rate limiting, and sessions held in a cookie.
//
// A session token is 32 random bytes, sent to the browser in an HttpOnly,
// SameSite=Lax cookie (Secure over HTTPS) and stored in the database only as
// its SHA-256, so a copy of the database opens no sessions. A session ends
// after IdleTimeout without a request, after MaxAge in any case, or at
// logout.
//
// Wiring in the web layer:
//
//	a := auth.New(st, auth.Options{SecureCookies: strings.HasPrefix(baseURL, "https:")})
//	// POST /admin/login
//	token, err := a.Login(ctx, email, password, ratelimit.ClientKey(r.RemoteAddr))
//	// errors.Is(err, auth.ErrBadCredentials) -> show the form again, 401
//	// errors.Is(err, auth.ErrRateLimited)    -> show the form with "try later", 429
//	a.SetCookie(w, r, token) // then redirect to /admin
//	// POST /admin/logout
//	a.Logout(w, r)
//	// pages
//	mux.Handle("GET /admin/signups", a.RequireRole(auth.RoleAdmin, signupsPage))
//	mux.Handle("GET /admin/articles", a.RequireRole(auth.RoleEditor, articlesPage))
//	// inside a page: u, _ := auth.UserFrom(r.Context())
//
// Handlers that return errors can call (*Auth).Check instead of RequireRole
// and map ErrNoSession (redirect to login / 401) and ErrForbidden (403).
// CSRF protection is the web layer's (http.CrossOriginProtection).
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"newshound/internal/ratelimit"
	"newshound/internal/store"
)

// Role is what an organiser may do. An admin may do everything; an editor
// works on articles and sources but not sign-ups.
type Role string

// Roles.
const (
	RoleAdmin  Role = "admin"
	RoleEditor Role = "editor"
)

// ParseRole accepts "admin" and "editor".
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleAdmin, RoleEditor:
		return r, nil
	}
	return "", fmt.Errorf("auth: unknown role %q; use admin or editor", s)
}

// Allows reports whether a user with role r may do what needs role need.
func (r Role) Allows(need Role) bool {
	return r == RoleAdmin || (r == RoleEditor && need == RoleEditor)
}

// SafeNext returns next if it is a path on this site, else fallback: the
// login form's return path must never send an organiser elsewhere.
func SafeNext(next, fallback string) string {
	// "//host" and "/\\host" are read by browsers as other sites.
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return fallback
	}
	return next
}

// Errors callers tell apart with errors.Is.
var (
	ErrBadCredentials = errors.New("auth: wrong email or password")
	ErrRateLimited    = errors.New("auth: too many failed logins; wait a few minutes and try again")
	ErrNoSession      = errors.New("auth: not logged in")
	ErrForbidden      = errors.New("auth: your role does not allow this")
)

// Options tune an Auth; zero values take the defaults.
type Options struct {
	IdleTimeout time.Duration // default 2h
	MaxAge      time.Duration // default 12h, however active the session
	CookieName  string        // default "newshound_session"
	CookiePath  string        // default "/admin"
	// SecureCookies marks the cookie Secure even on plain-HTTP requests, for
	// a site behind a TLS-terminating proxy. Requests over TLS always get it.
	SecureCookies bool
	LoginPath     string // where RequireRole sends anonymous GETs; default "/admin/login"

	// Failed logins allowed per email and per client within FailureWindow.
	FailuresPerEmail  int           // default 5
	FailuresPerClient int           // default 20
	FailureWindow     time.Duration // default 15m

	Logger *slog.Logger // default slog.Default()
}

// touchEvery limits session writes: last_seen_at moves at most this often.
const touchEvery = time.Minute

// Auth logs organisers in and recognises them on later requests. It is safe
// for concurrent use.
type Auth struct {
	st       *store.Store
	o        Options
	byEmail  *ratelimit.Limiter
	byClient *ratelimit.Limiter
	dummy    string // a hash to check against when the email is unknown
}

// New returns an Auth over st.
func New(st *store.Store, o Options) *Auth {
	def(&o.IdleTimeout, 2*time.Hour)
	def(&o.MaxAge, 12*time.Hour)
	def(&o.CookieName, "newshound_session")
	def(&o.CookiePath, "/admin")
	def(&o.LoginPath, "/admin/login")
	def(&o.FailuresPerEmail, 5)
	def(&o.FailuresPerClient, 20)
	def(&o.FailureWindow, 15*time.Minute)
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	dummy, _ := HashPassword("not a real password, only for equal timing")
	return &Auth{
		st:       st,
		o:        o,
		byEmail:  ratelimit.New(o.FailuresPerEmail, o.FailureWindow),
		byClient: ratelimit.New(o.FailuresPerClient, o.FailureWindow),
		dummy:    dummy,
	}
}

func def[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// CreateUser adds an organiser account. by is who did it, for the audit
// log: the zero User for the command line.
func (a *Auth) CreateUser(ctx context.Context, email, password string, role Role, by store.User) (store.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email || addr.Name != "" {
		return store.User{}, fmt.Errorf("auth: create user: %q is not an email address like name@example.org", email)
	}
	if _, err := ParseRole(string(role)); err != nil {
		return store.User{}, err
	}
	if err := CheckPasswordRules(password); err != nil {
		return store.User{}, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return store.User{}, err
	}
	u := store.User{Email: email, Role: string(role), PasswordHash: hash}
	if err := a.st.CreateUser(ctx, &u, by); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return store.User{}, fmt.Errorf("auth: create user: %s already has an account: %w", email, err)
		}
		return store.User{}, fmt.Errorf("auth: create user: %w", err)
	}
	return u, nil
}

// Login checks an organiser's email and password and opens a session,
// returning its token for SetCookie. client identifies the requester for
// the rate limit (ratelimit.ClientKey(r.RemoteAddr)). Unknown emails and
// wrong passwords get the same error after the same work, so the form does
// not reveal who has an account.
func (a *Auth) Login(ctx context.Context, email, password, client string) (string, error) {
	emailKey := strings.ToLower(strings.TrimSpace(email))
	if a.byClient.Blocked(client) || a.byEmail.Blocked(emailKey) {
		return "", ErrRateLimited
	}
	u, err := a.st.UserByEmail(ctx, emailKey)
	switch {
	case errors.Is(err, store.ErrNotFound):
		CheckPassword(a.dummy, password) // spend the same time as a real check
		err = ErrBadCredentials
	case err != nil:
		return "", fmt.Errorf("auth: login: %w", err)
	default:
		err = CheckPassword(u.PasswordHash, password)
	}
	if errors.Is(err, ErrBadCredentials) {
		a.byEmail.Add(emailKey)
		a.byClient.Add(client)
		return "", ErrBadCredentials
	}
	if err != nil {
		return "", fmt.Errorf("auth: login: %w", err)
	}
	a.byEmail.Reset(emailKey)

	token, hash := newToken()
	now := time.Now()
	if err := a.st.CreateSession(ctx, hash, u.ID, now); err != nil {
		return "", fmt.Errorf("auth: login: %w", err)
	}
	a.audit(ctx, u, "login", "logged in")
	// Sweep old sessions here rather than in a background goroutine: logins
	// are rare enough, and nothing is left running at shutdown.
	if _, err := a.st.DeleteExpiredSessions(ctx, now.Add(-a.o.IdleTimeout), now.Add(-a.o.MaxAge)); err != nil {
		a.o.Logger.WarnContext(ctx, "auth: sweep expired sessions", "err", err)
	}
	return token, nil
}

// newToken returns a fresh session token and the hash stored for it.
func newToken() (token, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails on supported platforms
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token)
}

// hashToken is how a token is known to the database.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// SetCookie sends the session cookie for token.
func (a *Auth) SetCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, a.cookie(r, token, int(a.o.MaxAge/time.Second)))
}

func (a *Auth) cookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name:     a.o.CookieName,
		Value:    value,
		Path:     a.o.CookiePath,
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   a.o.SecureCookies || r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	}
}

// Logout ends the request's session, if any, and clears the cookie.
func (a *Auth) Logout(w http.ResponseWriter, r *http.Request) error {
	http.SetCookie(w, a.cookie(r, "", -1))
	c, err := r.Cookie(a.o.CookieName)
	if err != nil || c.Value == "" {
		return nil
	}
	hash := hashToken(c.Value)
	_, u, err := a.st.SessionUser(r.Context(), hash)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("auth: logout: %w", err)
	}
	if err := a.st.DeleteSession(r.Context(), hash); err != nil {
		return fmt.Errorf("auth: logout: %w", err)
	}
	a.audit(r.Context(), u, "logout", "logged out")
	return nil
}

// UserFromRequest returns the organiser whose live session the request's
// cookie names, or ErrNoSession. An expired session is deleted on sight.
func (a *Auth) UserFromRequest(r *http.Request) (store.User, error) {
	c, err := r.Cookie(a.o.CookieName)
	if err != nil || c.Value == "" {
		return store.User{}, ErrNoSession
	}
	ctx := r.Context()
	hash := hashToken(c.Value)
	se, u, err := a.st.SessionUser(ctx, hash)
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, ErrNoSession
	}
	if err != nil {
		return store.User{}, fmt.Errorf("auth: session: %w", err)
	}
	now := time.Now()
	if now.Sub(se.LastSeenAt) >= a.o.IdleTimeout || now.Sub(se.CreatedAt) >= a.o.MaxAge {
		if err := a.st.DeleteSession(ctx, hash); err != nil {
			a.o.Logger.WarnContext(ctx, "auth: delete expired session", "err", err)
		}
		return store.User{}, ErrNoSession
	}
	if now.Sub(se.LastSeenAt) >= touchEvery {
		if err := a.st.TouchSession(ctx, hash, now); err != nil {
			return store.User{}, fmt.Errorf("auth: session: %w", err)
		}
	}
	return u, nil
}

// Check returns the request's organiser if their role allows need:
// ErrNoSession when nobody is logged in, ErrForbidden when the role falls
// short.
func (a *Auth) Check(r *http.Request, need Role) (store.User, error) {
	u, err := a.UserFromRequest(r)
	if err != nil {
		return store.User{}, err
	}
	if !Role(u.Role).Allows(need) {
		return u, ErrForbidden
	}
	return u, nil
}

// RequireRole serves next only to organisers whose role allows need, with
// the user in the request context (UserFrom). Anonymous GET and HEAD
// requests are sent to the login page with a return path; other anonymous
// requests get 401, and roles that fall short 403. Responses are marked
// no-store: pages behind a login must not sit in any cache.
func (a *Auth) RequireRole(need Role, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		u, err := a.Check(r, need)
		switch {
		case errors.Is(err, ErrNoSession) && (r.Method == http.MethodGet || r.Method == http.MethodHead):
			http.Redirect(w, r, a.o.LoginPath+"?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		case errors.Is(err, ErrNoSession):
			http.Error(w, "Please log in first.", http.StatusUnauthorized)
		case errors.Is(err, ErrForbidden):
			http.Error(w, "Your account is not allowed to do this.", http.StatusForbidden)
		case err != nil:
			a.o.Logger.ErrorContext(r.Context(), "auth: check session", "err", err)
			http.Error(w, "Something went wrong on our side; please try again.", http.StatusInternalServerError)
		default:
			next.ServeHTTP(w, r.WithContext(WithUser(r.Context(), u)))
		}
	})
}

type userKey struct{}

// WithUser returns ctx carrying the logged-in organiser.
func WithUser(ctx context.Context, u store.User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the organiser RequireRole put in ctx.
func UserFrom(ctx context.Context) (store.User, bool) {
	u, ok := ctx.Value(userKey{}).(store.User)
	return u, ok
}

// audit records an organiser's own action; failing to is logged, not fatal,
// since the action itself already happened.
func (a *Auth) audit(ctx context.Context, u store.User, action, detail string) {
	e := store.AuditEntry{UserID: u.ID, Actor: u.Email, Action: action, TargetType: "user", TargetID: u.ID, Detail: detail}
	if err := a.st.AddAudit(ctx, &e); err != nil {
		a.o.Logger.WarnContext(ctx, "auth: write audit entry", "action", action, "err", err)
	}
}
