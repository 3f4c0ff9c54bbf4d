package auth

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

const (
	adminEmail  = "Organiser@Example.net"
	adminPass   = "a long and secret passphrase"
	editorEmail = "editor@example.net"
	editorPass  = "another secret passphrase"
	client      = "ip4:198.51.100.20"
)

// setup returns an Auth over s with an admin and an editor.
func setup(t *testing.T, s *store.Store, o Options) *Auth {
	t.Helper()
	a := New(s, o)
	ctx := context.Background()
	if _, err := a.CreateUser(ctx, adminEmail, adminPass, RoleAdmin, store.User{}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateUser(ctx, editorEmail, editorPass, RoleEditor, store.User{}); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestCreateUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{})
		ctx := context.Background()
		tests := []struct {
			name, email, pw string
			role            Role
			wantErr         bool
		}{
			{"duplicate in other case", "ORGANISER@example.net", adminPass, RoleAdmin, true},
			{"not an email", "organiser", adminPass, RoleAdmin, true},
			{"display name", "Org <org@example.net>", adminPass, RoleAdmin, true},
			{"weak password", "new@example.net", "short", RoleAdmin, true},
			{"bad role", "new@example.net", adminPass, "owner", true},
			{"fine", "new@example.net", adminPass, RoleEditor, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := a.CreateUser(ctx, tt.email, tt.pw, tt.role, store.User{})
				if (err != nil) != tt.wantErr {
					t.Errorf("CreateUser = %v, want error %v", err, tt.wantErr)
				}
			})
		}
		u, err := s.UserByEmail(ctx, "organiser@example.net")
		if err != nil || u.Role != "admin" || u.Email != "organiser@example.net" {
			t.Fatalf("stored admin = %+v, %v", u, err)
		}
		if strings.Contains(u.PasswordHash, adminPass) || CheckPassword(u.PasswordHash, adminPass) != nil {
			t.Errorf("stored hash %q does not verify the password, or holds it", u.PasswordHash)
		}
	})
}

func TestLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{})
		ctx := context.Background()
		tests := []struct {
			name, email, pw string
			want            error
		}{
			{"right", adminEmail, adminPass, nil},
			{"email in another case, spaces", "  organiser@EXAMPLE.net ", adminPass, nil},
			{"wrong password", adminEmail, "a long and secret passphrasE", ErrBadCredentials},
			{"other user's password", adminEmail, editorPass, ErrBadCredentials},
			{"unknown email", "nobody@example.net", adminPass, ErrBadCredentials},
			{"empty", "", "", ErrBadCredentials},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tok, err := a.Login(ctx, tt.email, tt.pw, client)
				if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
					t.Fatalf("Login = %v, want %v", err, tt.want)
				}
				if (tok != "") != (tt.want == nil) {
					t.Errorf("token %q with error %v", tok, err)
				}
			})
		}
		log, _, err := s.AuditLog(ctx, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		logins := 0
		for _, e := range log {
			if e.Action == "login" {
				logins++
				if e.Actor != "organiser@example.net" {
					t.Errorf("login audited for %q", e.Actor)
				}
			}
		}
		if logins != 2 {
			t.Errorf("%d logins audited, want 2", logins)
		}
	})
}

func TestTokenStoredOnlyHashed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{})
		tok, err := a.Login(context.Background(), adminEmail, adminPass, client)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(raw) != 32 {
			t.Fatalf("token %q is not 32 bytes of base64url: %v", tok, err)
		}
		if where := dbContains(t, s, hashToken(tok)); where != "sessions" {
			t.Fatalf("the token's hash is in %q, want sessions; the scan would prove nothing", where)
		}
		for _, form := range []string{tok, hex.EncodeToString(raw), base64.StdEncoding.EncodeToString(raw), string(raw), adminPass} {
			if where := dbContains(t, s, form); where != "" {
				t.Errorf("a raw secret (%.12q…) is stored in %s", form, where)
			}
		}
	})
}

// dbContains returns the first table holding text in any column, or "".
func dbContains(t *testing.T, s *store.Store, text string) string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if s.Dialect() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`
	}
	var tables []string
	rows, err := s.DB().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	for _, table := range tables {
		rows, err := s.DB().QueryContext(ctx, `SELECT * FROM `+table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				var str string
				switch v := v.(type) {
				case string:
					str = v
				case []byte:
					str = string(v)
				}
				if str != "" && strings.Contains(str, text) {
					rows.Close()
					return table
				}
			}
		}
		rows.Close()
	}
	return ""
}

func TestLoginRateLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{})
		synctest.Test(t, func(t *testing.T) {
			ctx := context.Background()
			for i := range 5 {
				if _, err := a.Login(ctx, adminEmail, fmt.Sprintf("guess number %d", i), client); !errors.Is(err, ErrBadCredentials) {
					t.Fatalf("guess %d: %v, want ErrBadCredentials", i, err)
				}
			}
			// Even the right password is refused now, from anywhere.
			if _, err := a.Login(ctx, adminEmail, adminPass, "ip4:203.0.113.99"); !errors.Is(err, ErrRateLimited) {
				t.Fatalf("after 5 failures: %v, want ErrRateLimited", err)
			}
			// Another account is not locked.
			if _, err := a.Login(ctx, editorEmail, editorPass, client); err != nil {
				t.Fatalf("editor locked out by the admin's failures: %v", err)
			}
			time.Sleep(15 * time.Minute)
			if _, err := a.Login(ctx, adminEmail, adminPass, client); err != nil {
				t.Fatalf("after the window: %v, want a login", err)
			}

			// One client trying many emails is stopped too.
			sprayer := "ip6:2001:db8:bad::/64"
			for i := range 20 {
				if _, err := a.Login(ctx, fmt.Sprintf("user%d@example.net", i), "password123", sprayer); !errors.Is(err, ErrBadCredentials) {
					t.Fatalf("spray %d: %v", i, err)
				}
			}
			if _, err := a.Login(ctx, editorEmail, editorPass, sprayer); !errors.Is(err, ErrRateLimited) {
				t.Fatalf("client after 20 failures: %v, want ErrRateLimited", err)
			}
		})
	})
}

// request returns a GET carrying the session cookie for token.
func request(a *Auth, token string) *http.Request {
	r := httptest.NewRequest("GET", "/admin", nil)
	r.AddCookie(&http.Cookie{Name: a.o.CookieName, Value: token})
	return r
}

func TestSessionExpiry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{IdleTimeout: 2 * time.Hour, MaxAge: 12 * time.Hour})
		synctest.Test(t, func(t *testing.T) {
			ctx := context.Background()
			user := func(tok string) error {
				_, err := a.UserFromRequest(request(a, tok))
				return err
			}

			idle, err := a.Login(ctx, adminEmail, adminPass, client)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(2*time.Hour - time.Second)
			if err := user(idle); err != nil {
				t.Fatalf("just under the idle timeout: %v", err)
			}
			time.Sleep(2*time.Hour - time.Second) // the request above renewed it
			if err := user(idle); err != nil {
				t.Fatalf("activity did not renew the session: %v", err)
			}
			time.Sleep(2 * time.Hour)
			if err := user(idle); !errors.Is(err, ErrNoSession) {
				t.Fatalf("after 2h idle: %v, want ErrNoSession", err)
			}
			if where := dbContains(t, s, hashToken(idle)); where != "" {
				t.Errorf("expired session still stored in %s", where)
			}

			busy, err := a.Login(ctx, adminEmail, adminPass, client)
			if err != nil {
				t.Fatal(err)
			}
			for range 11 {
				time.Sleep(time.Hour)
				if err := user(busy); err != nil {
					t.Fatalf("active session ended early: %v", err)
				}
			}
			time.Sleep(time.Hour)
			if err := user(busy); !errors.Is(err, ErrNoSession) {
				t.Fatalf("after 12h however active: %v, want ErrNoSession", err)
			}
		})
	})
}

func TestUserFromRequestRefuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{})
		tok, err := a.Login(context.Background(), adminEmail, adminPass, client)
		if err != nil {
			t.Fatal(err)
		}
		for name, r := range map[string]*http.Request{
			"no cookie":     httptest.NewRequest("GET", "/admin", nil),
			"empty cookie":  request(a, ""),
			"made-up token": request(a, strings.Repeat("A", 43)),
			"hash as token": request(a, hashToken(tok)),
		} {
			if _, err := a.UserFromRequest(r); !errors.Is(err, ErrNoSession) {
				t.Errorf("%s: %v, want ErrNoSession", name, err)
			}
		}
		u, err := a.UserFromRequest(request(a, tok))
		if err != nil || u.Email != "organiser@example.net" {
			t.Errorf("real token: %+v, %v", u, err)
		}
	})
}

// server is a tiny admin site over a, on a real listener.
func server(t *testing.T, a *Auth) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/login", func(w http.ResponseWriter, r *http.Request) {
		tok, err := a.Login(r.Context(), r.FormValue("email"), r.FormValue("password"), "test")
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		a.SetCookie(w, r, tok)
		http.Redirect(w, r, SafeNext(r.FormValue("next"), "/admin"), http.StatusSeeOther)
	})
	mux.HandleFunc("POST /admin/logout", func(w http.ResponseWriter, r *http.Request) {
		if err := a.Logout(w, r); err != nil {
			http.Error(w, err.Error(), 500)
		}
	})
	page := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, ok := UserFrom(r.Context())
			if !ok {
				t.Errorf("%s: no user in context", name)
			}
			fmt.Fprintf(w, "%s for %s", name, u.Email)
		})
	}
	mux.Handle("/admin/signups", a.RequireRole(RoleAdmin, page("signups")))
	mux.Handle("/admin/articles", a.RequireRole(RoleEditor, page("articles")))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// browser is an HTTP client with cookies that does not follow redirects.
func browser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func TestRequireRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := setup(t, s, Options{})
		srv := server(t, a)
		anon, admin, editor := browser(t), browser(t), browser(t)
		login := func(c *http.Client, email, pw string) *http.Response {
			res, err := c.PostForm(srv.URL+"/admin/login", url.Values{"email": {email}, "password": {pw}, "next": {"//evil.example"}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res
		}
		res := login(admin, adminEmail, adminPass)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin" {
			t.Fatalf("admin login: %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		cookie := res.Header.Get("Set-Cookie")
		for _, attr := range []string{"newshound_session=", "Path=/admin", "HttpOnly", "SameSite=Lax", "Max-Age=43200"} {
			if !strings.Contains(cookie, attr) {
				t.Errorf("session cookie %q lacks %s", cookie, attr)
			}
		}
		if strings.Contains(cookie, "Secure") {
			t.Errorf("cookie over plain HTTP marked Secure without SecureCookies: %q", cookie)
		}
		login(editor, editorEmail, editorPass)

		tests := []struct {
			name     string
			c        *http.Client
			method   string
			path     string
			code     int
			location string
			body     string
		}{
			{"anonymous get signups", anon, "GET", "/admin/signups?status=new", 303, "/admin/login?next=%2Fadmin%2Fsignups%3Fstatus%3Dnew", ""},
			{"anonymous post signups", anon, "POST", "/admin/signups", 401, "", ""},
			{"anonymous get articles", anon, "GET", "/admin/articles", 303, "/admin/login?next=%2Fadmin%2Farticles", ""},
			{"editor get signups", editor, "GET", "/admin/signups", 403, "", ""},
			{"editor post signups", editor, "POST", "/admin/signups", 403, "", ""},
			{"editor get articles", editor, "GET", "/admin/articles", 200, "", "articles for editor@example.net"},
			{"admin get signups", admin, "GET", "/admin/signups", 200, "", "signups for organiser@example.net"},
			{"admin get articles", admin, "GET", "/admin/articles", 200, "", "articles for organiser@example.net"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
				res, err := tt.c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != tt.code || res.Header.Get("Location") != tt.location {
					t.Errorf("%s %s = %d to %q, want %d to %q", tt.method, tt.path, res.StatusCode, res.Header.Get("Location"), tt.code, tt.location)
				}
				if tt.body != "" && string(body) != tt.body {
					t.Errorf("body %q, want %q", body, tt.body)
				}
				if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
					t.Errorf("Cache-Control %q, want no-store", cc)
				}
			})
		}

		res, err := admin.Post(srv.URL+"/admin/logout", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if c := res.Header.Get("Set-Cookie"); !strings.Contains(c, "Max-Age=0") {
			t.Errorf("logout cookie %q does not clear the session", c)
		}
		res, err = admin.Get(srv.URL + "/admin/signups")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("after logout: %d, want 303 to login", res.StatusCode)
		}
		var n int
		s.DB().QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n)
		if n != 1 {
			t.Errorf("%d sessions stored after the admin logged out, want 1 (the editor's)", n)
		}
	})
}

func TestSecureCookie(t *testing.T) {
	s := storetest.SQLite(t)
	for _, tt := range []struct {
		name   string
		opt    bool
		tls    bool
		secure bool
	}{{"plain", false, false, false}, {"forced behind proxy", true, false, true}, {"over tls", false, true, true}} {
		t.Run(tt.name, func(t *testing.T) {
			a := New(s, Options{SecureCookies: tt.opt})
			r := httptest.NewRequest("POST", "/admin/login", nil)
			if tt.tls {
				r = httptest.NewRequest("POST", "https://news.example/admin/login", nil)
			}
			w := httptest.NewRecorder()
			a.SetCookie(w, r, "tok")
			if got := strings.Contains(w.Header().Get("Set-Cookie"), "; Secure"); got != tt.secure {
				t.Errorf("Set-Cookie %q: Secure %v, want %v", w.Header().Get("Set-Cookie"), got, tt.secure)
			}
		})
	}
}
