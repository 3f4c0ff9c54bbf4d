package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"

	"newshound/internal/ingest"
	"newshound/internal/ingest/ingesttest"
	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// addFeed subscribes to path on site without fetching it (hostile feeds
// cannot be added by AddSource, which checks them), due now.
func addFeed(t *testing.T, s *store.Store, site *ingesttest.Site, name, path string, now time.Time) int64 {
	t.Helper()
	src := news.Source{Name: name, HomepageURL: site.URL + "/", FeedURL: site.URL + path}
	sf := store.SourceFeed{Kind: store.KindFeed, URL: site.URL + path, NextPollAt: now}
	if err := s.CreatePolledSource(context.Background(), &src, &sf); err != nil {
		t.Fatal(err)
	}
	return src.ID
}

// bombMember is one gzip member inflating to a mebibyte of zeros (about
// a kilobyte compressed), made once.
var bombMember = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return b.Bytes()
})

// gzipBomb streams a gzip body that inflates to a gigabyte of zeros: 1,024
// concatenated members, which gzip readers read as one stream. Sending it
// costs the server about a megabyte; the client gives up long before the
// end, which ends the handler too.
func gzipBomb(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Header().Set("Content-Encoding", "gzip")
	// The headers go first: the client allows them a second, and under
	// -race on a busy machine compressing the member has taken longer.
	w.WriteHeader(http.StatusOK)
	http.NewResponseController(w).Flush()
	member := bombMember()
	for range 1024 {
		if _, err := w.Write(member); err != nil || r.Context().Err() != nil {
			return
		}
	}
}

func TestHostileFeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		site := ingesttest.NewSite(t)
		site.Handle("/429", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "7200")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		})
		site.Handle("/500", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		})
		site.Handle("/slow", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		})
		site.Handle("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
		site.Handle("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
		site.Static("/broken.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Half</title><item><title>Cut off`)
		bombMember() // made before the clock that limits the fetch starts
		site.Handle("/bomb.xml", gzipBomb)

		cases := []struct {
			path      string
			wantError string        // in the source's last error
			minNext   time.Duration // next poll at least this far
		}{
			{"/429", "429", 2 * time.Hour},
			{"/500", "500", ingest.DefaultMinInterval},
			{"/slow", "timed out", ingest.DefaultMinInterval},
			{"/loop-a", "redirect", ingest.DefaultMinInterval},
			{"/broken.xml", "malformed", ingest.DefaultMinInterval},
			{"/bomb.xml", "too large", ingest.DefaultMinInterval},
		}
		c := newClock()
		ids := map[string]int64{}
		for _, tc := range cases {
			ids[tc.path] = addFeed(t, s, site, "Hostile "+tc.path, tc.path, c.Now())
		}
		in := newIngester(t, s, c)
		p, err := in.RunOnce(ctx, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.SourcesDone != len(cases) || p.SourcesError != len(cases) || p.New != 0 {
			t.Fatalf("progress %+v, want every poll failed and nothing stored", p)
		}
		for _, tc := range cases {
			t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
				f := sourceFeed(t, s, ids[tc.path])
				if !strings.Contains(f.LastError, tc.wantError) {
					t.Errorf("last error %q, want it to mention %q", f.LastError, tc.wantError)
				}
				if f.Failures != 1 || f.Paused || !f.LastErrorAt.Equal(c.Now()) || !f.LastSuccessAt.IsZero() {
					t.Errorf("state %+v", f)
				}
				if d := f.NextPollAt.Sub(c.Now()); d < tc.minNext || d > ingest.DefaultMaxInterval {
					t.Errorf("next poll in %v, want at least %v", d, tc.minNext)
				}
				n, _, err := s.Articles(ctx, store.ArticleFilter{SourceID: ids[tc.path], AnyStatus: true})
				if err != nil || len(n) != 0 {
					t.Errorf("articles stored from a broken feed: %d, %v", len(n), err)
				}
			})
		}

		// Backoff doubles, and the third failure in a row pauses the
		// source with its reason; a paused source is not polled.
		id := ids["/500"]
		prev := sourceFeed(t, s, id).NextPollAt.Sub(c.Now())
		for i := 2; i <= 3; i++ {
			c.Advance(25 * time.Hour)
			if _, err := in.RunOnce(ctx, false, nil); err != nil {
				t.Fatal(err)
			}
			f := sourceFeed(t, s, id)
			if f.Failures != i {
				t.Fatalf("failures = %d, want %d", f.Failures, i)
			}
			if i == 2 {
				if d := f.NextPollAt.Sub(c.Now()); d != 2*prev {
					t.Errorf("second backoff %v, want double the first (%v)", d, prev)
				}
			}
		}
		f := sourceFeed(t, s, id)
		if !f.Paused || !strings.Contains(f.PauseReason, "3 failed polls") || !strings.Contains(f.PauseReason, "500") {
			t.Fatalf("after 3 failures: paused %v, reason %q", f.Paused, f.PauseReason)
		}
		hits := site.Hits("/500")
		c.Advance(48 * time.Hour)
		if _, err := in.RunOnce(ctx, true, nil); err != nil {
			t.Fatal(err)
		}
		if site.Hits("/500") != hits {
			t.Error("a paused source was polled")
		}
		// Resuming makes it due at once and clears the count.
		if err := s.SetSourcePaused(ctx, id, false, ""); err != nil {
			t.Fatal(err)
		}
		if f := sourceFeed(t, s, id); f.Paused || f.Failures != 0 || f.PauseReason != "" {
			t.Errorf("resumed: %+v", f)
		}
	})
}

// Pages in legacy charsets are decoded; a bomb of a page or a page gone
// missing falls back to the feed's content; a feed with no content for a
// missing page stores nothing and says so.
func TestHostilePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		site := ingesttest.NewSite(t)
		latin := ingesttest.NewStory(41, 2, 6, c.Now().Add(-time.Hour))
		latin.Title = "Café naïve à la gare"
		enc, err := charmap.Windows1252.NewEncoder().String(strings.Replace(latin.Page("Gazette Française"), `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1))
		if err != nil {
			t.Fatal(err)
		}
		site.Handle("/latin", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html") // no charset: the meta says it
			fmt.Fprint(w, enc)
		})
		bombStory := ingesttest.NewStory(42, 0, 6, c.Now().Add(-2*time.Hour))
		bombMember()
		site.Handle("/bomb", gzipBomb)
		goneStory := ingesttest.NewStory(43, 3, 1, c.Now().Add(-3*time.Hour))
		items := []ingesttest.Item{
			{Title: latin.Title, Link: site.URL + "/latin", GUID: "latin", Published: latin.Published},
			{Title: bombStory.Title, Link: site.URL + "/bomb", GUID: "bomb", Published: bombStory.Published,
				Content: "<p>" + strings.Join(bombStory.Paras, "</p><p>") + `</p><script>alert(1)</script><p><img src="/img/quay.png" onerror="steal()"></p>`},
			{Title: goneStory.Title, Link: site.URL + "/gone", GUID: "gone", Published: goneStory.Published},
		}
		site.Feed("/feed.xml", "Mixed", items)
		id := addFeed(t, s, site, "Mixed", "/feed.xml", c.Now())
		in := newIngester(t, s, c)
		p, err := in.RunOnce(ctx, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.New != 2 || p.FromFeed != 1 || p.Failed != 1 {
			t.Fatalf("progress %+v, want 2 new (1 from the feed) and 1 failed", p)
		}
		byURL := map[string]news.Article{}
		for _, a := range allArticles(t, s) {
			byURL[a.OriginalURL] = a
		}
		if a := byURL[site.URL+"/latin"]; a.Title != latin.Title || !strings.Contains(a.BodyText, latin.Paras[2]) {
			t.Errorf("windows-1252 page stored as %q", a.Title)
		}
		b := byURL[site.URL+"/bomb"]
		if !strings.Contains(b.BodyText, bombStory.Paras[4]) {
			t.Errorf("bomb page: body is not the feed's content: %q", b.BodyText)
		}
		if strings.Contains(b.BodyHTML, "script") || strings.Contains(b.BodyHTML, "onerror") ||
			!strings.Contains(b.BodyHTML, `src="`+site.URL+`/img/quay.png"`) {
			t.Errorf("feed content not sanitized or its links not absolute:\n%s", b.BodyHTML)
		}
		if pg, err := s.IngestedPage(ctx, b.ID); err != nil || pg.ContentSource != ingest.FromFeed || pg.PageGz != nil {
			t.Errorf("bomb page ingest record: %q, page %d bytes, %v", pg.ContentSource, len(pg.PageGz), err)
		}
		if _, ok := byURL[site.URL+"/gone"]; ok {
			t.Error("an entry with neither page nor content was stored")
		}
		counts, err := s.JobCounts(ctx)
		if err != nil || counts[store.JobDead] != 1 || len(counts) != 1 {
			t.Errorf("jobs %v, %v; want only the missing page's job, dead, for inspection", counts, err)
		}
		var lastErr string
		if err := s.DB().QueryRow(`SELECT last_error FROM jobs`).Scan(&lastErr); err != nil ||
			!strings.Contains(lastErr, "404") || !strings.Contains(lastErr, "no article text") {
			t.Errorf("dead job's error %q (%v), want it to say 404 and no article text", lastErr, err)
		}
		if f := sourceFeed(t, s, id); f.ArticlesImported != 2 {
			t.Errorf("articles imported = %d, want 2", f.ArticlesImported)
		}
	})
}

// A page that answers 500 is retried later, not given up at once.
func TestPageRetry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		site := ingesttest.NewSite(t)
		st := ingesttest.NewStory(77, 1, 6, c.Now().Add(-time.Hour))
		var fail atomic.Bool
		fail.Store(true)
		page := st.Page("Flaky Times")
		site.Handle("/flaky", func(w http.ResponseWriter, r *http.Request) {
			if fail.Load() {
				w.Header().Set("Retry-After", "120")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, page)
		})
		site.Feed("/feed.xml", "Flaky Times", []ingesttest.Item{{Title: st.Title, Link: site.URL + "/flaky", GUID: "f1", Published: st.Published}})
		addFeed(t, s, site, "Flaky Times", "/feed.xml", c.Now())
		in := newIngester(t, s, c)
		p, err := in.RunOnce(ctx, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.New != 0 || p.Failed != 1 {
			t.Fatalf("first run %+v, want the page failed", p)
		}
		counts, _ := s.JobCounts(ctx)
		if counts[store.JobQueued] != 1 {
			t.Fatalf("jobs %v, want the page queued for a retry", counts)
		}
		fail.Store(false)
		c.Advance(time.Minute) // before Retry-After: not yet
		if p, _ := in.RunOnce(ctx, false, nil); p.New != 0 {
			t.Fatalf("retried before Retry-After: %+v", p)
		}
		c.Advance(2 * time.Minute)
		p, err = in.RunOnce(ctx, false, nil)
		if err != nil || p.New != 1 {
			t.Fatalf("retry run %+v, %v; want the article stored", p, err)
		}
	})
}

// A feed in ISO-8859-1 (said only by its XML declaration) and a page in
// Shift_JIS (said only by its meta tag) are both read correctly.
func TestLegacyCharsets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		site := ingesttest.NewSite(t)
		st := ingesttest.NewStory(51, 0, 6, c.Now().Add(-time.Hour))
		st.Title = "港の予算が承認された"
		page := strings.NewReplacer(`<meta charset="utf-8">`, `<meta charset="shift_jis">`, "©", "(c)").Replace(st.Page("港新聞"))
		sjis, err := japanese.ShiftJIS.NewEncoder().String(page)
		if err != nil {
			t.Fatal(err)
		}
		site.Handle("/sjis", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, sjis)
		})
		feed := strings.Replace(ingesttest.RSS("Gazette du Marché", site.URL+"/", []ingesttest.Item{
			{Title: "Über die Straße", Link: site.URL + "/sjis", GUID: "s1", Published: st.Published},
		}), `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
		latin1, err := charmap.ISO8859_1.NewEncoder().String(feed)
		if err != nil {
			t.Fatal(err)
		}
		site.Handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, latin1)
		})
		in := newIngester(t, s, c)
		src, _, err := in.AddSource(ctx, site.URL+"/feed.xml", "")
		if err != nil {
			t.Fatal(err)
		}
		if src.Name != "Gazette du Marché" {
			t.Errorf("source name %q from an ISO-8859-1 feed", src.Name)
		}
		if p, err := in.RunOnce(ctx, false, nil); err != nil || p.New != 1 {
			t.Fatalf("run %+v, %v", p, err)
		}
		a := allArticles(t, s)[0]
		if a.Title != st.Title || a.SiteName != "港新聞" || !strings.Contains(a.BodyText, st.Paras[1]) {
			t.Errorf("Shift_JIS page stored as title %q, site %q", a.Title, a.SiteName)
		}
	})
}
