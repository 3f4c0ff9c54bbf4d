// Package storebench holds the benchmarks of our hot storage paths, kept
// apart from the tests so the same bodies run on the chosen SQLite driver
// (internal/store's go test -bench) and on the drivers we compared it with
// (bench/sqlitedrivers, a separate module).
package storebench

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"newshound/internal/news"
	"newshound/internal/store"
)

// SiteSize is how many articles Seed stores: a year of a busy small site.
const SiteSize = 2000

// Seed fills s with one source, one account and SiteSize articles of
// realistic size (about 6 KB of body each, three tags, two authors).
func Seed(b *testing.B, s *store.Store) news.Source {
	b.Helper()
	ctx := context.Background()
	src := news.Source{Name: "Bench Gazette", HomepageURL: "https://bench.example/"}
	if err := s.CreateSource(ctx, &src); err != nil {
		b.Fatal(err)
	}
	acc := news.Account{Name: "Bench Hound"}
	if err := s.CreateAccount(ctx, &acc); err != nil {
		b.Fatal(err)
	}
	for i := range SiteSize {
		a := Article(src, acc, i)
		if err := s.CreateArticle(ctx, &a); err != nil {
			b.Fatal(err)
		}
	}
	return src
}

// Article is the i-th generated article of src.
func Article(src news.Source, acc news.Account, i int) news.Article {
	para := strings.Repeat("Words about the harbour, the tides and the town. ", 12)
	body := strings.Repeat("<p>"+para+"</p>", 10)
	return news.Article{
		SourceID:    src.ID,
		AccountID:   acc.ID,
		OriginalURL: fmt.Sprintf("https://bench.example/story/%d", i),
		Title:       fmt.Sprintf("Story number %d about the harbour", i),
		Standfirst:  "A summary that is one sentence long.",
		Authors:     []news.Author{{Name: "Ada Writer"}, {Name: "Ben Reporter"}},
		Language:    "en",
		PublishedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
		FetchedAt:   time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		LeadImage:   &news.Figure{ImageURL: "https://bench.example/a.jpg", Alt: "Boats", Caption: "Boats.", Credit: "Us"},
		BodyHTML:    body,
		BodyText:    strings.Repeat(para+"\n\n", 10),
		Tags:        []news.Tag{{Name: "Harbour"}, {Name: fmt.Sprintf("Topic %d", i%20)}, {Name: "Town"}},
		Fingerprint: fmt.Sprintf("fp%08d", i),
	}
}

// CreateArticle measures storing one article with its authors and tags.
func CreateArticle(b *testing.B, s *store.Store) {
	ctx := context.Background()
	src := news.Source{Name: "Create Bench"}
	if err := s.CreateSource(ctx, &src); err != nil {
		b.Fatal(err)
	}
	acc := news.Account{Name: "Create Hound"}
	if err := s.CreateAccount(ctx, &acc); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := Article(src, acc, i)
		i++
		if err := s.CreateArticle(ctx, &a); err != nil {
			b.Fatal(err)
		}
	}
}

// ArticleBySlug measures the article page's read, on a seeded site.
func ArticleBySlug(b *testing.B, s *store.Store) {
	Seed(b, s)
	ctx := context.Background()
	slugs := make([]string, 64)
	for i := range slugs {
		slugs[i] = news.Slugify(fmt.Sprintf("Story number %d about the harbour", i*SiteSize/len(slugs)))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a, err := s.ArticleBySlug(ctx, slugs[i%len(slugs)])
		if err != nil || len(a.Tags) != 3 {
			b.Fatalf("%v, %d tags", err, len(a.Tags))
		}
		i++
	}
}

// ArticlesPage measures one page of the home page list (20 newest,
// with the total for pagination), on a seeded site; deep pages included.
func ArticlesPage(b *testing.B, s *store.Store) {
	Seed(b, s)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		list, total, err := s.Articles(ctx, store.ArticleFilter{Offset: (i % 10) * 20})
		if err != nil || len(list) != 20 || total != SiteSize {
			b.Fatalf("%v: %d articles of %d", err, len(list), total)
		}
		i++
	}
}

// TagPage measures a tag's list page, which filters through article_tags.
func TagPage(b *testing.B, s *store.Store) {
	Seed(b, s)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		list, total, err := s.Articles(ctx, store.ArticleFilter{TagSlug: "topic-7"})
		if err != nil || len(list) != 20 || total != SiteSize/20 {
			b.Fatalf("%v: %d articles of %d", err, len(list), total)
		}
	}
}
