package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// fillSite stores a site with every kind of value a snapshot must carry.
func fillSite(t *testing.T, s *store.Store) *fixture {
	t.Helper()
	f := newFixture(t, s)
	f.create(t, f.article(f.src1, 1, "Tides Return"))
	f.create(t, f.article(f.src2, 2, "Tides Return")) // slug tides-return-2
	draft := f.article(f.src2, 3, "Draft Without Extras")
	draft.Status, draft.LeadImage, draft.Authors, draft.Tags, draft.AccountID = news.StatusDraft, nil, nil, nil, 0
	draft.FetchedAt = draft.FetchedAt.Add(123) // nanoseconds that storage must drop
	f.create(t, draft)
	undated := f.article(f.src1, 4, "Undated")
	undated.PublishedAt, undated.UpdatedAt = time.Time{}, time.Time{}
	f.create(t, undated)
	return f
}

func exportJSON(t *testing.T, s *store.Store) ([]byte, store.Snapshot) {
	t.Helper()
	snap, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(snap, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b, snap
}

// TestExportImportRoundTrip checks export -> import -> export is byte
// identical, within each database and across them.
func TestExportImportRoundTrip(t *testing.T) {
	from := map[string]func(testing.TB) *store.Store{"sqlite": storetest.SQLite, "postgres": storetest.Postgres}
	for fromName, open := range from {
		for toName, openTo := range from {
			t.Run(fromName+" to "+toName, func(t *testing.T) {
				ctx := context.Background()
				src := open(t)
				fillSite(t, src)
				first, snap := exportJSON(t, src)
				if len(snap.Sources) != 2 || len(snap.Accounts) != 1 || len(snap.Articles) != 4 || len(snap.Tags) != 2 {
					t.Fatalf("export missed something: %d sources, %d accounts, %d articles, %d tags",
						len(snap.Sources), len(snap.Accounts), len(snap.Articles), len(snap.Tags))
				}
				// Import what the JSON says, as the CLI does.
				var decoded store.Snapshot
				if err := json.Unmarshal(first, &decoded); err != nil {
					t.Fatal(err)
				}
				dst := openTo(t)
				if err := dst.Import(ctx, decoded); err != nil {
					t.Fatal(err)
				}
				second, _ := exportJSON(t, dst)
				if !bytes.Equal(first, second) {
					t.Errorf("export after import differs (-first +second):\n%s", cmp.Diff(string(first), string(second)))
				}
				// IDs continue after the imported ones.
				a := &news.Article{SourceID: snap.Sources[0].ID, Title: "Tides Return"}
				if err := dst.CreateArticle(ctx, a); err != nil {
					t.Fatal(err)
				}
				if a.ID <= snap.Articles[len(snap.Articles)-1].ID || a.Slug != "tides-return-3" {
					t.Errorf("new article after import: id %d, slug %q", a.ID, a.Slug)
				}
				srcNew := news.Source{Name: "Third"}
				if err := dst.CreateSource(ctx, &srcNew); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// TestImportBeside checks that a snapshot whose IDs and slugs are all new
// goes in beside what the database holds.
func TestImportBeside(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		f.create(t, f.article(f.src1, 1, "Already Here"))
		snap := store.Snapshot{
			Version:  store.SnapshotVersion,
			Sources:  []news.Source{{ID: 50, Slug: "imported", Name: "Imported", CreatedAt: base}},
			Articles: []news.Article{{ID: 70, Slug: "arrived", SourceID: 50, Title: "Arrived", Tags: []news.Tag{{Slug: "boats", Name: "Ignored Name"}}}},
		}
		if err := s.Import(ctx, snap); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticleBySlug(ctx, "arrived")
		if err != nil {
			t.Fatal(err)
		}
		want := []news.Tag{{Slug: "boats", Name: "Boats"}} // the stored name wins
		if got.ID != 70 || got.SourceID != 50 || !cmp.Equal(got.Tags, want) {
			t.Errorf("imported article: id %d, source %d, tags %v", got.ID, got.SourceID, got.Tags)
		}
		if n, err := s.CountArticles(ctx); err != nil || n != 2 {
			t.Errorf("CountArticles = %d, %v; want 2", n, err)
		}
	})
}

func TestImportRefusesClashes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		other := storetest.SQLite(t)
		fillSite(t, other)
		_, snap := exportJSON(t, other)

		tests := []struct {
			name   string
			modify func(*store.Snapshot)
			want   error
		}{
			{"clashing source slug", func(sn *store.Snapshot) {
				sn.Sources[0].ID = 100
				for i := range sn.Articles {
					if sn.Articles[i].SourceID == snap.Sources[0].ID {
						sn.Articles[i].SourceID = 100
					}
				}
			}, store.ErrConflict},
			{"clashing article id", func(sn *store.Snapshot) {
				for i := range sn.Sources {
					sn.Sources[i].ID += 100
					sn.Sources[i].Slug += "-x"
				}
				for i := range sn.Articles {
					sn.Articles[i].SourceID += 100
					sn.Articles[i].Slug += "-x"
				}
				sn.Accounts[0].ID += 100
				sn.Accounts[0].Slug += "-x"
				for i := range sn.Articles {
					if sn.Articles[i].AccountID != 0 {
						sn.Articles[i].AccountID += 100
					}
				}
			}, store.ErrConflict},
			{"wrong version", func(sn *store.Snapshot) { sn.Version = 99 }, store.ErrInvalid},
		}
		// The database already holds the same site under the same IDs and slugs.
		fillSite(t, s)
		before, _ := exportJSON(t, s)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var sn store.Snapshot
				b, _ := json.Marshal(snap)
				if err := json.Unmarshal(b, &sn); err != nil {
					t.Fatal(err)
				}
				tt.modify(&sn)
				if err := s.Import(ctx, sn); !errors.Is(err, tt.want) {
					t.Fatalf("Import err = %v, want %v", err, tt.want)
				}
				after, _ := exportJSON(t, s)
				if !bytes.Equal(before, after) {
					t.Errorf("refused import changed the database:\n%s", cmp.Diff(string(before), string(after)))
				}
			})
		}
	})
}
