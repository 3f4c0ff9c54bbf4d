package extract

import (
	"net/url"
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// policy is the allowlist every body passes through last. It is built once,
// on first use, so that the CLI's start-up does not pay for it.
var policy = sync.OnceValue(newPolicy)

// newPolicy allows the structure the builder emits and nothing else: no
// script, style or event handlers; http(s), mailto and in-page links;
// data: URLs only as image sources; iframes only from video hosts.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
		"figure", "figcaption", "b", "strong", "i", "em", "u", "s", "sub", "sup",
		"small", "mark", "abbr", "q", "cite", "del", "ins", "kbd", "samp", "var",
		"dfn", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
		"span", "div", "section", "footer")
	p.AllowStandardURLs()
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("cite").OnElements("blockquote", "q")
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^[\w.:-]{1,80}$`)).Globally()
	// The two classes the site styles: a photo credit inside a caption and
	// the footnotes block. A <footer> inside a quote carries its attribution.
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^(credit|footnotes)$`)).OnElements("small", "span", "section", "div", "ol")
	p.AllowAttrs("aria-label").OnElements("a", "section")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowImages()
	// data: URLs only for raster images (an SVG can carry script); the
	// builder emits them only as <img src>.
	p.AllowURLSchemeWithCustomPolicy("data", func(u *url.URL) bool { return rasterData(u.String()) })
	// iframes only from video hosts.
	videoSrc := regexp.MustCompile(`^https?://([a-z0-9-]+\.)*(youtube\.com|youtube-nocookie\.com|vimeo\.com|dailymotion\.com|twitch\.tv|soundcloud\.com|spotify\.com|ted\.com|archive\.org|bandcamp\.com)/`)
	p.AllowAttrs("src").Matching(videoSrc).OnElements("iframe")
	p.AllowAttrs("allowfullscreen").OnElements("iframe")
	p.RequireNoFollowOnLinks(false)
	return p
}

// sanitize passes body HTML through the allowlist.
func sanitize(body string) string {
	return policy().Sanitize(body)
}
