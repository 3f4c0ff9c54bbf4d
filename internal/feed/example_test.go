package feed_test

import (
	"fmt"

	"newshound/internal/feed"
)

// Adding a source: tell what the fetched document is, then read it.
func Example() {
	body := []byte(`<?xml version="1.0"?>
<rss version="2.0"><channel>
  <title>Harbour Gazette</title><link>https://harbour.example.com/</link><ttl>60</ttl>
  <item><title>Ferry times change</title><link>/news/ferry</link><guid>h-1</guid>
    <pubDate>Mon, 02 Nov 2026 08:30:00 GMT</pubDate></item>
</channel></rss>`)
	const fetchedFrom = "https://harbour.example.com/feed.rss"

	switch feed.Detect(body) {
	case feed.KindFeed:
		f, err := feed.Parse(body, fetchedFrom)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(f.Title, f.TTL)
		for _, e := range f.Entries {
			fmt.Println(e.GUID, e.URL, e.Published.Format("2006-01-02"))
		}
	case feed.KindHTML:
		fmt.Println(feed.Discover(body, fetchedFrom))
	case feed.KindSitemap, feed.KindSitemapIndex:
		sm, _ := feed.ParseSitemap(body, fetchedFrom)
		fmt.Println(len(sm.URLs), len(sm.Sitemaps))
	}
	// Output:
	// Harbour Gazette 1h0m0s
	// h-1 https://harbour.example.com/news/ferry 2026-11-02
}
