package sqlitedrivers

import (
	"context"
	"path/filepath"
	"testing"

	"newshound/internal/store"
	"newshound/internal/store/storebench"
)

// driver is the SQLite driver under test: its database/sql name and the
// DSN for a file, setting what store.Open sets for modernc.
type driver struct {
	name string
	dsn  func(path string) string
}

// modernc is what the product uses, opened the product's way.
var modernc = driver{name: "sqlite"}

func open(b *testing.B, d driver) *store.Store {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	var s *store.Store
	var err error
	if d.dsn == nil {
		s, err = store.Open(ctx, path)
	} else {
		s, err = store.OpenSQLiteDriver(ctx, d.name, d.dsn(path))
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkCreateArticle(b *testing.B) { storebench.CreateArticle(b, open(b, under)) }
func BenchmarkArticleBySlug(b *testing.B) { storebench.ArticleBySlug(b, open(b, under)) }
func BenchmarkArticlesPage(b *testing.B)  { storebench.ArticlesPage(b, open(b, under)) }
func BenchmarkTagPage(b *testing.B)       { storebench.TagPage(b, open(b, under)) }
