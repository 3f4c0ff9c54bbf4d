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
