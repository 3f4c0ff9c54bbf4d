package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// searchCorpus is a small set of articles whose words we chose, so that
// what each query must find (and in which order) is known.
var searchCorpus = []struct{ key, title, standfirst, body string }{
	{"lantern", "Lantern festival lights the old harbour", "Paper lanterns drift past the quay.",
		"Hundreds of lanterns were set afloat. The harbour master counted them twice."},
	{"ferry", "New ferry timetable for the harbour", "More crossings in summer.",
		"The ferry will run every twenty minutes. Night bus links meet the last boat."},
	{"nightbus", "Night bus routes redrawn", "Fewer stops, faster rides.",
		"The night bus now skips the harbour and runs straight to the station."},
	{"bakery", "Bakery on Mill Lane turns fifty", "Rye bread and a café that never closes.",
		"Regulars queue for rye before dawn. The café serves crème brûlée on Sundays."},
	{"greek", "Ελληνικό καφενείο ανοίγει", "Νέο καφενείο στην πλατεία.",
		"Το καφενείο σερβίρει καφέ από το πρωί. Ünïcödé wörds and the bus."},
	{"bus-in-body", "Council budget passes", "Money for roads and schools.",
		"A line near the end mentions that a bus shelter will be repaired. Bus bus bus."},
}

// searchCase is one query and the corpus keys it must return, best first.
type searchCase struct {
	q    string
	want []string
}

var searchCases = []searchCase{
	{"harbour", []string{"lantern", "ferry", "nightbus"}},          // title hits before body hits
	{"HARBOUR", []string{"lantern", "ferry", "nightbus"}},          // case does not matter
	{"lantern*", []string{"lantern"}},                              // prefix
	{"lant*", []string{"lantern"}},                                 // shorter prefix
	{`"night bus"`, []string{"nightbus", "ferry"}},                 // phrase, title before body
	{`"bus night"`, nil},                                           // order matters in a phrase
	{"bus night", []string{"nightbus", "ferry"}},                   // both words, anywhere
	{"café", []string{"bakery"}},                                   // diacritics kept and matched
	{"καφενείο", []string{"greek"}},                                // other scripts
	{"wörds", []string{"greek"}},                                   // combining-free accented Latin
	{"rye", []string{"bakery"}},                                    // standfirst and body
	{"bus", []string{"nightbus", "bus-in-body", "greek", "ferry"}}, // title, then many hits, then the shorter body
	{"harbour ferry", []string{"ferry"}},                           // AND
	{"zeppelin", nil},                                              // nothing
	{"harbour -ferry", []string{"ferry"}},                          // '-' is no operator: both words
	{"harbour OR ferry", nil},                                      // OR is a word, and no article has it
	{`harbour "ferry`, []string{"ferry"}},                          // unbalanced quote
	{"NEAR(harbour ferry)", nil},                                   // near is a word too
	{"harbour\x00ferry", []string{"ferry"}},                        // NUL separates words
	{"h*", nil},                                                    // one-letter prefix means the word "h"
}

func TestSearch(t *testing.T) {
	got := map[string]map[string][]string{} // dialect -> query -> keys
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		keys := seedSearchCorpus(t, s)
		results := map[string][]string{}
		for _, c := range searchCases {
			t.Run(c.q, func(t *testing.T) {
				arts, total, err := s.Search(ctx, store.ParseSearch(c.q), 20, 0)
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, a := range arts {
					names = append(names, keys[a.ID])
				}
				if total != len(c.want) {
					t.Errorf("total %d, want %d", total, len(c.want))
				}
				if diff := cmp.Diff(c.want, names); diff != "" {
					t.Errorf("results (-want +got):\n%s", diff)
				}
				results[c.q] = names
			})
		}
		got[s.Dialect()] = results
	})
	if len(got) == 2 {
		if diff := cmp.Diff(got["sqlite"], got["postgres"]); diff != "" {
			t.Errorf("SQLite and PostgreSQL disagree (-sqlite +postgres):\n%s", diff)
		}
	}
}

// seedSearchCorpus stores searchCorpus plus a draft that mentions the
// harbour (which search must never show) and returns article ID -> key.
func seedSearchCorpus(t testing.TB, s *store.Store) map[int64]string {
	t.Helper()
	ctx := context.Background()
	src := news.Source{Name: "Search Gazette"}
	if err := s.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	keys := map[int64]string{}
	day := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	for i, c := range searchCorpus {
		a := news.Article{SourceID: src.ID, Title: c.title, Standfirst: c.standfirst, BodyText: c.body,
			BodyHTML: "<p>" + c.body + "</p>", PublishedAt: day.Add(time.Duration(i) * time.Hour)}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		keys[a.ID] = c.key
	}
	draft := news.Article{SourceID: src.ID, Title: "Harbour ferry lantern draft", Status: news.StatusDraft, BodyText: "harbour"}
	if err := s.CreateArticle(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	return keys
}

func TestSearchPagesAndUpdates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		keys := seedSearchCorpus(t, s)
		q := store.ParseSearch("bus")
		var pages []string
		for off := 0; off < 6; off += 3 {
			arts, total, err := s.Search(ctx, q, 3, off)
			if err != nil {
				t.Fatal(err)
			}
			if total != 4 {
				t.Errorf("offset %d: total %d, want 4", off, total)
			}
			for _, a := range arts {
				pages = append(pages, keys[a.ID])
			}
		}
		if diff := cmp.Diff([]string{"nightbus", "bus-in-body", "greek", "ferry"}, pages); diff != "" {
			t.Errorf("pages (-want +got):\n%s", diff)
		}
		if arts, total, err := s.Search(ctx, q, 3, 100); err != nil || len(arts) != 0 || total != 4 {
			t.Errorf("past the end: %d articles, total %d, err %v", len(arts), total, err)
		}

		// An edited title is found by its new words only; a taken-down
		// article is not found at all.
		var bakery news.Article
		for id, k := range keys {
			if k == "bakery" {
				var err error
				if bakery, err = s.Article(ctx, id); err != nil {
					t.Fatal(err)
				}
			}
		}
		bakery.Title = "Pastry shop on Mill Lane turns fifty"
		if err := s.UpdateArticle(ctx, &bakery); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"bakery": 0, "pastry": 1} {
			if _, total, err := s.Search(ctx, store.ParseSearch(q), 10, 0); err != nil || total != want {
				t.Errorf("after the edit, %q finds %d (err %v), want %d", q, total, err, want)
			}
		}
		bakery.Status = news.StatusUnpublished
		if err := s.UpdateArticle(ctx, &bakery); err != nil {
			t.Fatal(err)
		}
		if _, total, err := s.Search(ctx, store.ParseSearch("pastry"), 10, 0); err != nil || total != 0 {
			t.Errorf("unpublished article found: total %d, err %v", total, err)
		}
	})
}

// TestSearchHostile sends what an attacker or a clumsy paste might: every
// query must give results or nothing, never an error.
func TestSearchHostile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		seedSearchCorpus(t, s)
		for _, h := range hostileQueries {
			name := h
			if len(name) > 40 {
				name = name[:40]
			}
			t.Run(name, func(t *testing.T) {
				q := store.ParseSearch(h)
				if _, _, err := s.Search(context.Background(), q, 10, 0); err != nil {
					t.Errorf("query %q (parsed %q): %v", name, q.String(), err)
				}
			})
		}
	})
}

// FuzzSearch goes past that list: whatever is typed into the search box,
// both databases answer without an error. The seeds are the list above;
// run it with go test -run '^$' -fuzz FuzzSearch ./internal/store.
func FuzzSearch(f *testing.F) {
	for _, h := range hostileQueries {
		f.Add(h)
	}
	stores := map[string]*store.Store{"sqlite": storetest.SQLite(f), "postgres": storetest.Postgres(f)}
	for _, s := range stores {
		seedSearchCorpus(f, s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := store.ParseSearch(text)
		for name, s := range stores {
			if _, _, err := s.Search(context.Background(), q, 10, 0); err != nil {
				t.Errorf("%s: query %q (parsed %q): %v", name, text, q.String(), err)
			}
		}
	})
}

// hostileQueries are what an attacker or a clumsy paste might send.
var hostileQueries = []string{
	`"`, `""`, `"""`, `*`, `**`, `"*"`, `-`, `^`, `:`, `(`, `)`, `{}`, `'`, `''`, `\`, `\\'`,
	`NEAR`, `NEAR(a b)`, `a NOT b`, `AND`, `OR OR OR`, `title:harbour`, `body_text : x`, `rank`,
	`'; DROP TABLE articles; --`, `harbour' OR '1'='1`, `!!&&||<->:*`, `a <-> b`, `a:*B`,
	"\x00", "harbour\x00", "\xff\xfe", "\u200d\u200b\u2060", "\u202e harbour", "🚌 bus 🚌",
	"e\u0301", "ﬀ ligature", "İstanbul", strings.Repeat("a", 10_000), strings.Repeat("harbour ", 2000),
	strings.Repeat(`"a* `, 3000), strings.Repeat("x", 65) + " bus",
}

func TestParseSearch(t *testing.T) {
	tests := []struct {
		in   string
		want []store.SearchTerm
		cut  bool
	}{
		{"Harbour ferry", []store.SearchTerm{{Words: []string{"harbour"}}, {Words: []string{"ferry"}}}, false},
		{`"night bus" lant*`, []store.SearchTerm{{Words: []string{"night", "bus"}}, {Words: []string{"lant"}, Prefix: true}}, false},
		{`“curly quotes”`, []store.SearchTerm{{Words: []string{"curly", "quotes"}}}, false},
		{`"unclosed phrase`, []store.SearchTerm{{Words: []string{"unclosed", "phrase"}}}, false},
		{`"ab* cd"`, []store.SearchTerm{{Words: []string{"ab"}, Prefix: true}, {Words: []string{"cd"}}}, false},
		{"a*", []store.SearchTerm{{Words: []string{"a"}}}, false},
		{"NEAR(x,y)", []store.SearchTerm{{Words: []string{"near"}}, {Words: []string{"x"}}, {Words: []string{"y"}}}, false},
		{"!!! ??? ***", nil, false},
		{"\x00\xff", nil, false},
		{strings.Repeat("w ", 20), func() []store.SearchTerm {
			var ts []store.SearchTerm
			for range store.MaxSearchWords {
				ts = append(ts, store.SearchTerm{Words: []string{"w"}})
			}
			return ts
		}(), true},
		{strings.Repeat("a", 100) + " ok", []store.SearchTerm{{Words: []string{"ok"}}}, false},
		{strings.Repeat("é", 1000), nil, true},
	}
	for _, tt := range tests {
		name := tt.in
		if len(name) > 30 {
			name = name[:30]
		}
		t.Run(name, func(t *testing.T) {
			q := store.ParseSearch(tt.in)
			if diff := cmp.Diff(tt.want, q.Terms); diff != "" {
				t.Errorf("terms (-want +got):\n%s", diff)
			}
			if q.Cut != tt.cut {
				t.Errorf("Cut = %v, want %v", q.Cut, tt.cut)
			}
		})
	}
}

func TestGeneration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		g0, err := s.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		f := newFixture(t, s)
		g1, _ := s.Generation(ctx)
		if g1 <= g0 {
			t.Errorf("creating sources and an account left the generation at %d (was %d)", g1, g0)
		}
		a := f.create(t, f.article(f.src1, 1, "Generation story"))
		g2, _ := s.Generation(ctx)
		if g2 <= g1 {
			t.Errorf("creating an article left the generation at %d", g2)
		}
		if err := s.AddViews(ctx, []store.ViewDelta{{ArticleID: a.ID, Day: 20260501, Views: 3, Visitors: 1}}); err != nil {
			t.Fatal(err)
		}
		if g3, _ := s.Generation(ctx); g3 != g2 {
			t.Errorf("counting views changed the generation from %d to %d; pages would re-render on every view", g2, g3)
		}
		a.Title = "Generation story, updated"
		if err := s.UpdateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if g4, _ := s.Generation(ctx); g4 <= g2 {
			t.Errorf("updating an article left the generation at %d", g4)
		}
	})
}
