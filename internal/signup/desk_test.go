package signup

import (
	"context"
	"net/url"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// post is a join-form body as a browser sends it.
func post(token string, edit func(url.Values)) url.Values {
	v := url.Values{
		"name": {"Ana Souza"}, "email": {"ana@example.org"}, "phone": {""}, "city": {"Recife"},
		"country": {""}, "message": {"Hello"}, "consent": {"yes"}, TokenField: {token}, HoneypotField: {""},
	}
	if edit != nil {
		edit(v)
	}
	return v
}

func newDesk(t *testing.T, s *store.Store, limit int) *Desk {
	t.Helper()
	d, err := New(Config{Form: DefaultForm(), Store: s, RateLimit: limit})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func today() int {
	n := time.Now()
	return n.Year()*10000 + int(n.Month())*100 + n.Day()
}

func TestDeskSubmit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		src := news.Source{Name: "Harbour Gazette"}
		if err := s.CreateSource(ctx, &src); err != nil {
			t.Fatal(err)
		}
		art := news.Article{SourceID: src.ID, Title: "Rents rise again", PublishedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
		if err := s.CreateArticle(ctx, &art); err != nil {
			t.Fatal(err)
		}
		synctest.Test(t, func(t *testing.T) {
			d := newDesk(t, s, 100)
			tok := d.Token()
			time.Sleep(5 * time.Second)

			res, err := d.Submit(ctx, Request{Client: "ip4:198.51.100.1", Form: post(tok, nil), ArticleID: art.ID})
			if err != nil || res.Errors != nil || res.Blocked != "" || res.SignupID == 0 || res.Merged {
				t.Fatalf("first sign-up: %+v, %v", res, err)
			}
			again, err := d.Submit(ctx, Request{Client: "ip4:198.51.100.1", Form: post(tok, func(v url.Values) {
				v.Set("email", "ANA@example.org")
				v.Set("phone", "+55 81 5555 0100")
			})})
			if err != nil || !again.Merged || again.SignupID != res.SignupID {
				t.Fatalf("second sign-up: %+v, %v; want merged into %d", again, err, res.SignupID)
			}
			p, err := s.Signup(ctx, res.SignupID)
			if err != nil {
				t.Fatal(err)
			}
			if p.Email != "ana@example.org" || p.Phone != "+55 81 5555 0100" || p.City != "Recife" || len(p.Events) != 2 ||
				p.Events[0].ArticleID != art.ID || p.Events[1].ArticleID != 0 || p.Events[0].Consent != DefaultForm().Consent {
				t.Errorf("stored person = %+v", p)
			}
		})
	})
}

func TestDeskKeepsTypedValuesOnError(t *testing.T) {
	s := storetest.SQLite(t)
	synctest.Test(t, func(t *testing.T) {
		d := newDesk(t, s, 100)
		tok := d.Token()
		time.Sleep(10 * time.Second)
		form := post(tok, func(v url.Values) {
			v.Set("name", "  Zoë  ")
			v.Set("email", "zoe at example")
			v.Set("message", "Line one\r\nLine two")
			v.Del("consent")
		})
		res, err := d.Submit(context.Background(), Request{Client: "c", Form: form})
		if err != nil {
			t.Fatal(err)
		}
		want := Values{Name: "  Zoë  ", Email: "zoe at example", City: "Recife", Message: "Line one\r\nLine two"}
		if diff := cmp.Diff(want, res.Values); diff != "" {
			t.Errorf("values for re-display (-want +got):\n%s", diff)
		}
		if res.Errors[FieldEmail] == "" || res.Errors[FieldConsent] == "" || len(res.Errors) != 2 {
			t.Errorf("errors = %v, want email and consent", res.Errors)
		}
		if n, _ := s.CountSignups(context.Background()); n != 0 {
			t.Errorf("%d sign-ups stored from an invalid form", n)
		}
	})
}

func TestDeskBlocksBots(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		synctest.Test(t, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, s, 3)
			tok := d.Token()
			fresh := d.Token() // served just before the fast bot posts
			time.Sleep(30 * time.Second)
			fast := d.Token()
			time.Sleep(time.Second)

			tests := []struct {
				name   string
				client string
				form   url.Values
				want   Reason
			}{
				{"honeypot", "a", post(tok, func(v url.Values) { v.Set(HoneypotField, "https://spam.example") }), ReasonHoneypot},
				{"no token", "a", post("", nil), ReasonNoToken},
				{"too fast", "a", post(fast, nil), ReasonTooFast},
				{"disposable", "b", post(fresh, func(v url.Values) { v.Set("email", "x@mailinator.com") }), ReasonDisposable},
				{"disposable subdomain", "b", post(tok, func(v url.Values) { v.Set("email", "x@eu.YOPMAIL.com") }), ReasonDisposable},
				{"lookalike is fine", "b", post(tok, func(v url.Values) { v.Set("email", "x@notmailinator.com") }), ""},
				{"rate limit", "b", post(tok, func(v url.Values) { v.Set("email", "y@example.org") }), ReasonRateLimited},
				{"another visitor", "c", post(tok, func(v url.Values) { v.Set("email", "z@example.org") }), ""},
			}
			for _, tt := range tests {
				res, err := d.Submit(ctx, Request{Client: tt.client, Form: tt.form})
				if err != nil {
					t.Fatalf("%s: %v", tt.name, err)
				}
				if res.Blocked != tt.want || res.Errors != nil {
					t.Errorf("%s: blocked %q errors %v, want blocked %q", tt.name, res.Blocked, res.Errors, tt.want)
				}
				if (res.SignupID != 0) != (tt.want == "") {
					t.Errorf("%s: stored as %d", tt.name, res.SignupID)
				}
			}
			people, total, err := s.Signups(ctx, store.SignupFilter{})
			if err != nil || total != 2 {
				t.Fatalf("stored %d people (%v), want only the 2 who were not blocked", total, err)
			}
			for _, p := range people {
				if p.Email != "x@notmailinator.com" && p.Email != "z@example.org" {
					t.Errorf("blocked submission stored: %s", p.Email)
				}
			}
			counts, err := s.BlockedSignups(ctx, today(), today())
			if err != nil {
				t.Fatal(err)
			}
			want := []store.BlockedCount{
				{Day: today(), Reason: "disposable", Count: 2}, {Day: today(), Reason: "honeypot", Count: 1}, {Day: today(), Reason: "no_token", Count: 1},
				{Day: today(), Reason: "rate_limited", Count: 1}, {Day: today(), Reason: "too_fast", Count: 1},
			}
			if diff := cmp.Diff(want, counts); diff != "" {
				t.Errorf("blocked counts (-want +got):\n%s", diff)
			}
		})
	})
}

func TestDeskExpiredFormComesBack(t *testing.T) {
	s := storetest.SQLite(t)
	synctest.Test(t, func(t *testing.T) {
		d := newDesk(t, s, 100)
		tok := d.Token()
		time.Sleep(DefaultMaxAge + time.Minute)
		res, err := d.Submit(context.Background(), Request{Client: "a", Form: post(tok, nil)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Errors[FieldForm] == "" || res.Blocked != "" || res.Values.Name != "Ana Souza" {
			t.Errorf("expired form: %+v; want it back with its values and a form-level message", res)
		}
		// After a restart the key differs: the form comes back too.
		other := newDesk(t, s, 100)
		res, _ = other.Submit(context.Background(), Request{Client: "a", Form: post(d.Token(), nil)})
		if res.Errors[FieldForm] == "" {
			t.Errorf("token from another key: %+v, want the form back", res)
		}
		if n, _ := s.CountSignups(context.Background()); n != 0 {
			t.Errorf("%d stored", n)
		}
	})
}

func TestDeskDatabaseDown(t *testing.T) {
	s := storetest.SQLite(t)
	synctest.Test(t, func(t *testing.T) {
		d := newDesk(t, s, 100)
		tok := d.Token()
		time.Sleep(10 * time.Second)
		s.Close()
		res, err := d.Submit(context.Background(), Request{Client: "a", Form: post(tok, nil)})
		if err == nil {
			t.Fatal("Submit with the database closed succeeded")
		}
		if res.Values.Email != "ana@example.org" || res.SignupID != 0 {
			t.Errorf("values not kept for an apology page: %+v", res.Values)
		}
	})
}

func TestNewChecksConfig(t *testing.T) {
	s := storetest.SQLite(t)
	bad := DefaultForm()
	bad.Consent = ""
	for name, c := range map[string]Config{
		"bad form":  {Form: bad, Store: s},
		"no store":  {Form: DefaultForm()},
		"short key": {Form: DefaultForm(), Store: s, Key: []byte("short")},
	} {
		if _, err := New(c); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
}
