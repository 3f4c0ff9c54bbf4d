package cli_test

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/demo"
	"newshound/internal/news"
	"newshound/internal/store"
)

// seedSite fills the database at dbURL with the demo site plus one draft
// article that uses every field, so the round trip covers more than the
// demo's happy path.
func seedSite(t *testing.T, dbURL string) {
	t.Helper()
	ctx := t.Context()
	st, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	seeded, err := demo.Seed(ctx, st)
	if err != nil || !seeded {
		t.Fatalf("demo.Seed = %v, %v; want a seeded site", seeded, err)
	}
	sources, err := st.Sources(ctx)
	if err != nil || len(sources) == 0 {
		t.Fatalf("Sources = %v, %v", sources, err)
	}
	accounts, err := st.Accounts(ctx)
	if err != nil || len(accounts) == 0 {
		t.Fatalf("Accounts = %v, %v", accounts, err)
	}
	at := time.Date(2026, 3, 14, 15, 9, 26, 535897000, time.FixedZone("CET", 3600))
	draft := &news.Article{
		SourceID: sources[0].ID, AccountID: accounts[0].ID,
		OriginalURL: "https://example.org/news/ünïcode?x=1&y=2", CanonicalURL: "https://example.org/news/unicode",
		SiteName: "Example « Gazette »", Title: "Ünïcode, quotes \" and <angles> survive a round trip",
		Standfirst: "A draft with every field set.", Language: "de-CH",
		Authors:     []news.Author{{Name: "Zoë Ångström", URL: "https://example.org/zoe"}, {Name: "Li Wei"}},
		PublishedAt: at, UpdatedAt: at.Add(90 * time.Minute), FetchedAt: at.Add(3 * time.Hour),
		LeadImage:   &news.Figure{ImageURL: "https://example.org/a.svg", Alt: "A diagram", Caption: "Caption “quoted”", Credit: "Drawn by us"},
		BodyHTML:    "<p>First &amp; <em>only</em> paragraph.</p>\n<blockquote><p>Quote</p></blockquote>",
		BodyText:    "First & only paragraph.\n\nQuote",
		Tags:        []news.Tag{{Slug: "round-trip", Name: "Round trip"}, {Slug: "drafts", Name: "Drafts"}},
		Fingerprint: "fp-0123456789abcdef", Status: news.StatusDraft,
	}
	if err := st.CreateArticle(ctx, draft); err != nil {
		t.Fatalf("CreateArticle: %v", err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	srcDB := "sqlite:" + filepath.Join(dir, "source.db")
	seedSite(t, srcDB)

	first := run(t, dir, nil, nil, "export", "--database", srcDB)
	if first.code != 0 {
		t.Fatalf("export: exit %d: %s", first.code, first.stderr)
	}
	var snap store.Snapshot
	if err := json.Unmarshal([]byte(first.stdout), &snap); err != nil {
		t.Fatalf("export is not a snapshot: %v", err)
	}
	if len(snap.Sources) < 2 || len(snap.Articles) < 13 || len(snap.Accounts) < 1 || len(snap.Tags) < 2 {
		t.Fatalf("export holds %d sources, %d accounts, %d articles, %d tags; want the whole demo site and the draft",
			len(snap.Sources), len(snap.Accounts), len(snap.Articles), len(snap.Tags))
	}
	site := filepath.Join(dir, "site.json")
	writeFile(t, site, first.stdout)

	targets := []struct {
		name  string
		flags func(t *testing.T) (flags []string, dbURL string)
		stdin bool // import from standard input instead of the file
	}{
		{"sqlite", func(t *testing.T) ([]string, string) {
			data := filepath.Join(t.TempDir(), "data")
			return []string{"--data", data}, "sqlite:" + filepath.Join(data, "newshound.db")
		}, true},
		{"postgres", func(t *testing.T) ([]string, string) { u, _ := freshPostgres(t); return []string{"--database", u}, u }, false},
	}
	for _, tt := range targets {
		t.Run(tt.name, func(t *testing.T) {
			flags, dbURL := tt.flags(t)
			importArgs := append(append([]string{"import"}, flags...), site)
			var stdin io.Reader
			if tt.stdin {
				importArgs[len(importArgs)-1] = "-"
				f, err := os.Open(site)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f
			}
			if r := run(t, dir, nil, stdin, importArgs...); r.code != 0 {
				t.Fatalf("import: exit %d: %s", r.code, r.stderr)
			}
			exportAgain := func(step string) {
				t.Helper()
				r := run(t, dir, nil, nil, append([]string{"export"}, flags...)...)
				if r.code != 0 {
					t.Fatalf("export %s: exit %d: %s", step, r.code, r.stderr)
				}
				if diff := cmp.Diff(first.stdout, r.stdout); diff != "" {
					t.Fatalf("export %s differs from the original (-want +got):\n%s", step, diff)
				}
			}
			exportAgain("after import")
			checkRecommended(t, dbURL, len(snap.Articles))

			// Importing the same site again clashes and changes nothing.
			r := run(t, dir, nil, nil, append(append([]string{"import"}, flags...), site)...)
			if r.code == 0 || !strings.Contains(r.stderr, "already holds") || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("second import: exit %d, stderr %q; want a one-line refusal", r.code, r.stderr)
			}
			exportAgain("after a refused import")

			// Migrating again is harmless and keeps the data.
			for i := 0; i < 2; i++ {
				if r := run(t, dir, nil, nil, append([]string{"migrate"}, flags...)...); r.code != 0 || !strings.Contains(r.stdout, "up to date") {
					t.Fatalf("migrate: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
				}
			}
			exportAgain("after migrate")
		})
	}
}

// TestMigrateFreshDatabase checks migrate on empty databases of both kinds,
// twice, and that the result is an empty, exportable site.
func TestMigrateFreshDatabase(t *testing.T) {
	targets := map[string]func(t *testing.T) []string{
		"sqlite":   func(t *testing.T) []string { return []string{"--data", filepath.Join(t.TempDir(), "data")} },
		"postgres": func(t *testing.T) []string { u, _ := freshPostgres(t); return []string{"--database", u} },
	}
	for name, flags := range targets {
		t.Run(name, func(t *testing.T) {
			f := flags(t)
			dir := t.TempDir()
			for i := 0; i < 2; i++ {
				r := run(t, dir, nil, nil, append([]string{"migrate"}, f...)...)
				if r.code != 0 || r.stderr != "" {
					t.Fatalf("migrate run %d: exit %d, stderr %q", i+1, r.code, r.stderr)
				}
			}
			r := run(t, dir, nil, nil, append([]string{"export"}, f...)...)
			if r.code != 0 {
				t.Fatalf("export: exit %d: %s", r.code, r.stderr)
			}
			var snap store.Snapshot
			if err := json.Unmarshal([]byte(r.stdout), &snap); err != nil {
				t.Fatal(err)
			}
			if snap.Version == 0 || len(snap.Articles)+len(snap.Sources)+len(snap.Accounts)+len(snap.Tags) != 0 {
				t.Errorf("fresh database exports %+v, want an empty versioned snapshot", snap)
			}
		})
	}
}

// checkRecommended checks that every published article in the database at
// dbURL has recommendations: an export carries none, so import computes
// them.
func checkRecommended(t *testing.T, dbURL string, articles int) {
	t.Helper()
	ctx := t.Context()
	st, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, _, err := st.Articles(ctx, store.ArticleFilter{Status: news.StatusPublished, Limit: articles})
	if err != nil || len(arts) == 0 {
		t.Fatalf("published articles after import: %d, %v", len(arts), err)
	}
	for _, a := range arts {
		ids, err := st.RelatedIDs(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 {
			t.Errorf("article %q has no recommendations after import", a.Slug)
		}
	}
}
