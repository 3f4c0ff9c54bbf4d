package demo

import (
	"context"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/extract"
	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestSeed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seeded, err := Seed(ctx, s)
		if err != nil || !seeded {
			t.Fatalf("first Seed: seeded %v, err %v; want true, nil", seeded, err)
		}
		before, err := s.Export(ctx)
		if err != nil {
			t.Fatal(err)
		}
		seeded, err = Seed(ctx, s)
		if err != nil || seeded {
			t.Fatalf("second Seed: seeded %v, err %v; want false, nil", seeded, err)
		}
		after, err := s.Export(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, after); diff != "" {
			t.Errorf("second Seed changed the database (-before +after):\n%s", diff)
		}

		if len(after.Sources) != 2 || len(after.Accounts) != 1 || len(after.Articles) < 12 {
			t.Fatalf("seeded %d sources, %d accounts, %d articles; want 2, 1, >= 12",
				len(after.Sources), len(after.Accounts), len(after.Articles))
		}
		acc := after.Accounts[0]
		if acc.Slug != "news-hound" || acc.Bio == "" || !strings.HasSuffix(acc.AvatarURL, ".svg") {
			t.Errorf("account %+v: want slug news-hound, a bio and an SVG avatar", acc)
		}
		perSource := map[int64]int{}
		for _, a := range after.Articles {
			perSource[a.SourceID]++
			if a.AccountID != acc.ID || !a.Published() || a.Language != "en" {
				t.Errorf("%s: account %d, status %s, language %q", a.Slug, a.AccountID, a.Status, a.Language)
			}
			if a.Slug != news.Slugify(a.Title) {
				t.Errorf("slug %q is not the title's %q", a.Slug, news.Slugify(a.Title))
			}
		}
		if len(perSource) != 2 {
			t.Errorf("articles come from %d sources, want both", len(perSource))
		}
		// The listing works on a seeded store: newest first.
		list, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 3})
		if err != nil || total != len(after.Articles) || len(list) != 3 {
			t.Fatalf("Articles: %d of %d, err %v", len(list), total, err)
		}
		if !list[0].PublishedAt.After(list[1].PublishedAt) {
			t.Errorf("articles not newest first: %v then %v", list[0].PublishedAt, list[1].PublishedAt)
		}
	})
}

// TestSeedBesideExistingSources checks that a site with sources but no
// articles yet still gets the demo, without touching what is there.
func TestSeedBesideExistingSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		mine := news.Source{Name: "The Riverside Chronicle", HomepageURL: "https://mine.example/"}
		if err := s.CreateSource(ctx, &mine); err != nil {
			t.Fatal(err)
		}
		if seeded, err := Seed(ctx, s); err != nil || !seeded {
			t.Fatalf("Seed: seeded %v, err %v", seeded, err)
		}
		got, err := s.Source(ctx, mine.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(mine, got); diff != "" {
			t.Errorf("existing source changed (-want +got):\n%s", diff)
		}
		srcs, err := s.Sources(ctx)
		if err != nil || len(srcs) != 3 {
			t.Fatalf("sources: %d, err %v; want 3", len(srcs), err)
		}
		// A new article after seeding gets a fresh ID (PostgreSQL
		// sequences must have moved past the imported IDs).
		a := news.Article{SourceID: mine.ID, Title: "After the demo"}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	})
}

// TestArticlesAreComplete checks every demo article has what the article
// page is meant to show off, and that every image it names exists.
func TestArticlesAreComplete(t *testing.T) {
	entries, err := loadArticles()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 12 {
		t.Fatalf("%d demo articles, want at least 12", len(entries))
	}
	images := regexp.MustCompile(`src="` + ImagePrefix + `([^"]+)"`)
	refs := regexp.MustCompile(`href="#(fn-\d+)"`)
	titles := map[string]bool{}
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, e := range entries {
		t.Run(e.file, func(t *testing.T) {
			if titles[e.title] {
				t.Errorf("title %q used twice", e.title)
			}
			titles[e.title] = true
			for _, want := range []string{"<h2>", "<figure>", "<figcaption>", `class="credit"`, "<blockquote>", "<footer>—", "<ol>", "<ul>", `<section class="footnotes"`} {
				if !strings.Contains(e.body, want) {
					t.Errorf("body lacks %s", want)
				}
			}
			if strings.Count(e.body, "<p>") < 5 {
				t.Errorf("body has %d paragraphs, want several", strings.Count(e.body, "<p>"))
			}
			// Every footnote reference has its note, and every note links back.
			for _, m := range refs.FindAllStringSubmatch(e.body, -1) {
				id := m[1]
				back := strings.Replace(id, "fn-", "fnref-", 1)
				for _, want := range []string{`<li id="` + id + `">`, `<sup id="` + back + `">`, `href="#` + back + `"`} {
					if !strings.Contains(e.body, want) {
						t.Errorf("footnote %s: body lacks %s", id, want)
					}
				}
			}
			srcs := append(images.FindAllStringSubmatch(e.body, -1), []string{"", strings.TrimPrefix(e.lead.ImageURL, ImagePrefix)})
			for _, m := range srcs {
				if _, err := fs.Stat(Assets(), m[1]); err != nil {
					t.Errorf("image %s: %v", m[1], err)
				}
			}
			a := e.article(now)
			if age := now.Sub(a.PublishedAt); age <= 0 || age > 60*24*time.Hour {
				t.Errorf("published %v before now; want within recent weeks", age)
			}
			if strings.Contains(a.BodyText, "<") || !strings.Contains(a.BodyText, "\n\n") {
				t.Errorf("body text is not plain paragraphs: %.200q", a.BodyText)
			}
		})
	}
}

func TestParseEntryErrors(t *testing.T) {
	good := "title: T\nstandfirst: S\nsource: riverside\nauthors: A <https://a.example/>\ntags: X\nage: 1d 2h\nimage: i.svg\nalt: a\ncaption: c\ncredit: cr\n---\n<p>body</p>\n"
	tests := []struct {
		name, text, want string
	}{
		{"no separator", strings.Replace(good, "---\n", "", 1), `no line "---"`},
		{"unknown key", strings.Replace(good, "title: T", "titel: T", 1), `unknown key "titel"`},
		{"unknown source", strings.Replace(good, "source: riverside", "source: elsewhere", 1), `unknown source "elsewhere"`},
		{"bad age", strings.Replace(good, "age: 1d 2h", "age: yesterday", 1), `bad age "yesterday"`},
		{"missing caption", strings.Replace(good, "caption: c\n", "", 1), "missing caption"},
		{"not key value", strings.Replace(good, "alt: a", "alt a", 1), `line 8: want "key: value"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseEntry("x.html", tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	e, err := parseEntry("x.html", good)
	if err != nil {
		t.Fatal(err)
	}
	want := []news.Author{{Name: "A", URL: "https://a.example/"}}
	if diff := cmp.Diff(want, e.authors); diff != "" || e.age != 26*time.Hour || e.body != "<p>body</p>" {
		t.Errorf("parsed %+v (authors diff %s)", e, diff)
	}
}

func TestPlainText(t *testing.T) {
	got := plainText("<h2>Head</h2>\n<p>One <em>two</em>\n three.</p><ul><li>a</li><li>b</li></ul><blockquote><p>Q</p><footer>— W</footer></blockquote>")
	want := "Head\n\nOne two three.\n\na\n\nb\n\nQ\n\n— W"
	if got != want {
		t.Errorf("plainText:\n%q\nwant\n%q", got, want)
	}
}

// TestSeededBodiesKeepTheirStructure checks that the sanitizer every stored
// body passes through keeps what the site styles and links: credits,
// footnotes with their back-links, and quote attributions.
func TestSeededBodiesKeepTheirStructure(t *testing.T) {
	entries, err := loadArticles()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		body := extract.Sanitize(e.body, "")
		for _, want := range []string{`class="credit"`, `<section class="footnotes"`, `href="#fnref-1"`, `id="fn-1"`, `<footer>`} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: sanitized body lost %s", e.title, want)
			}
		}
		if again := extract.Sanitize(body, ""); again != body {
			t.Errorf("%s: sanitizing twice changes the body, so an export would not import unchanged", e.title)
		}
	}
}
