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

func TestArticleSlugs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		var got []string
		for i, title := range []string{"Bridge Opens", "Bridge Opens", "Bridge opens!", "¡¿!?", "Café Réunion"} {
			got = append(got, f.create(t, f.article(f.src1, i, title)).Slug)
		}
		want := []string{"bridge-opens", "bridge-opens-2", "bridge-opens-3", "article", "cafe-reunion"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("slugs (-want +got):\n%s", diff)
		}

		// A new title, a new status: the slug stays.
		a, err := s.ArticleBySlug(ctx, "bridge-opens-2")
		if err != nil {
			t.Fatal(err)
		}
		a.Title, a.Slug, a.Status = "The Bridge Is Closed Again", "", news.StatusUnpublished
		if err := s.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if a.Slug != "bridge-opens-2" {
			t.Errorf("slug after update = %q, want bridge-opens-2", a.Slug)
		}
		again, err := s.ArticleBySlug(ctx, "bridge-opens-2")
		if err != nil {
			t.Fatal(err)
		}
		if again.Title != "The Bridge Is Closed Again" || again.Status != news.StatusUnpublished {
			t.Errorf("update not stored: %q %q", again.Title, again.Status)
		}
	})
}

func TestArticleUpdateReplacesDetails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.create(t, f.article(f.src1, 1, "Lighthouse Keeper Retires"))
		a.Authors = []news.Author{{Name: "Zoe Last"}, {Name: "Ada Writer", URL: "https://gazette.example/ada"}, {Name: "Mo Middle"}}
		a.Tags = []news.Tag{{Name: "People"}, {Slug: "boats", Name: "Renamed Boats"}, {Name: "Lighthouses"}}
		a.LeadImage = nil
		a.AccountID = 0
		a.SourceID = f.src2.ID
		a.PublishedAt = time.Time{}
		if err := s.UpdateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		// An existing tag keeps its stored name.
		wantTags := []news.Tag{{Slug: "people", Name: "People"}, {Slug: "boats", Name: "Boats"}, {Slug: "lighthouses", Name: "Lighthouses"}}
		if diff := cmp.Diff(wantTags, a.Tags); diff != "" {
			t.Errorf("tags after update (-want +got):\n%s", diff)
		}
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(*a, got); diff != "" {
			t.Errorf("after update (-want +got):\n%s", diff)
		}
		tags, err := s.Tags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wantAll := []news.Tag{{Slug: "boats", Name: "Boats"}, {Slug: "harbour-life", Name: "Harbour Life"}, {Slug: "lighthouses", Name: "Lighthouses"}, {Slug: "people", Name: "People"}}
		if diff := cmp.Diff(wantAll, tags); diff != "" {
			t.Errorf("Tags (-want +got):\n%s", diff)
		}
		if tag, err := s.Tag(ctx, "people"); err != nil || tag.Name != "People" {
			t.Errorf("Tag(people) = %v, %v", tag, err)
		}
	})
}

func TestArticleEmptyValues(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		bare := &news.Article{SourceID: f.src1.ID, Title: "Bare", Status: news.StatusDraft}
		captionOnly := &news.Article{SourceID: f.src1.ID, Title: "Caption only", LeadImage: &news.Figure{Caption: "No picture yet"},
			Authors: []news.Author{{}}}
		for _, a := range []*news.Article{bare, captionOnly} {
			f.create(t, a)
			got, err := s.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(*a, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", a.Title, diff)
			}
			if !got.PublishedAt.IsZero() || got.Authors == nil && a.Authors != nil || got.Tags != nil {
				t.Errorf("%s: zero values changed: %+v", a.Title, got)
			}
		}
	})
}

func TestArticlesFilterAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		// Hours after base; the slice order is creation order, not time order.
		type spec struct {
			hour   int
			src    news.Source
			status news.Status
			tags   []news.Tag
			noDate bool
		}
		specs := []spec{
			{hour: 5, src: f.src1, tags: []news.Tag{{Name: "Weather"}}},
			{hour: 1, src: f.src2, tags: []news.Tag{{Name: "Weather"}, {Name: "Farms"}}},
			{hour: 9, src: f.src1, status: news.StatusDraft, tags: []news.Tag{{Name: "Weather"}}},
			{hour: 3, src: f.src2},
			{hour: 7, src: f.src1, status: news.StatusUnpublished},
			{hour: 5, src: f.src2, tags: []news.Tag{{Name: "Farms"}}}, // same time as the first: id breaks the tie
			{src: f.src1, noDate: true},
			{hour: 2, src: f.src1},
		}
		ids := make([]int64, len(specs))
		for i, sp := range specs {
			a := f.article(sp.src, sp.hour, "Story")
			a.Status, a.Tags = sp.status, sp.tags
			if sp.noDate {
				a.PublishedAt = time.Time{}
			}
			if i == 3 {
				a.AccountID = 0
			}
			ids[i] = f.create(t, a).ID
		}
		pick := func(idx ...int) []int64 {
			var out []int64
			for _, i := range idx {
				out = append(out, ids[i])
			}
			return out
		}
		tests := []struct {
			name      string
			filter    store.ArticleFilter
			wantIDs   []int64
			wantTotal int
		}{
			{"published, newest first, undated last", store.ArticleFilter{}, pick(5, 0, 3, 7, 1, 6), 6},
			{"first page", store.ArticleFilter{Limit: 2}, pick(5, 0), 6},
			{"second page", store.ArticleFilter{Limit: 2, Offset: 2}, pick(3, 7), 6},
			{"last page", store.ArticleFilter{Limit: 4, Offset: 4}, pick(1, 6), 6},
			{"past the end", store.ArticleFilter{Offset: 10}, nil, 6},
			{"by source", store.ArticleFilter{SourceID: f.src2.ID}, pick(5, 3, 1), 3},
			{"by account", store.ArticleFilter{AccountID: f.account.ID}, pick(5, 0, 7, 1, 6), 5},
			{"by tag", store.ArticleFilter{TagSlug: "weather"}, pick(0, 1), 2},
			{"by tag and source", store.ArticleFilter{TagSlug: "farms", SourceID: f.src2.ID, Limit: 1}, pick(5), 2},
			{"drafts", store.ArticleFilter{Status: news.StatusDraft}, pick(2), 1},
			{"any status", store.ArticleFilter{AnyStatus: true, SourceID: f.src1.ID}, pick(2, 4, 0, 7, 6), 5},
			{"unknown tag", store.ArticleFilter{TagSlug: "nope"}, nil, 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				list, total, err := s.Articles(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, a := range list {
					got = append(got, a.ID)
					if len(a.Authors) != 2 || a.LeadImage == nil {
						t.Errorf("article %d listed without its details", a.ID)
					}
				}
				if diff := cmp.Diff(tt.wantIDs, got); diff != "" || total != tt.wantTotal {
					t.Errorf("ids (-want +got):\n%s\ntotal = %d, want %d", diff, total, tt.wantTotal)
				}
			})
		}
		if n, err := s.CountArticles(ctx); err != nil || n != len(specs) {
			t.Errorf("CountArticles = %d, %v; want %d", n, err, len(specs))
		}
	})
}
