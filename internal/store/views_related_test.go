package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestAddViewsIsAdditive(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.create(t, f.article(f.src1, 1, "Counted story"))
		b := f.create(t, f.article(f.src2, 2, "Other story"))
		batches := [][]store.ViewDelta{
			{{ArticleID: a.ID, Day: 20260301, Views: 3, Visitors: 2}, {ArticleID: b.ID, Day: 20260301, Views: 1, Visitors: 1}},
			{{ArticleID: a.ID, Day: 20260301, Views: 4, Visitors: 1}, {ArticleID: a.ID, Day: 20260302, Views: 5, Visitors: 5}},
			{{ArticleID: b.ID + 999, Day: 20260302, Views: 9, Visitors: 9}},                          // no such article: skipped
			{{ArticleID: b.ID, Day: 20260301, Views: 2}, {ArticleID: b.ID, Day: 20260301, Views: 1}}, // one row twice
		}
		for _, batch := range batches {
			if err := s.AddViews(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.ViewTotals(ctx, []int64{a.ID, b.ID, b.ID + 999}, 20260301)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]store.ViewTotal{a.ID: {Views: 12, Visitors: 3}, b.ID: {Views: 4, Visitors: 1}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ViewTotals (-want +got):\n%s", diff)
		}
		top, err := s.TopViewed(ctx, 20260302, 20260302, 10)
		if err != nil {
			t.Fatal(err)
		}
		wantTop := []store.ViewRank{{ArticleID: a.ID, Slug: a.Slug, Title: a.Title, Status: news.StatusPublished, Views: 5, Visitors: 5}}
		if diff := cmp.Diff(wantTop, top); diff != "" {
			t.Errorf("TopViewed (-want +got):\n%s", diff)
		}
	})
}

func TestAddViewsRefusesNonsense(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.create(t, f.article(f.src1, 1, "Story"))
		for _, d := range []store.ViewDelta{
			{ArticleID: a.ID, Day: 20260301, Views: -1},
			{ArticleID: a.ID, Day: 20260301, Views: 1, Visitors: 2},
		} {
			// A good delta first: the refusal must roll the whole batch back.
			err := s.AddViews(ctx, []store.ViewDelta{{ArticleID: a.ID, Day: 20260301, Views: 1}, d})
			if !errors.Is(err, store.ErrInvalid) {
				t.Errorf("AddViews(%+v) = %v, want ErrInvalid", d, err)
			}
		}
		if got, _ := s.ViewTotals(ctx, []int64{a.ID}, 20260301); len(got) != 0 {
			t.Errorf("a refused batch left %v behind", got)
		}
	})
}

func TestRelatedLists(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		var arts []*news.Article
		for i, title := range []string{"Zero", "One", "Two", "Three", "Four"} {
			arts = append(arts, f.create(t, f.article(f.src1, i, title)))
		}
		id := func(i int) int64 { return arts[i].ID }
		err := s.SaveRelated(ctx, map[int64][]int64{
			id(0): {id(3), id(1), id(2), id(4) + 1000}, // the last never existed: skipped
			id(1): {id(0)},
		})
		if err != nil {
			t.Fatal(err)
		}
		// Replacing a list removes the old rows.
		if err := s.SaveRelated(ctx, map[int64][]int64{id(1): {id(2), id(0)}}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRelated(ctx, map[int64][]int64{id(2): {id(2)}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("an article recommending itself: err = %v, want ErrInvalid", err)
		}

		draft := *arts[1]
		draft.Status = news.StatusDraft
		if err := s.UpdateArticle(ctx, &draft); err != nil {
			t.Fatal(err)
		}
		recs, err := s.RelatedArticles(ctx, id(0), 5)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			got = append(got, r.Title)
		}
		// The draft is skipped; order is the stored rank.
		if diff := cmp.Diff([]string{"Three", "Two"}, got); diff != "" {
			t.Errorf("RelatedArticles (-want +got):\n%s", diff)
		}
		if len(recs) > 0 && (len(recs[0].Tags) != 2 || len(recs[0].Authors) != 2) {
			t.Errorf("related articles come without tags or authors: %+v", recs[0])
		}
		refs, err := s.RelatedReferrers(ctx, id(0))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]int64{id(1)}, refs); diff != "" {
			t.Errorf("RelatedReferrers (-want +got):\n%s", diff)
		}
		missing, err := s.ArticlesWithoutRelated(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]int64{id(2), id(3), id(4)}, missing); diff != "" {
			t.Errorf("ArticlesWithoutRelated (-want +got):\n%s", diff)
		}
		texts, err := s.ArticleTexts(ctx, []int64{id(1), id(4)})
		if err != nil {
			t.Fatal(err)
		}
		if len(texts) != 1 || texts[0].ID != id(4) || texts[0].BodyText == "" || len(texts[0].Tags) != 2 || texts[0].BodyHTML != "" {
			t.Errorf("ArticleTexts of a draft and a published article = %+v", texts)
		}
	})
}
