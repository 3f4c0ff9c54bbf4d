package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/demo"
	"newshound/internal/httpsec"
	"newshound/internal/news"
	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// joinSite serves the demo site with a join form behind the site's security
// middleware, on a real HTTP server. The desk's minimum fill-in time is
// 1ms so tests need not wait; rateLimit 0 keeps the default; edit changes
// the site's Config.
func joinSite(t *testing.T, s *store.Store, minDelay time.Duration, rateLimit int, edit ...func(*Config)) *httptest.Server {
	t.Helper()
	desk, err := signup.New(signup.Config{Form: signup.DefaultForm(), Store: s, MinDelay: minDelay, RateLimit: rateLimit,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: s, SiteName: "Join Hound", Join: desk}
	for _, f := range edit {
		f(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(httpsec.Handler(srv.Handler(), httpsec.Options{}))
	t.Cleanup(ts.Close)
	return ts
}

var tokenRE = regexp.MustCompile(`name="form_token" value="([^"]+)"`)

// formToken loads path and returns the form token it was served with.
func formToken(t *testing.T, ts *httptest.Server, path string) string {
	t.Helper()
	code, _, body := get(t, ts, path)
	m := tokenRE.FindStringSubmatch(body)
	if code != http.StatusOK || m == nil {
		t.Fatalf("GET %s: status %d, no form token in the page", path, code)
	}
	return m[1]
}

// post sends form to /join without following redirects.
func post(t *testing.T, ts *httptest.Server, form url.Values, header ...string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest("POST", ts.URL+"/join", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	c := *ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

func goodForm(token string) url.Values {
	return url.Values{
		"name": {"Zoë Ñúñez-Ōkubo"}, "email": {"Zoe@Example.org"}, "phone": {"+44 20 7946 0000"},
		"city": {"Leeds"}, "country": {"UK"}, "message": {"Count me in."}, "consent": {"on"},
		"form_token": {token}, "website": {""},
	}
}

func TestJoinSubmit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ts := joinSite(t, s, time.Millisecond, 0)
		seedArticle := func() news.Article {
			arts, _, err := s.Articles(ctx, store.ArticleFilter{Limit: 1})
			if err != nil || len(arts) == 0 {
				t.Fatalf("no demo article: %v", err)
			}
			return arts[0]
		}
		seedDemo(t, s)
		art := seedArticle()
		if err := s.AddDisposableDomain(ctx, "throwaway.example", store.User{}); err != nil {
			t.Fatal(err)
		}

		type want struct {
			status   int
			location string
			people   int      // sign-ups stored afterwards, in total
			body     []string // substrings of the response body
			blocked  string   // reason counted, if any
		}
		tests := []struct {
			name   string
			from   string // page the token is taken from
			edit   func(url.Values)
			header []string
			want   want
		}{
			{name: "valid from /join", from: "/join", edit: func(url.Values) {},
				want: want{status: 303, location: "/join/thanks", people: 1}},
			{name: "again from an article merges", from: "/a/" + art.Slug,
				edit: func(v url.Values) {
					v.Set("article", strconv.FormatInt(art.ID, 10))
					v.Set("email", " zoe@example.ORG ")
				},
				want: want{status: 303, location: "/join/thanks", people: 1}},
			{name: "errors keep what was typed", from: "/join",
				edit: func(v url.Values) {
					v.Set("email", "zoe@@nowhere")
					v.Set("name", "")
					v.Del("consent")
					v.Set("city", "Zürich <b>")
				},
				want: want{status: 422, people: 1, body: []string{
					`value="zoe@@nowhere"`, `value="Zürich &lt;b&gt;"`, `value="&#43;44 20 7946 0000"`, `>Count me in.</textarea>`,
					`id="join-email" name="email"`, `aria-describedby="join-email-error" aria-invalid="true"`,
					`id="join-name-error"`, `id="join-consent-error"`, "the 3 fields marked below",
				}}},
			{name: "honeypot", from: "/join", edit: func(v url.Values) { v.Set("website", "http://spam.example") },
				want: want{status: 303, location: "/join/thanks", people: 1, blocked: "honeypot"}},
			{name: "no token", from: "/join", edit: func(v url.Values) { v.Del("form_token"); v.Set("email", "new1@example.org") },
				want: want{status: 303, location: "/join/thanks", people: 1, blocked: "no_token"}},
			{name: "disposable domain", from: "/join", edit: func(v url.Values) { v.Set("email", "x@mail.throwaway.example") },
				want: want{status: 303, location: "/join/thanks", people: 1, blocked: "disposable"}},
			{name: "forged token asks to send again", from: "/join",
				edit: func(v url.Values) { v.Set("form_token", strings.Repeat("A", 32)); v.Set("name", "Ada") },
				want: want{status: 422, people: 1, body: []string{"send it again", `value="Ada"`}}},
			{name: "cross-site post refused", from: "/join", edit: func(v url.Values) { v.Set("email", "new2@example.org") },
				header: []string{"Sec-Fetch-Site", "cross-site"},
				want:   want{status: 403, people: 1}},
			{name: "second person", from: "/join", edit: func(v url.Values) { v.Set("email", "ada@example.org"); v.Set("name", "Ada") },
				want: want{status: 303, location: "/join/thanks", people: 2}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := blockedCounts(t, s)
				form := goodForm(formToken(t, ts, tt.from))
				tt.edit(form)
				time.Sleep(2 * time.Millisecond) // the 1ms minimum fill-in time
				code, loc, body := post(t, ts, form, tt.header...)
				if code != tt.want.status || loc != tt.want.location {
					t.Errorf("got %d to %q, want %d to %q", code, loc, tt.want.status, tt.want.location)
				}
				for _, sub := range tt.want.body {
					if !strings.Contains(body, sub) {
						t.Errorf("body lacks %q", sub)
					}
				}
				if _, n, err := s.Signups(ctx, store.SignupFilter{}); err != nil || n != tt.want.people {
					t.Errorf("%d people stored (%v), want %d", n, err, tt.want.people)
				}
				after := blockedCounts(t, s)
				for reason, n := range after {
					want := before[reason]
					if reason == tt.want.blocked {
						want++
					}
					if n != want {
						t.Errorf("blocked %s: %d, want %d", reason, n, want)
					}
				}
				if tt.want.blocked != "" && after[tt.want.blocked] == 0 {
					t.Errorf("blocked %s not counted", tt.want.blocked)
				}
			})
		}

		// The merged person has both sign-ups, one from the article.
		people, _, err := s.Signups(ctx, store.SignupFilter{Query: "zoe@example.org"})
		if err != nil || len(people) != 1 {
			t.Fatalf("zoe: %v, %d people", err, len(people))
		}
		var from []int64
		for _, e := range people[0].Events {
			from = append(from, e.ArticleID)
		}
		if diff := cmp.Diff([]int64{0, art.ID}, from); diff != "" {
			t.Errorf("articles signed up from (-want +got):\n%s", diff)
		}
		if people[0].Name != "Zoë Ñúñez-Ōkubo" || people[0].Email != "zoe@example.org" {
			t.Errorf("stored %q <%s>", people[0].Name, people[0].Email)
		}
	})
}

func TestJoinTooFastAndRateLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		t.Run("too fast", func(t *testing.T) {
			ts := joinSite(t, s, time.Hour, 0)
			code, loc, _ := post(t, ts, goodForm(formToken(t, ts, "/join")))
			if code != 303 || loc != "/join/thanks" {
				t.Errorf("got %d to %q, want the normal thank-you redirect", code, loc)
			}
			if n := blockedCounts(t, s)["too_fast"]; n != 1 {
				t.Errorf("too_fast counted %d times, want 1", n)
			}
		})
		t.Run("rate limited", func(t *testing.T) {
			ts := joinSite(t, s, time.Millisecond, 2)
			for i := range 3 {
				form := goodForm(formToken(t, ts, "/join"))
				form.Set("email", "person"+strconv.Itoa(i)+"@example.org")
				time.Sleep(2 * time.Millisecond)
				if code, _, _ := post(t, ts, form); code != 303 {
					t.Errorf("post %d: status %d", i, code)
				}
			}
			if _, n, _ := s.Signups(context.Background(), store.SignupFilter{}); n != 2 {
				t.Errorf("%d people stored, want 2 (the third post was over the limit)", n)
			}
			if n := blockedCounts(t, s)["rate_limited"]; n != 1 {
				t.Errorf("rate_limited counted %d times, want 1", n)
			}
		})
	})
}

// TestJoinRateLimitBehindProxy checks that behind a trusted proxy the
// per-visitor limit goes by the address the proxy passes on: every post
// here comes from the one peer address, 127.0.0.1.
func TestJoinRateLimitBehindProxy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts := joinSite(t, s, time.Millisecond, 1, func(c *Config) { c.ClientIPHeader = "X-Forwarded-For" })
		for i, from := range []string{"198.51.100.1", "203.0.113.9", "198.51.100.1"} {
			form := goodForm(formToken(t, ts, "/join"))
			form.Set("email", "person"+strconv.Itoa(i)+"@example.org")
			time.Sleep(2 * time.Millisecond)
			if code, _, _ := post(t, ts, form, "X-Forwarded-For", "192.0.2.66, "+from); code != 303 {
				t.Errorf("post %d: status %d", i, code)
			}
		}
		if _, n, _ := s.Signups(context.Background(), store.SignupFilter{}); n != 2 {
			t.Errorf("%d people stored, want 2 (one per visitor; the second post from 198.51.100.1 was over the limit)", n)
		}
		if n := blockedCounts(t, s)["rate_limited"]; n != 1 {
			t.Errorf("rate_limited counted %d times, want 1", n)
		}
	})
}

func TestJoinPages(t *testing.T) {
	s := storetest.SQLite(t)
	seedDemo(t, s)
	ts := joinSite(t, s, time.Millisecond, 0)
	arts, _, err := s.Articles(context.Background(), store.ArticleFilter{Limit: 1})
	if err != nil || len(arts) == 0 {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want []string
	}{
		{"/join", []string{`<h1 id="join-heading">Join the fight</h1>`, `action="/join" method="post"`, `name="website"`, `href="/join">Join</a>`}},
		{"/a/" + arts[0].Slug, []string{`<h2 id="join-heading">Join the fight</h2>`, `name="article" value="` + strconv.FormatInt(arts[0].ID, 10) + `"`}},
		{"/join/thanks", []string{"Thank you! We&#39;ll be in touch soon."}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, h, body := get(t, ts, tt.path)
			if code != 200 {
				t.Fatalf("status %d", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q", csp)
			}
		})
	}
	t.Run("oversized post", func(t *testing.T) {
		form := goodForm(formToken(t, ts, "/join"))
		form.Set("message", strings.Repeat("x", maxJoinBody))
		if code, _, _ := post(t, ts, form); code != http.StatusBadRequest {
			t.Errorf("status %d, want 400", code)
		}
	})
	t.Run("no desk, no form", func(t *testing.T) {
		srv, err := New(Config{Store: s})
		if err != nil {
			t.Fatal(err)
		}
		plain := httptest.NewServer(srv.Handler())
		defer plain.Close()
		if code, _, _ := get(t, plain, "/join"); code != 404 {
			t.Errorf("/join without a desk: %d", code)
		}
		if _, _, body := get(t, plain, "/a/"+arts[0].Slug); strings.Contains(body, "join-form") {
			t.Error("article shows a join form although the site takes no sign-ups")
		}
	})
}

// blockedCounts returns today's blocked submissions by reason.
func blockedCounts(t *testing.T, s *store.Store) map[string]int64 {
	t.Helper()
	now := time.Now()
	day := now.Year()*10000 + int(now.Month())*100 + now.Day()
	counts, err := s.BlockedSignups(context.Background(), day-1, day+1)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, c := range counts {
		out[c.Reason] += c.Count
	}
	return out
}

// seedDemo fills s with the demo site's sources and articles.
func seedDemo(t *testing.T, s *store.Store) {
	t.Helper()
	if _, err := demo.Seed(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

// TestJoinDatabaseDown: when the database fails, the person gets their form
// back, filled in, with an apology and a 503, and nothing is half-stored.
func TestJoinDatabaseDown(t *testing.T) {
	s := storetest.SQLite(t)
	ts := joinSite(t, s, time.Millisecond, 0)
	form := goodForm(formToken(t, ts, "/join"))
	time.Sleep(2 * time.Millisecond)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	code, _, body := post(t, ts, form)
	if code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", code)
	}
	for _, want := range []string{"could not save your details", `value="Zoë Ñúñez-Ōkubo"`, `value="Zoe@Example.org"`, ">Count me in.</textarea>", " checked"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
