// Package demo seeds a small, realistic site so that a newcomer sees what
// newshound looks like with one command: two sources, one republishing
// account and a dozen articles on neutral topics, all written by us, with
// illustrations we drew as SVG.
//
// Articles live in articles/*.html: a few "key: value" header lines, a line
// "---", then the body HTML. Illustrations live in images/ and are served by
// the web package under /static/demo/.
package demo

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"newshound/internal/news"
	"newshound/internal/store"
)

//go:embed articles/*.html
var articleFS embed.FS

//go:embed images/*.svg
var imageFS embed.FS

// ImagePrefix is the URL path under which the web package serves Assets.
const ImagePrefix = "/static/demo/"

// Assets returns the demo illustrations, named as they appear below
// ImagePrefix (e.g. "compost-heap.svg").
func Assets() fs.FS {
	sub, err := fs.Sub(imageFS, "images")
	if err != nil {
		// fs.Sub fails only on an invalid path name; "images" is valid.
		panic("demo: " + err.Error())
	}
	return sub
}

// sources are the two demo sites articles are republished from. The key is
// what an article's "source:" header names.
var sources = map[string]news.Source{
	"riverside": {
		Name:        "The Riverside Chronicle",
		HomepageURL: "https://riverside-chronicle.example/",
		FeedURL:     "https://riverside-chronicle.example/feed.xml",
	},
	"fieldsky": {
		Name:        "Field & Sky Notes",
		HomepageURL: "https://fieldandsky.example/",
		FeedURL:     "https://fieldandsky.example/rss",
	},
}

// account is the demo site's republishing account.
var account = news.Account{
	Name:      "News Hound",
	AvatarURL: ImagePrefix + "news-hound.svg",
	Bio: "News Hound sniffs out good local writing and republishes it here, " +
		"always with the original author's name and a link back to where it first ran. " +
		"Good stories deserve a second walk around the block.",
}

// Seed fills an empty site with the demo content and reports whether it did.
// When the database already has articles it does nothing, so calling it on
// every start is safe.
func Seed(ctx context.Context, s *store.Store) (seeded bool, err error) {
	return seed(ctx, s, time.Now())
}

// seed is Seed with the clock passed in: publication dates are spread over
// the weeks before now.
func seed(ctx context.Context, s *store.Store, now time.Time) (bool, error) {
	n, err := s.CountArticles(ctx)
	if err != nil {
		return false, fmt.Errorf("demo: count articles: %w", err)
	}
	if n > 0 {
		return false, nil
	}
	arts, err := loadArticles()
	if err != nil {
		return false, err
	}
	if err := write(ctx, s, arts, now); err != nil {
		return false, err
	}
	return true, nil
}
