package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// fixture is a small site: two sources, one account, and articles made by
// newArticle.
type fixture struct {
	s       *store.Store
	src1    news.Source
	src2    news.Source
	account news.Account
}

func newFixture(t *testing.T, s *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{s: s}
	f.src1 = news.Source{Name: "Harbour Gazette", HomepageURL: "https://gazette.example/", FeedURL: "https://gazette.example/feed.xml"}
	f.src2 = news.Source{Name: "Valley Weekly", HomepageURL: "https://valley.example/"}
	f.account = news.Account{Name: "News Hound", AvatarURL: "/static/hound.svg", Bio: "Republishes local news."}
	for _, src := range []*news.Source{&f.src1, &f.src2} {
		if err := s.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateAccount(ctx, &f.account); err != nil {
		t.Fatal(err)
	}
	return f
}

// base is a fixed instant with sub-microsecond noise that storage must drop.
var base = time.Date(2026, 3, 14, 9, 26, 53, 589793238, time.FixedZone("CET", 3600))

// article returns a full article from src, published n hours after base.
func (f *fixture) article(src news.Source, n int, title string) *news.Article {
	return &news.Article{
		SourceID:     src.ID,
		AccountID:    f.account.ID,
		OriginalURL:  fmt.Sprintf("%sstories/%d", src.HomepageURL, n),
		CanonicalURL: fmt.Sprintf("%sstories/%d/", src.HomepageURL, n),
		SiteName:     src.Name,
		Title:        title,
		Standfirst:   "A short summary of " + title + ".",
		Authors:      []news.Author{{Name: "Ada Writer", URL: "https://gazette.example/ada"}, {Name: "Ben Reporter"}},
		Language:     "en",
		PublishedAt:  base.Add(time.Duration(n) * time.Hour),
		UpdatedAt:    base.Add(time.Duration(n)*time.Hour + time.Minute),
		FetchedAt:    base.Add(time.Duration(n)*time.Hour + 2*time.Minute),
		LeadImage:    &news.Figure{ImageURL: "https://gazette.example/img.jpg", Alt: "A harbour", Caption: "Boats at dawn.", Credit: "Photo: C. Lens"},
		BodyHTML:     "<p>First paragraph.</p><p>Second.</p>",
		BodyText:     "First paragraph.\n\nSecond.",
		Tags:         []news.Tag{{Name: "Harbour Life"}, {Slug: "boats", Name: "Boats"}},
		Fingerprint:  fmt.Sprintf("fp-%d", n),
	}
}

func (f *fixture) create(t *testing.T, a *news.Article) *news.Article {
	t.Helper()
	if err := f.s.CreateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		if f.src1.ID == 0 || f.src1.Slug != "harbour-gazette" || f.src1.CreatedAt.IsZero() {
			t.Fatalf("CreateSource did not set ID, slug, CreatedAt: %+v", f.src1)
		}
		got, err := s.Source(ctx, f.src1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(f.src1, got); diff != "" {
			t.Errorf("Source (-want +got):\n%s", diff)
		}
		got, err = s.SourceBySlug(ctx, "valley-weekly")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(f.src2, got); diff != "" {
			t.Errorf("SourceBySlug (-want +got):\n%s", diff)
		}

		// Same name again: a new slug, the old one untouched.
		dup := news.Source{Name: "Harbour Gazette"}
		if err := s.CreateSource(ctx, &dup); err != nil {
			t.Fatal(err)
		}
		if dup.Slug != "harbour-gazette-2" {
			t.Errorf("second slug = %q, want harbour-gazette-2", dup.Slug)
		}

		// Update keeps the slug.
		upd := f.src2
		upd.Name, upd.Slug, upd.FeedURL = "Valley Daily", "ignored", "https://valley.example/rss"
		if err := s.UpdateSource(ctx, &upd); err != nil {
			t.Fatal(err)
		}
		got, err = s.Source(ctx, f.src2.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := f.src2
		want.Name, want.FeedURL = "Valley Daily", "https://valley.example/rss"
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("after update (-want +got):\n%s", diff)
		}
		if upd.Slug != want.Slug {
			t.Errorf("UpdateSource left slug %q, want stored %q", upd.Slug, want.Slug)
		}

		list, err := s.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, src := range list {
			names = append(names, src.Name)
		}
		if diff := cmp.Diff([]string{"Harbour Gazette", "Harbour Gazette", "Valley Daily"}, names); diff != "" {
			t.Errorf("Sources order (-want +got):\n%s", diff)
		}
	})
}

func TestAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		if f.account.ID == 0 || f.account.Slug != "news-hound" {
			t.Fatalf("CreateAccount set ID %d, slug %q", f.account.ID, f.account.Slug)
		}
		second := news.Account{Name: "Archive Desk", Slug: "archive"}
		if err := s.CreateAccount(ctx, &second); err != nil {
			t.Fatal(err)
		}
		for name, get := range map[string]func() (news.Account, error){
			"by id":   func() (news.Account, error) { return s.Account(ctx, f.account.ID) },
			"by slug": func() (news.Account, error) { return s.AccountBySlug(ctx, "news-hound") },
		} {
			got, err := get()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(f.account, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		}
		list, err := s.Accounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]news.Account{second, f.account}, list); diff != "" {
			t.Errorf("Accounts by name (-want +got):\n%s", diff)
		}
	})
}

func TestNotFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		newFixture(t, s)
		tests := []struct {
			name string
			call func() error
		}{
			{"Source", func() error { _, err := s.Source(ctx, 999); return err }},
			{"SourceBySlug", func() error { _, err := s.SourceBySlug(ctx, "nope"); return err }},
			{"UpdateSource", func() error { return s.UpdateSource(ctx, &news.Source{ID: 999, Name: "X"}) }},
			{"Account", func() error { _, err := s.Account(ctx, 999); return err }},
			{"AccountBySlug", func() error { _, err := s.AccountBySlug(ctx, "nope"); return err }},
			{"Article", func() error { _, err := s.Article(ctx, 999); return err }},
			{"ArticleBySlug", func() error { _, err := s.ArticleBySlug(ctx, "nope"); return err }},
			{"UpdateArticle", func() error {
				return s.UpdateArticle(ctx, &news.Article{ID: 999, SourceID: 1, Title: "X"})
			}},
			{"Tag", func() error { _, err := s.Tag(ctx, "nope"); return err }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if err := tt.call(); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("err = %v, want ErrNotFound", err)
				}
			})
		}
	})
}

func TestConflictAndInvalid(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		taken := f.create(t, f.article(f.src1, 1, "Ferry Timetable Changes"))
		tests := []struct {
			name string
			call func() error
			want error
		}{
			{"source slug taken", func() error {
				return s.CreateSource(ctx, &news.Source{Name: "Other", Slug: f.src1.Slug})
			}, store.ErrConflict},
			{"account slug taken", func() error {
				return s.CreateAccount(ctx, &news.Account{Name: "Other", Slug: f.account.Slug})
			}, store.ErrConflict},
			{"article slug taken", func() error {
				a := f.article(f.src1, 2, "Something Else")
				a.Slug = taken.Slug
				return s.CreateArticle(ctx, a)
			}, store.ErrConflict},
			{"article of unknown source", func() error {
				return s.CreateArticle(ctx, &news.Article{SourceID: 999, Title: "Orphan"})
			}, store.ErrConflict},
			{"article of unknown account", func() error {
				return s.CreateArticle(ctx, &news.Article{SourceID: f.src1.ID, AccountID: 999, Title: "Orphan"})
			}, store.ErrConflict},
			{"source without name", func() error { return s.CreateSource(ctx, &news.Source{Name: "  "}) }, store.ErrInvalid},
			{"account without name", func() error { return s.CreateAccount(ctx, &news.Account{}) }, store.ErrInvalid},
			{"article without title", func() error {
				return s.CreateArticle(ctx, &news.Article{SourceID: f.src1.ID})
			}, store.ErrInvalid},
			{"article without source", func() error { return s.CreateArticle(ctx, &news.Article{Title: "T"}) }, store.ErrInvalid},
			{"unknown status", func() error {
				return s.CreateArticle(ctx, &news.Article{SourceID: f.src1.ID, Title: "T", Status: "secret"})
			}, store.ErrInvalid},
			{"tag without name or slug", func() error {
				return s.CreateArticle(ctx, &news.Article{SourceID: f.src1.ID, Title: "T", Tags: []news.Tag{{Name: "!!"}}})
			}, store.ErrInvalid},
			{"negative limit", func() error { _, _, err := s.Articles(ctx, store.ArticleFilter{Limit: -1}); return err }, store.ErrInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if err := tt.call(); !errors.Is(err, tt.want) {
					t.Errorf("err = %v, want %v", err, tt.want)
				}
			})
		}
		// Nothing of the refused writes was stored.
		if n, err := s.CountArticles(ctx); err != nil || n != 1 {
			t.Errorf("CountArticles = %d, %v; want 1", n, err)
		}
		if tags, err := s.Tags(ctx); err != nil || len(tags) != 2 {
			t.Errorf("Tags = %v, %v; want the 2 of the first article", tags, err)
		}
	})
}
