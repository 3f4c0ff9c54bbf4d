package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestArticleRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.create(t, f.article(f.src1, 1, "Tides Return to the Old Harbour"))
		if a.ID == 0 || a.Slug != "tides-return-to-the-old-harbour" || a.Status != news.StatusPublished {
			t.Fatalf("CreateArticle set ID %d, slug %q, status %q", a.ID, a.Slug, a.Status)
		}
		if !a.PublishedAt.Equal(base.Add(time.Hour).Truncate(time.Microsecond)) || a.PublishedAt.Location() != time.UTC {
			t.Errorf("PublishedAt not normalised to UTC microseconds: %v", a.PublishedAt)
		}
		wantTags := []news.Tag{{Slug: "harbour-life", Name: "Harbour Life"}, {Slug: "boats", Name: "Boats"}}
		if diff := cmp.Diff(wantTags, a.Tags); diff != "" {
			t.Errorf("tags after create (-want +got):\n%s", diff)
		}
		for name, get := range map[string]func() (news.Article, error){
			"by id":   func() (news.Article, error) { return s.Article(ctx, a.ID) },
			"by slug": func() (news.Article, error) { return s.ArticleBySlug(ctx, a.Slug) },
		} {
			t.Run(name, func(t *testing.T) {
				got, err := get()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(*a, got); diff != "" {
					t.Errorf("stored article (-want +got):\n%s", diff)
				}
			})
		}
		if _, err := s.ArticleBySlug(ctx, "no-such-story"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing slug: err = %v, want ErrNotFound", err)
		}
	})
}
