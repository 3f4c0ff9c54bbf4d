package store_test

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// TestSearchIndexesExistingArticles stores articles in a database migrated
// only up to before search existed (as the demo site or an import left
// them), then migrates: search must find them, on both databases.
func TestSearchIndexesExistingArticles(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			s := unmigrated(t, dialect)
			if err := s.MigrateBefore(ctx, 22); err != nil {
				t.Fatal(err)
			}
			src := news.Source{Name: "Old Gazette"}
			if err := s.CreateSource(ctx, &src); err != nil {
				t.Fatal(err)
			}
			old := news.Article{SourceID: src.ID, Title: "Lighthouse keepers remember", BodyText: "The lamp was wound by hand every night."}
			if err := s.CreateArticle(ctx, &old); err != nil {
				t.Fatal(err)
			}
			if err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{"lighthouse", "lamp", `"wound by hand"`} {
				arts, total, err := s.Search(ctx, store.ParseSearch(q), 10, 0)
				if err != nil || total != 1 || arts[0].ID != old.ID {
					t.Errorf("%s: found %d (err %v), want the article stored before the migration", q, total, err)
				}
			}
		})
	}
}

// unmigrated opens an empty, unmigrated database of the dialect, removed
// when the test ends.
func unmigrated(t *testing.T, dialect string) *store.Store {
	t.Helper()
	ctx := context.Background()
	if dialect == "sqlite" {
		s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "old.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	admin := storetest.Postgres(t) // skips (or fails in CI) without PostgreSQL
	name := fmt.Sprintf("newshound_t_%d_old%d", time.Now().Unix(), time.Now().UnixNano()%1_000_000)
	if _, err := admin.DB().ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.DB().ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	u, err := url.Parse(storetest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := store.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
