package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

const consent = "I agree to be contacted."

func person(email, name string) news.Signup {
	return news.Signup{Email: email, Name: name, Status: news.SignupNew}
}

func TestAddSignupMergesByEmail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		art := f.article(f.src1, 1, "Rents rise again")
		if err := s.CreateArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
		first := time.Date(2026, 3, 1, 10, 0, 0, 123456789, time.UTC)
		second := first.Add(36 * time.Hour)

		p := person("Ana@Example.org", "Ana")
		p.Phone, p.City, p.Message = "+55 11 5555 0100", "São Paulo", "first note"
		id1, merged, err := s.AddSignup(ctx, p, news.SignupEvent{At: first, ArticleID: art.ID, Consent: "old wording", Message: "first note"})
		if err != nil || merged {
			t.Fatalf("first AddSignup = %d, merged %v, %v", id1, merged, err)
		}
		q := person("ana@example.org", "Ana Souza")
		q.Country = "Brasil" // phone and city left empty: the old ones stay
		id2, merged, err := s.AddSignup(ctx, q, news.SignupEvent{At: second, Consent: consent})
		if err != nil || !merged || id2 != id1 {
			t.Fatalf("second AddSignup = %d, merged %v, %v; want %d merged", id2, merged, err, id1)
		}
		got, err := s.Signup(ctx, id1)
		if err != nil {
			t.Fatal(err)
		}
		want := news.Signup{
			ID: id1, Email: "ana@example.org", Name: "Ana Souza", Phone: "+55 11 5555 0100",
			City: "São Paulo", Country: "Brasil", Message: "first note", Status: news.SignupNew,
			CreatedAt: first.Truncate(time.Microsecond), UpdatedAt: second.Truncate(time.Microsecond),
			Events: []news.SignupEvent{
				{At: first.Truncate(time.Microsecond), ArticleID: art.ID, Consent: "old wording", Message: "first note"},
				{At: second.Truncate(time.Microsecond), Consent: consent},
			},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("merged person (-want +got):\n%s", diff)
		}
		if n, _ := s.CountSignups(ctx); n != 1 {
			t.Errorf("CountSignups = %d, want 1 person", n)
		}
	})
}

func TestAddSignupConcurrentSameEmail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const n = 8
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				_, _, err := s.AddSignup(ctx, person("same@example.org", fmt.Sprintf("Person %d", i)), news.SignupEvent{Consent: consent})
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent AddSignup: %v", err)
			}
		}
		people, total, err := s.Signups(ctx, store.SignupFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || len(people) != 1 || len(people[0].Events) != n {
			t.Fatalf("got %d people (total %d), events %d; want 1 person with %d events", len(people), total, len(people[0].Events), n)
		}
	})
}

func TestAddSignupRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, tt := range []struct {
			name string
			p    news.Signup
			ev   news.SignupEvent
		}{
			{"no email", person("", "Ana"), news.SignupEvent{Consent: consent}},
			{"no name", person("a@example.org", " "), news.SignupEvent{Consent: consent}},
			{"no consent", person("a@example.org", "Ana"), news.SignupEvent{}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if _, _, err := s.AddSignup(ctx, tt.p, tt.ev); !errors.Is(err, store.ErrInvalid) {
					t.Errorf("err = %v, want ErrInvalid", err)
				}
			})
		}
		// An article that does not exist is stored as none rather than
		// losing the sign-up.
		id, _, err := s.AddSignup(ctx, person("b@example.org", "Bo"), news.SignupEvent{ArticleID: 99999, Consent: consent})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Signup(ctx, id)
		if err != nil || got.Events[0].ArticleID != 0 {
			t.Fatalf("event article = %d, %v; want 0", got.Events[0].ArticleID, err)
		}
		if n, _ := s.CountSignups(ctx); n != 1 {
			t.Errorf("CountSignups = %d after refused inputs, want 1", n)
		}
	})
}

func TestSignupsSearchFilterPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		base := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
		people := []news.Signup{
			{Email: "zoe@example.org", Name: "ZOË Ørsted", City: "Århus", Country: "Danmark"},
			{Email: "li@example.cn", Name: "李小龙", City: "香港"},
			{Email: "sam_100%@example.org", Name: "Sam Percent", City: "Leeds"},
			{Email: "sam@example.org", Name: "Sam Other", City: "Leeds"},
		}
		ids := map[string]int64{}
		for i, p := range people {
			id, _, err := s.AddSignup(ctx, p, news.SignupEvent{At: base.Add(time.Duration(i) * time.Hour), Consent: consent})
			if err != nil {
				t.Fatal(err)
			}
			ids[p.Email] = id
		}
		if err := s.SetSignupStatus(ctx, ids["sam@example.org"], news.SignupContacted, "rang on Monday", store.User{}); err != nil {
			t.Fatal(err)
		}
		emails := func(ps []news.Signup) []string {
			var out []string
			for _, p := range ps {
				out = append(out, p.Email)
			}
			return out
		}
		tests := []struct {
			name  string
			f     store.SignupFilter
			want  []string
			total int
		}{
			{"all newest first", store.SignupFilter{}, []string{"sam@example.org", "sam_100%@example.org", "li@example.cn", "zoe@example.org"}, 4},
			{"unicode case-insensitive name", store.SignupFilter{Query: "zoë ø"}, []string{"zoe@example.org"}, 1},
			{"unicode city", store.SignupFilter{Query: "århus"}, []string{"zoe@example.org"}, 1},
			{"upper-case unicode query", store.SignupFilter{Query: "ÅRHUS"}, []string{"zoe@example.org"}, 1},
			{"chinese", store.SignupFilter{Query: "小龙"}, []string{"li@example.cn"}, 1},
			{"email", store.SignupFilter{Query: "EXAMPLE.CN"}, []string{"li@example.cn"}, 1},
			{"percent is literal", store.SignupFilter{Query: "100%"}, []string{"sam_100%@example.org"}, 1},
			{"underscore is literal", store.SignupFilter{Query: "sam_"}, []string{"sam_100%@example.org"}, 1},
			{"status contacted", store.SignupFilter{Status: news.SignupContacted}, []string{"sam@example.org"}, 1},
			{"status new and query", store.SignupFilter{Status: news.SignupNew, Query: "leeds"}, []string{"sam_100%@example.org"}, 1},
			{"page 2", store.SignupFilter{Limit: 3, Offset: 3}, []string{"zoe@example.org"}, 4},
			{"no match", store.SignupFilter{Query: "nobody"}, nil, 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, total, err := s.Signups(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, emails(got)); diff != "" || total != tt.total {
					t.Errorf("total %d (want %d); emails (-want +got):\n%s", total, tt.total, diff)
				}
			})
		}
		sam, err := s.Signup(ctx, ids["sam@example.org"])
		if err != nil || sam.Status != news.SignupContacted || sam.Note != "rang on Monday" {
			t.Errorf("after SetSignupStatus: status %q note %q err %v", sam.Status, sam.Note, err)
		}
		if err := s.SetSignupStatus(ctx, ids["sam@example.org"], "phoned", "", store.User{}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("unknown status: err = %v, want ErrInvalid", err)
		}
		if err := s.SetSignupStatus(ctx, 424242, news.SignupContacted, "", store.User{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing sign-up: err = %v, want ErrNotFound", err)
		}
	})
}

func TestDeleteSignupIsTotal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		admin := store.User{Email: "organiser@example.net", Role: "admin", PasswordHash: "x"}
		if err := s.CreateUser(ctx, &admin, store.User{}); err != nil {
			t.Fatal(err)
		}
		p := person("Private.Person@example.org", "Private Person")
		p.Phone, p.City, p.Message = "+44 20 7946 0958", "Secretville", "a private message"
		id, _, err := s.AddSignup(ctx, p, news.SignupEvent{Consent: consent, Message: "a private message"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AddSignup(ctx, p, news.SignupEvent{Consent: consent}); err != nil {
			t.Fatal(err)
		}
		keep, _, err := s.AddSignup(ctx, person("other@example.org", "Other"), news.SignupEvent{Consent: consent})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSignup(ctx, id, admin); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Signup(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Signup after delete: err = %v, want ErrNotFound", err)
		}
		if err := s.DeleteSignup(ctx, id, admin); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: err = %v, want ErrNotFound", err)
		}
		if _, err := s.Signup(ctx, keep); err != nil {
			t.Errorf("another person went too: %v", err)
		}
		// Nothing of theirs is left anywhere in the database, while the
		// same scan does find the person who stays.
		if findInDB(t, s, "other@example.org") == "" {
			t.Fatal("the scan cannot find a sign-up that is there; it would prove nothing")
		}
		// The phone is looked for by its last eight digits, spaced as given
		// and run together: four digits alone also turn up by chance in the
		// microseconds of timestamps stored as text (schema_migrations).
		for _, secret := range []string{"private.person", "Private Person", "7946 0958", "79460958", "Secretville", "a private message"} {
			if where := findInDB(t, s, secret); where != "" {
				t.Errorf("%q still in the database, in %s", secret, where)
			}
		}
		var events int
		if err := s.DB().QueryRowContext(ctx, s.Rebind(`SELECT COUNT(*) FROM signup_events WHERE signup_id = ?`), id).Scan(&events); err != nil || events != 0 {
			t.Errorf("%d events left (err %v), want 0", events, err)
		}
		log, _, err := s.AuditLog(ctx, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("deleted sign-up #%d", id)
		if len(log) == 0 || log[0].Detail != want || log[0].Action != store.ActionSignupDelete ||
			log[0].UserID != admin.ID || log[0].Actor != admin.Email || log[0].TargetID != id || log[0].TargetType != "signup" {
			t.Errorf("latest audit entry = %+v, want %q by %s", log[0], want, admin.Email)
		}
	})
}

// findInDB looks for text in every text column of every table and returns
// "table" where it was found, or "".
func findInDB(t *testing.T, s *store.Store, text string) string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if s.Dialect() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`
	}
	rows, err := s.DB().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	if len(tables) < 5 {
		t.Fatalf("found only tables %v; the scan would prove nothing", tables)
	}
	needle := strings.ToLower(text)
	for _, table := range tables {
		rows, err := s.DB().QueryContext(ctx, `SELECT * FROM `+table)
		if err != nil {
			t.Fatalf("scan %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
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
				default:
					continue
				}
				if strings.Contains(strings.ToLower(str), needle) {
					rows.Close()
					return table
				}
			}
		}
		rows.Close()
	}
	return ""
}

func TestAllSignupsForExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, e := range []string{"c@example.org", "a@example.org", "b@example.org", "a@example.org"} {
			if _, _, err := s.AddSignup(ctx, person(e, "Name of "+e), news.SignupEvent{Consent: consent}); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.AllSignups(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range all {
			got = append(got, fmt.Sprintf("%s:%d", p.Email, len(p.Events)))
		}
		if diff := cmp.Diff([]string{"c@example.org:1", "a@example.org:2", "b@example.org:1"}, got); diff != "" {
			t.Errorf("AllSignups by ID (-want +got):\n%s", diff)
		}
	})
}

func TestBlocklistAndBlockedCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for d, want := range map[string]bool{"mailinator.com": true, "YOPMAIL.com": true, "example.org": false} {
			got, err := s.IsDisposableDomain(ctx, d)
			if err != nil || got != want {
				t.Errorf("IsDisposableDomain(%q) = %v, %v; want %v", d, got, err, want)
			}
		}
		if err := s.AddDisposableDomain(ctx, " Throwaway.Example. ", store.User{}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddDisposableDomain(ctx, "throwaway.example", store.User{}); err != nil {
			t.Errorf("adding twice: %v", err)
		}
		if err := s.AddDisposableDomain(ctx, "not a domain", store.User{}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("bad domain: err = %v, want ErrInvalid", err)
		}
		if ok, _ := s.IsDisposableDomain(ctx, "throwaway.example"); !ok {
			t.Error("added domain not on the list")
		}
		if err := s.RemoveDisposableDomain(ctx, "mailinator.com", store.User{}); err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveDisposableDomain(ctx, "mailinator.com", store.User{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing twice: err = %v, want ErrNotFound", err)
		}
		list, err := s.DisposableDomains(ctx)
		if err != nil || len(list) < 10 || contains(list, "mailinator.com") || !contains(list, "throwaway.example") {
			t.Errorf("DisposableDomains = %v, %v", list, err)
		}
		log, _, _ := s.AuditLog(ctx, 10, 0)
		if len(log) != 3 || log[0].Detail != "unblocked mailinator.com" || log[0].Actor != "cli" {
			t.Errorf("audit log = %+v, want 3 entries, the latest unblocking mailinator.com by cli", log)
		}

		day1 := time.Date(2026, 6, 1, 23, 59, 0, 0, time.UTC)
		day2 := day1.Add(2 * time.Minute)
		for _, c := range []struct {
			r  string
			at time.Time
		}{{"honeypot", day1}, {"honeypot", day1}, {"too_fast", day1}, {"honeypot", day2}} {
			if err := s.CountBlockedSignup(ctx, c.r, c.at); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.BlockedSignups(ctx, 20260601, 20260602)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.BlockedCount{{Day: 20260601, Reason: "honeypot", Count: 2}, {Day: 20260601, Reason: "too_fast", Count: 1}, {Day: 20260602, Reason: "honeypot", Count: 1}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("BlockedSignups (-want +got):\n%s", diff)
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
