package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestHeadStandfirst(t *testing.T) {
	for _, c := range []struct {
		standfirst, body string
		shown            bool
	}{
		{"The council voted to close the pool.", "The council voted to close the pool.\n\nMore followed.", false},
		{"The council voted to close the…", "The council voted to close the pool on Monday.\n\nMore.", false},
		{"“Close it,” the council said", "\"Close it\", the council said — and it did.", false},
		{"A pool closes", "The council voted to close the pool.", true},
		{"The cat", "The catalogue of the museum grew.", true},
		{"The council voted.", "The pool at dusk.\n\nThe council voted.\n\nMore.", false},
		{"The council voted.", "One.\n\nTwo.\n\nThree.\n\nThe council voted.", true},
		{"", "Body.", true},
		{"Standfirst only.", "", true},
	} {
		a := news.Article{Standfirst: c.standfirst, BodyText: c.body}
		got := headStandfirst(a)
		if shown := got != ""; shown != c.shown && c.standfirst != "" {
			t.Errorf("standfirst %q over body %q: shown %v, want %v", c.standfirst, c.body, shown, c.shown)
		}
	}
}

func TestHeadImage(t *testing.T) {
	lead := &news.Figure{ImageURL: "https://img.example/a/pool.jpg?w=1200&crop=1", Alt: "The pool"}
	for _, c := range []struct {
		body  string
		shown bool
	}{
		{`<figure><img src="https://img.example/a/pool.jpg?w=640&amp;q=80"/></figure><p>Text.</p>`, false},
		{`<p>Text.</p><figure><img src="https://img.example/a/pool.jpg"/></figure>`, false},
		{`<figure><img src="https://img.example/a/other.jpg"/></figure><p>Text.</p>`, true},
		{`<p>Text about pool.jpg, src="nothing"</p>`, true},
		{`<p>Text.</p>`, true},
	} {
		got := headImage(news.Article{LeadImage: lead, BodyHTML: c.body})
		if shown := got != nil; shown != c.shown {
			t.Errorf("body %q: lead image shown %v, want %v", c.body, shown, c.shown)
		}
	}
	if headImage(news.Article{BodyHTML: `<img src="x">`}) != nil {
		t.Error("an article without a lead image got one")
	}
}

// An article page shows the standfirst and the lead picture once: in the
// header, or in the body when the source set them there. The page's
// metadata keeps both either way.
func TestArticleHeaderLeavesOutWhatTheBodyHolds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		src := news.Source{Name: "Harbour Gazette", HomepageURL: "https://gazette.example/"}
		if err := s.CreateSource(ctx, &src); err != nil {
			t.Fatal(err)
		}
		lead := news.Figure{ImageURL: "https://gazette.example/img/pier.jpg?w=1200", Alt: "The pier at dawn", Caption: "The pier."}
		inBody := news.Article{
			SourceID: src.ID, Title: "Pier reopens", OriginalURL: "https://gazette.example/pier",
			Standfirst: "The old pier reopened on Saturday after two years of repairs.",
			LeadImage:  &lead,
			BodyHTML: `<p>The old pier reopened on Saturday after two years of repairs.</p>` +
				`<figure><img src="https://gazette.example/img/pier.jpg?w=800" alt="The pier at dawn"/><figcaption>The pier.</figcaption></figure>` +
				`<p>Crowds walked its length by noon.</p>`,
			BodyText: "The old pier reopened on Saturday after two years of repairs.\n\nThe pier.\n\nCrowds walked its length by noon.",
		}
		apart := inBody
		apart.Title, apart.OriginalURL = "Ferry timetable changes", "https://gazette.example/ferry"
		apart.Standfirst = "Winter sailings start a week early."
		apart.BodyHTML = `<p>The ferry company moved its winter timetable forward by a week.</p>`
		apart.BodyText = "The ferry company moved its winter timetable forward by a week."
		for _, a := range []*news.Article{&inBody, &apart} {
			if err := s.CreateArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		srv, err := New(Config{Store: s})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		defer ts.Close()

		for _, c := range []struct {
			a           news.Article
			headerHolds bool
		}{{inBody, false}, {apart, true}} {
			status, _, page := get(t, ts, "/a/"+c.a.Slug)
			if status != 200 {
				t.Fatalf("%s: status %d", c.a.Title, status)
			}
			head, _, _ := strings.Cut(page, `<div class="body">`)
			if got := strings.Contains(head, `class="standfirst"`); got != c.headerHolds {
				t.Errorf("%s: header shows the standfirst %v, want %v", c.a.Title, got, c.headerHolds)
			}
			if got := strings.Contains(head, `<figure`); got != c.headerHolds {
				t.Errorf("%s: header shows the lead picture %v, want %v", c.a.Title, got, c.headerHolds)
			}
			for _, meta := range []string{`property="og:image" content="https://gazette.example/img/pier.jpg?w=1200"`, `name="description" content="` + escaped(c.a.Standfirst)} {
				if !strings.Contains(page, meta) {
					t.Errorf("%s: metadata lacks %s", c.a.Title, meta)
				}
			}
		}
	})
}
