package ingest_test

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"newshound/internal/ingest"
	"newshound/internal/ingest/ingesttest"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://News.Example/a/story", "https://news.example/a/story"},
		{"http://news.example:80/a/story/", "https://news.example/a/story"},
		{"https://news.example:443/a/story#comments", "https://news.example/a/story"},
		{"https://news.example/a/story?utm_source=rss&utm_medium=feed", "https://news.example/a/story"},
		{"https://news.example/a/story?fbclid=x1&gclid=y2&mc_cid=z&ref=home", "https://news.example/a/story"},
		{"https://news.example/a?b=2&a=1&utm_campaign=c", "https://news.example/a?a=1&b=2"},
		{"https://news.example", "https://news.example/"},
		{"https://news.example/", "https://news.example/"},
		{"https://news.example:8080/x", "https://news.example:8080/x"},
		{"https://news.example/a/./b/../c", "https://news.example/a/c"},
		{"https://user:pw@news.example/a", "https://news.example/a"},
		{"  https://news.example/a  ", "https://news.example/a"},
		{"not a url", "not a url"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := ingest.NormalizeURL(tc.in); got != tc.want {
				t.Errorf("NormalizeURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFingerprints(t *testing.T) {
	base := ingesttest.NewStory(1, 0, 8, time.Now())
	footer := "This story first appeared in the Harbour Gazette and is republished here under a sharing agreement. Sign up for our weekly newsletter for more local news from the waterfront."
	sameTopic := ingesttest.NewStory(2, 0, 8, time.Now())
	// Two sentences in common, as stories on one event share quotes.
	sameTopic.Paras[0] = base.Paras[0]
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", base.Text(), base.Text(), true},
		{"added footer", base.Text(), base.Text() + "\n\n" + footer, true},
		{"dropped last paragraph and new title", "Old title\n" + base.Text(),
			"New title\n" + strings.Join(base.Paras[:7], "\n\n"), true},
		{"same topic, different story", base.Text(), sameTopic.Text(), false},
		{"different topic", base.Text(), ingesttest.NewStory(3, 2, 8, time.Now()).Text(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := ingest.MinHash(tc.a), ingest.MinHash(tc.b)
			sim := ingest.Similarity(a, b)
			t.Logf("similarity %.2f", sim)
			if ingest.Same(a, b) != tc.same {
				t.Errorf("Same = %v (similarity %.2f), want %v", !tc.same, sim, tc.same)
			}
			// Near-duplicates must also meet as candidates: share a band.
			if tc.same && !shareBand(a.Bands(), b.Bands()) {
				t.Errorf("near-duplicates share no band; they would never be compared")
			}
			// Stored and read back, a signature is the same.
			if diff := gocmp.Diff(a, ingest.SignatureFrom(a.Bytes())); diff != "" {
				t.Errorf("signature round trip (-want +got):\n%s", diff)
			}
		})
	}
	if ingest.MinHash("too short to tell") != nil {
		t.Error("a few words got a signature")
	}
	if ingest.ExactFingerprint("Hello,  World!") != ingest.ExactFingerprint("hello world") {
		t.Error("exact fingerprint depends on case or punctuation")
	}
}

func shareBand(a, b []int64) bool {
	for i := range a {
		if i < len(b) && a[i] == b[i] {
			return true
		}
	}
	return false
}

// One story carried by three sources (the original, a syndicated copy
// with a footer under another URL, a link with tracking parameters) is
// stored once, and every carrier is recorded; a different story on the
// same topic is stored too. A feed that changes its GUIDs but keeps its
// URLs brings nothing new.
func TestDedupeAcrossSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		a := ingesttest.NewSite(t)
		b := ingesttest.NewSite(t)
		story := ingesttest.NewStory(10, 0, 8, c.Now().Add(-3*time.Hour))
		other := ingesttest.NewStory(11, 0, 8, c.Now().Add(-2*time.Hour))
		other.Paras[0] = story.Paras[0]
		origItem := a.Article("/harbour/budget", "Harbour Gazette", story)
		otherItem := a.Article("/harbour/ferry", "Harbour Gazette", other)
		a.Feed("/feed.xml", "Harbour Gazette", []ingesttest.Item{origItem, otherItem})

		copyStory := story
		copyStory.Title = "Syndicated: " + story.Title
		copyItem := b.Article("/wire/12345", "Coast Wire", copyStory,
			"This story first appeared in the Harbour Gazette and is republished under a sharing agreement.")
		tracked := origItem
		tracked.GUID = "wire-link-1"
		tracked.Link = strings.Replace(origItem.Link, "http://", "HTTP://", 1) + "/?utm_source=wire&fbclid=abc"
		ownStory := ingesttest.NewStory(12, 3, 6, c.Now().Add(-time.Hour))
		own := b.Article("/wire/own", "Coast Wire", ownStory)
		b.Feed("/feed.xml", "Coast Wire", []ingesttest.Item{copyItem, tracked, own})

		in := newIngester(t, s, c, func(o *ingest.Options) { o.Workers = 1 }) // A's feed first, for a stable original
		srcA, _, err := in.AddSource(ctx, a.URL+"/feed.xml", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.RunOnce(ctx, false, nil); err != nil {
			t.Fatal(err)
		}
		srcB, _, err := in.AddSource(ctx, b.URL+"/feed.xml", "")
		if err != nil {
			t.Fatal(err)
		}
		p, err := in.RunOnce(ctx, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.New != 1 || p.Duplicates != 2 {
			t.Errorf("second source: %+v, want 1 new and 2 duplicates", p)
		}
		arts := allArticles(t, s)
		var titles []string
		for _, x := range arts {
			titles = append(titles, x.Title)
		}
		want := []string{story.Title, other.Title, ownStory.Title}
		if diff := gocmp.Diff(want, titles); diff != "" {
			t.Fatalf("stored titles (-want +got):\n%s", diff)
		}
		carriers, err := s.Carriers(ctx, arts[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		wantC := []store.Carrier{
			{SourceID: srcA.ID, URL: ingest.NormalizeURL(origItem.Link), MatchedBy: store.MatchOriginal},
			{SourceID: srcB.ID, URL: ingest.NormalizeURL(copyItem.Link), MatchedBy: store.MatchContent},
			{SourceID: srcB.ID, URL: ingest.NormalizeURL(origItem.Link), MatchedBy: store.MatchURL},
		}
		sortCarriers(carriers)
		sortCarriers(wantC)
		if diff := gocmp.Diff(wantC, carriers); diff != "" {
			t.Errorf("carriers (-want +got):\n%s", diff)
		}

		// Source A republishes its feed with new GUIDs for the same URLs.
		origItem.GUID, otherItem.GUID = "urn:new:1", "urn:new:2"
		a.Feed("/feed.xml", "Harbour Gazette", []ingesttest.Item{origItem, otherItem})
		hits := a.Hits("/harbour/budget")
		p, err = in.RunOnce(ctx, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.New != 0 || p.Duplicates != 0 || a.Hits("/harbour/budget") != hits {
			t.Errorf("changed GUIDs: %+v, page fetched again: %v", p, a.Hits("/harbour/budget") != hits)
		}
		if n, _ := s.CountArticles(ctx); n != 3 {
			t.Errorf("%d articles, want 3", n)
		}
	})
}

// Extracting a page again recomputes the article's content signature from
// the new text: a later copy of the page's story is caught as a duplicate,
// while a copy of the text the article had before is not.
func TestReextractRefreshesFingerprint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		a := ingesttest.NewSite(t)
		b := ingesttest.NewSite(t)
		story := ingesttest.NewStory(40, 1, 8, c.Now().Add(-3*time.Hour))
		a.Feed("/feed.xml", "Harbour Gazette", []ingesttest.Item{a.Article("/tides", "Harbour Gazette", story)})
		in := newIngester(t, s, c, func(o *ingest.Options) { o.Workers = 1 })
		srcA, _, err := in.AddSource(ctx, a.URL+"/feed.xml", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.RunOnce(ctx, false, nil); err != nil {
			t.Fatal(err)
		}
		// As if stored by an older extractor that kept other text: the
		// body and its signature are of another story.
		stale := ingesttest.NewStory(41, 3, 8, c.Now().Add(-4*time.Hour))
		art := allArticles(t, s)[0]
		art.BodyHTML, art.BodyText = "<p>"+stale.Text()+"</p>", stale.Text()
		sig := ingest.MinHash(art.Title + "\n" + art.BodyText)
		if err := s.SaveReextracted(ctx, &art, ingest.FromPage, sig.Bytes(), sig.Bands()); err != nil {
			t.Fatal(err)
		}
		if r, err := in.Reextract(ctx, srcA.ID); err != nil || r.Updated != 1 {
			t.Fatalf("reextract: %+v, %v", r, err)
		}

		copyStory := story
		copyStory.Title = "Syndicated: " + story.Title
		copyItem := b.Article("/wire/tides", "Coast Wire", copyStory, "Republished under a sharing agreement.")
		staleItem := b.Article("/wire/other", "Coast Wire", stale)
		b.Feed("/feed.xml", "Coast Wire", []ingesttest.Item{copyItem, staleItem})
		if _, _, err := in.AddSource(ctx, b.URL+"/feed.xml", ""); err != nil {
			t.Fatal(err)
		}
		p, err := in.RunOnce(ctx, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		carriers, err := s.Carriers(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		var byContent []string
		for _, cr := range carriers {
			if cr.MatchedBy == store.MatchContent {
				byContent = append(byContent, cr.URL)
			}
		}
		want := []string{ingest.NormalizeURL(copyItem.Link)}
		if p.New != 1 || p.Duplicates != 1 || !slices.Equal(byContent, want) {
			t.Errorf("after reextract: %+v, matched by content %v; want 1 new, 1 duplicate, matched %v", p, byContent, want)
		}
	})
}

func sortCarriers(cs []store.Carrier) {
	slices.SortFunc(cs, func(x, y store.Carrier) int {
		return cmp.Or(cmp.Compare(x.SourceID, y.SourceID), strings.Compare(x.URL, y.URL))
	})
}

// Copies of one story arriving from many sources at once, on concurrent
// workers, are still stored once.
func TestConcurrentCopiesStoredOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		story := ingesttest.NewStory(60, 1, 8, c.Now().Add(-time.Hour))
		const copies = 6
		for i := range copies {
			site := ingesttest.NewSite(t)
			name := "Wire " + string(rune('A'+i))
			item := site.Article("/copy", name, story, "Distributed by "+name+".")
			site.Feed("/feed.xml", name, []ingesttest.Item{item})
			addFeed(t, s, site, name, "/feed.xml", c.Now())
		}
		in := newIngester(t, s, c, func(o *ingest.Options) { o.Workers = copies })
		p, err := in.RunOnce(ctx, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.New != 1 || p.Duplicates != copies-1 {
			t.Fatalf("progress %+v, want 1 new and %d duplicates", p, copies-1)
		}
		arts := allArticles(t, s)
		if len(arts) != 1 {
			t.Fatalf("%d articles, want 1", len(arts))
		}
		carriers, err := s.Carriers(ctx, arts[0].ID)
		if err != nil || len(carriers) != copies {
			t.Errorf("carriers %+v, %v; want %d", carriers, err, copies)
		}
	})
}
