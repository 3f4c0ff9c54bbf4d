package store_test

import (
	"context"
	"fmt"
	"testing"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// benchAddViews flushes one batch of 1,000 articles' counts, as a busy
// site's counter does every second.
func benchAddViews(b *testing.B, s *store.Store) {
	ctx := context.Background()
	src := news.Source{Name: "Bench Source"}
	if err := s.CreateSource(ctx, &src); err != nil {
		b.Fatal(err)
	}
	batch := make([]store.ViewDelta, 1000)
	for i := range batch {
		a := news.Article{SourceID: src.ID, Title: fmt.Sprintf("Bench %d", i)}
		if err := s.CreateArticle(ctx, &a); err != nil {
			b.Fatal(err)
		}
		batch[i] = store.ViewDelta{ArticleID: a.ID, Day: 20260301, Views: 3, Visitors: 1}
	}
	for b.Loop() {
		if err := s.AddViews(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSQLiteAddViews(b *testing.B)   { benchAddViews(b, storetest.SQLite(b)) }
func BenchmarkPostgresAddViews(b *testing.B) { benchAddViews(b, storetest.Postgres(b)) }
