package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"newshound/internal/ingest"
	"newshound/internal/ingest/ingesttest"
	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestImportURL(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		site := ingesttest.NewSite(t)
		st1 := ingesttest.NewStory(21, 1, 6, c.Now().Add(-time.Hour))
		st2 := ingesttest.NewStory(22, 2, 6, c.Now().Add(-2*time.Hour))
		site.Article("/one", "The Test Chronicle", st1)
		site.Article("/two", "The Test Chronicle", st2)
		site.Static("/empty", "text/html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
		in := newIngester(t, s, c)

		a, matched, err := in.ImportURL(ctx, site.URL+"/one?utm_source=newsletter")
		if err != nil {
			t.Fatal(err)
		}
		if matched != store.MatchOriginal || a.Title != st1.Title || a.Slug == "" {
			t.Fatalf("imported %q (%s) as %q", a.Title, matched, a.Slug)
		}
		src, err := s.Source(ctx, a.SourceID)
		if err != nil || src.Name != "The Test Chronicle" || src.HomepageURL != site.URL+"/" {
			t.Fatalf("source %+v, %v; want one named from og:site_name", src, err)
		}
		if len(a.Authors) == 0 || a.Authors[0].Name != st1.Author || !a.PublishedAt.Equal(st1.Published) {
			t.Errorf("attribution: authors %+v, published %v", a.Authors, a.PublishedAt)
		}
		again, matched, err := in.ImportURL(ctx, site.URL+"/one")
		if err != nil || matched != store.MatchURL || again.ID != a.ID {
			t.Errorf("second import: %d %s %v; want the same article by URL", again.ID, matched, err)
		}
		b, _, err := in.ImportURL(ctx, site.URL+"/two")
		if err != nil || b.SourceID != a.SourceID {
			t.Errorf("another page of the site: source %d, %v; want source %d", b.SourceID, err, a.SourceID)
		}
		if _, _, err := in.ImportURL(ctx, site.URL+"/empty"); err == nil {
			t.Error("a page without an article was imported")
		}
		if _, _, err := in.ImportURL(ctx, site.URL+"/missing"); err == nil || !strings.Contains(err.Error(), "404") {
			t.Errorf("missing page: %v", err)
		}
		if n, _ := s.CountArticles(ctx); n != 2 {
			t.Errorf("%d articles, want 2", n)
		}
	})
}

// The fetcher refuses private addresses unless told otherwise.
func TestImportRefusesPrivateAddresses(t *testing.T) {
	s := storetest.SQLite(t)
	site := ingesttest.NewSite(t)
	site.Article("/one", "Local", ingesttest.NewStory(1, 1, 5, time.Now()))
	in := newIngesterStrict(t, s)
	_, _, err := in.ImportURL(context.Background(), site.URL+"/one")
	if err == nil || !strings.Contains(err.Error(), "not public") {
		t.Fatalf("import from 127.0.0.1 = %v, want refused", err)
	}
	if _, _, err := in.AddSource(context.Background(), site.URL+"/one", ""); err == nil {
		t.Fatal("a source on 127.0.0.1 was added")
	}
}

func TestReextractUsesStoredPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		site := ingesttest.NewSite(t)
		st := ingesttest.NewStory(31, 2, 6, c.Now().Add(-time.Hour))
		item := site.Article("/tram", "Tram Times", st)
		site.Feed("/feed.xml", "Tram Times", []ingesttest.Item{item})
		in := newIngester(t, s, c)
		src, _, err := in.AddSource(ctx, site.URL+"/feed.xml", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.RunOnce(ctx, false, nil); err != nil {
			t.Fatal(err)
		}
		a := allArticles(t, s)[0]
		want := a.BodyHTML
		a.BodyHTML, a.BodyText = "<p>stale</p>", "stale"
		if err := s.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		hits := site.Hits("/tram")
		r, err := in.Reextract(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Updated != 1 || r.Failed != 0 {
			t.Errorf("reextract %+v", r)
		}
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.BodyHTML != want || got.Slug != a.Slug || got.SourceID != src.ID {
			t.Errorf("after reextract: body restored %v, slug %q, source %d", got.BodyHTML == want, got.Slug, got.SourceID)
		}
		if site.Hits("/tram") != hits {
			t.Error("reextract fetched the page")
		}
		if _, err := in.Reextract(ctx, src.ID+100); err != nil {
			t.Errorf("reextract of a source without articles: %v", err)
		}
	})
}

// Articles are credited to the site's first account when it has one.
func TestCreditsExistingAccount(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	acc := news.Account{Name: "Our Desk"}
	if err := s.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	id, err := ingest.DefaultAccount(ctx, s)
	if err != nil || id != acc.ID {
		t.Fatalf("DefaultAccount = %d, %v; want %d", id, err, acc.ID)
	}
	if _, err := s.Account(ctx, id); errors.Is(err, store.ErrNotFound) {
		t.Fatal("account missing")
	}
}

// An entry whose feed says it was updated is fetched again and the stored
// article replaced, keeping its slug; an unchanged entry is not.
func TestUpdatedEntryReplacesArticle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		site := ingesttest.NewSite(t)
		st := ingesttest.NewStory(88, 0, 6, c.Now().Add(-5*time.Hour))
		atom := func(updated time.Time) string {
			return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Quay Notes</title><id>urn:quay</id><updated>` + updated.Format(time.RFC3339) + `</updated>
<link href="` + site.URL + `/"/>
<entry><title>` + st.Title + `</title><id>urn:quay:1</id><link href="` + site.URL + `/q"/>
<published>` + st.Published.Format(time.RFC3339) + `</published><updated>` + updated.Format(time.RFC3339) + `</updated></entry></feed>`
		}
		site.Static("/q", "text/html", st.Page("Quay Notes"))
		first := c.Now().Add(-4 * time.Hour)
		site.Static("/atom.xml", "application/atom+xml", atom(first))
		in := newIngester(t, s, c)
		if _, _, err := in.AddSource(ctx, site.URL+"/atom.xml", ""); err != nil {
			t.Fatal(err)
		}
		if p, err := in.RunOnce(ctx, false, nil); err != nil || p.New != 1 {
			t.Fatalf("first run %+v, %v", p, err)
		}
		before := allArticles(t, s)[0]

		// Same update time: nothing fetched again.
		hits := site.Hits("/q")
		if p, err := in.RunOnce(ctx, true, nil); err != nil || p.Updated != 0 || site.Hits("/q") != hits {
			t.Fatalf("unchanged entry: %+v, %v, page hits %d -> %d", p, err, hits, site.Hits("/q"))
		}

		// The story is corrected and the feed says so.
		st.Paras[1] = "Correction: the harbour council approved the dredging budget on Tuesday, not Monday as first reported."
		site.Static("/q", "text/html", st.Page("Quay Notes"))
		site.Static("/atom.xml", "application/atom+xml", atom(c.Now().Add(-time.Hour)))
		p, err := in.RunOnce(ctx, true, nil)
		if err != nil || p.Updated != 1 || p.New != 0 {
			t.Fatalf("updated entry: %+v, %v", p, err)
		}
		arts := allArticles(t, s)
		if len(arts) != 1 {
			t.Fatalf("%d articles after an update, want 1", len(arts))
		}
		after := arts[0]
		if after.ID != before.ID || after.Slug != before.Slug || !strings.Contains(after.BodyText, "Correction:") {
			t.Errorf("after update: id %d->%d slug %q->%q, correction in body: %v", before.ID, after.ID,
				before.Slug, after.Slug, strings.Contains(after.BodyText, "Correction:"))
		}
		if !after.PublishedAt.Equal(before.PublishedAt) {
			t.Errorf("published time changed from %v to %v", before.PublishedAt, after.PublishedAt)
		}
	})
}

// A page whose extraction is thin (a script-rendered shell) gives way to
// the feed's full content, marked as such; reextract keeps it.
func TestThinPageUsesFeedContent(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	c := newClock()
	site := ingesttest.NewSite(t)
	st := ingesttest.NewStory(95, 3, 6, c.Now().Add(-time.Hour))
	site.Static("/app", "text/html", `<html><head><title>`+st.Title+`</title></head><body><div id="root">Loading…</div><script src="/app.js"></script></body></html>`)
	site.Feed("/feed.xml", "Shell News", []ingesttest.Item{{Title: st.Title, Link: site.URL + "/app", GUID: "a1",
		Published: st.Published, Author: st.Author, Content: "<p>" + strings.Join(st.Paras, "</p><p>") + "</p>"}})
	in := newIngester(t, s, c)
	src, _, err := in.AddSource(ctx, site.URL+"/feed.xml", "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := in.RunOnce(ctx, false, nil)
	if err != nil || p.New != 1 || p.FromFeed != 1 {
		t.Fatalf("run %+v, %v; want 1 new from the feed", p, err)
	}
	a := allArticles(t, s)[0]
	if !strings.Contains(a.BodyText, st.Paras[5]) || strings.Contains(a.BodyText, "Loading") {
		t.Errorf("body is not the feed's content: %q", a.BodyText)
	}
	if len(a.Authors) == 0 || a.Authors[0].Name != st.Author {
		t.Errorf("authors %+v, want the feed's %s", a.Authors, st.Author)
	}
	pg, err := s.IngestedPage(ctx, a.ID)
	if err != nil || pg.ContentSource != ingest.FromFeed || len(pg.PageGz) == 0 {
		t.Fatalf("ingest record %q with %d bytes of page, %v; want feed content and the page kept", pg.ContentSource, len(pg.PageGz), err)
	}
	r, err := in.Reextract(ctx, src.ID)
	if err != nil || r.FromFeed != 1 || r.Updated != 0 {
		t.Errorf("reextract %+v, %v; want the feed's content kept", r, err)
	}
	if again, _ := s.Article(ctx, a.ID); again.BodyText != a.BodyText {
		t.Error("reextract replaced the feed's content with the thin page")
	}
}

// An article that reached the site another way (import, the demo) is not
// ingested again from a feed listing its URL; articles without a URL do
// not match everything.
func TestKnownOriginalURLIsDuplicate(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	c := newClock()
	site := ingesttest.NewSite(t)
	st := ingesttest.NewStory(97, 1, 6, c.Now().Add(-time.Hour))
	other := ingesttest.NewStory(98, 2, 6, c.Now().Add(-time.Hour))
	item := site.Article("/known", "Known Times", st)
	site.Feed("/feed.xml", "Known Times", []ingesttest.Item{item, site.Article("/new", "Known Times", other)})
	src := news.Source{Name: "Imported"}
	if err := s.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	for _, a := range []news.Article{
		{SourceID: src.ID, Title: "Imported copy", OriginalURL: site.URL + "/known", BodyText: "x"},
		{SourceID: src.ID, Title: "Written here, no URL", BodyText: "y"},
	} {
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	in := newIngester(t, s, c)
	if _, _, err := in.AddSource(ctx, site.URL+"/feed.xml", ""); err != nil {
		t.Fatal(err)
	}
	p, err := in.RunOnce(ctx, false, nil)
	if err != nil || p.New != 1 || p.Duplicates != 1 {
		t.Fatalf("run %+v, %v; want the known URL a duplicate and the other new", p, err)
	}
}
