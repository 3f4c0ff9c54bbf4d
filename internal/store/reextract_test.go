package store_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// TestSaveReextractedReplacesSignature checks that an article extracted
// again takes its new body, content source and content signature together:
// dedupe then finds it by the new signature's bands only, and compares
// against the new signature, while its stored page stays.
func TestSaveReextractedReplacesSignature(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		page := []byte("gzipped page")
		a := f.article(f.src1, 1, "Ferry Timetable Changes")
		a.BodyHTML, a.BodyText = "<p>From the feed.</p>", "From the feed."
		if _, _, err := s.StoreIngested(ctx, store.Ingested{Article: a, URLNorm: a.OriginalURL,
			ContentSource: "feed", PageGz: page, MinHash: []byte("old"), Bands: []int64{11, 12}}); err != nil {
			t.Fatal(err)
		}
		slug := a.Slug

		a.BodyHTML, a.BodyText = "<p>The whole article, extracted again.</p>", "The whole article, extracted again."
		a.Slug = ""
		if err := s.SaveReextracted(ctx, a, "page", []byte("new"), []int64{21, 22}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.BodyText != a.BodyText || got.Slug != slug || a.Slug != slug {
			t.Errorf("after save: body %q, slug %q (returned %q), want %q and %q", got.BodyText, got.Slug, a.Slug, a.BodyText, slug)
		}
		p, err := s.IngestedPage(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.ContentSource != "page" || !bytes.Equal(p.PageGz, page) {
			t.Errorf("ingest record: content source %q, page %q; want page and the page kept", p.ContentSource, p.PageGz)
		}

		// A copy whose signature shares only an old band is not matched:
		// the old bands are gone.
		var compared [][]byte
		same := func(sig []byte) bool { compared = append(compared, sig); return true }
		probe := func(n int, band int64) (int64, string) {
			t.Helper()
			c := f.article(f.src2, n, "Probe")
			id, matched, err := s.StoreIngested(ctx, store.Ingested{Article: c, URLNorm: c.OriginalURL,
				ContentSource: "page", Bands: []int64{band}, Same: same})
			if err != nil {
				t.Fatal(err)
			}
			return id, matched
		}
		if _, matched := probe(2, 12); matched != store.MatchOriginal || len(compared) != 0 {
			t.Errorf("copy sharing an old band: %s after comparing %q, want stored as original, compared with nothing", matched, compared)
		}
		// One that shares a new band is compared with the new signature.
		if id, matched := probe(3, 22); matched != store.MatchContent || id != a.ID {
			t.Errorf("copy sharing a new band: %s of %d, want %s of %d", matched, id, store.MatchContent, a.ID)
		}
		if len(compared) != 1 || string(compared[0]) != "new" {
			t.Errorf("compared with %q, want the new signature only", compared)
		}

		// Only ingested articles have a signature to replace.
		plain := f.create(t, f.article(f.src1, 4, "Typed In By Hand"))
		for _, id := range []int64{plain.ID, 9999} {
			x := *a
			x.ID = id
			if err := s.SaveReextracted(ctx, &x, "page", nil, nil); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("SaveReextracted of article %d = %v, want ErrNotFound", id, err)
			}
		}
	})
}
