package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"newshound/internal/ingest/ingesttest"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// The next poll follows the source's posting rate within 5 min .. 24 h,
// and never comes sooner than the feed's TTL or the server's
// Cache-Control max-age or Expires allow.
func TestNextPoll(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock()
		now := c.Now()
		site := ingesttest.NewSite(t)
		// items posted every gap, the newest one gap ago.
		feed := func(n int, gap time.Duration, ttl string) string {
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>` + site.URL + `/</link>` + ttl)
			for i := range n {
				fmt.Fprintf(&b, "<item><title>Item %d</title><link>%s/gone/%d</link><guid>%d</guid><pubDate>%s</pubDate></item>",
					i, site.URL, i, i, now.Add(-time.Duration(i+1)*gap).Format(time.RFC1123Z))
			}
			b.WriteString("</channel></rss>")
			return b.String()
		}
		serve := func(body string, header map[string]string) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				for k, v := range header {
					w.Header().Set(k, v)
				}
				fmt.Fprint(w, body)
			}
		}
		cases := []struct {
			name   string
			h      http.HandlerFunc
			wantGE time.Duration
			wantLE time.Duration
		}{
			{"hourly posts", serve(feed(10, time.Hour, ""), nil), 30 * time.Minute, 40 * time.Minute},
			{"posts every minute: floor", serve(feed(10, time.Minute, ""), nil), 5 * time.Minute, 5 * time.Minute},
			{"weekly posts: ceiling", serve(feed(10, 7*24*time.Hour, ""), nil), 24 * time.Hour, 24 * time.Hour},
			{"one dated post", serve(feed(1, time.Hour, ""), nil), 24 * time.Hour, 24 * time.Hour},
			{"rss ttl", serve(feed(10, time.Minute, "<ttl>180</ttl>"), nil), 3 * time.Hour, 3 * time.Hour},
			{"max-age", serve(feed(10, time.Minute, ""), map[string]string{"Cache-Control": "public, max-age=7200"}), 2 * time.Hour, 2 * time.Hour},
			{"expires", serve(feed(10, time.Minute, ""), map[string]string{"Expires": time.Now().Add(90 * time.Minute).UTC().Format(http.TimeFormat)}), 85 * time.Minute, 95 * time.Minute},
			{"max-age over a day: ceiling", serve(feed(10, time.Minute, ""), map[string]string{"Cache-Control": "max-age=200000"}), 24 * time.Hour, 24 * time.Hour},
		}
		ids := map[string]int64{}
		for i, tc := range cases {
			path := fmt.Sprintf("/feed/%d", i)
			site.Handle(path, tc.h)
			ids[tc.name] = addFeed(t, s, site, tc.name, path, now)
		}
		in := newIngester(t, s, c)
		if _, err := in.RunOnce(ctx, false, nil); err != nil {
			t.Fatal(err)
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				f := sourceFeed(t, s, ids[tc.name])
				if f.LastError != "" {
					t.Fatalf("poll failed: %s", f.LastError)
				}
				if d := f.NextPollAt.Sub(now); d < tc.wantGE || d > tc.wantLE {
					t.Errorf("next poll in %v, want %v .. %v", d, tc.wantGE, tc.wantLE)
				}
			})
		}
	})
}

// A sitemap poll takes only the newest URLs, so subscribing to a site
// does not import its archive; the next poll brings nothing again.
func TestSitemapTakesNewest(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	c := newClock()
	site := ingesttest.NewSite(t)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range 250 {
		// Listed oldest first; day i.
		fmt.Fprintf(&b, "<url><loc>%s/p/%d</loc><lastmod>%s</lastmod></url>", site.URL, i,
			c.Now().Add(-time.Duration(250-i)*24*time.Hour).Format("2006-01-02"))
	}
	b.WriteString("</urlset>")
	site.Static("/sitemap.xml", "application/xml", b.String())
	in := newIngester(t, s, c)
	if _, _, err := in.AddSource(ctx, site.URL+"/sitemap.xml", ""); err != nil {
		t.Fatal(err)
	}
	p, err := in.RunOnce(ctx, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The pages do not exist: every entry fails, but only the newest 200 were tried.
	if p.Failed != 200 || site.Hits("/p/49") != 0 || site.Hits("/p/50") != 1 || site.Hits("/p/249") != 1 {
		t.Errorf("progress %+v; hits of p/49 %d, p/50 %d, p/249 %d", p, site.Hits("/p/49"), site.Hits("/p/50"), site.Hits("/p/249"))
	}
	p, err = in.RunOnce(ctx, true, nil)
	if err != nil || p.Failed != 0 || site.Hits("/p/50") != 1 {
		t.Errorf("second poll %+v, %v: entries tried again", p, err)
	}
}
