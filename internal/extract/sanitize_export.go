package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sanitize makes an HTML fragment from elsewhere (a feed entry's content)
// safe to store and serve, with the same allowlist extracted bodies pass
// through. Relative links and image sources are resolved against baseURL
// first, so that they still work when served from this site.
func Sanitize(fragment, baseURL string) string {
	base, err := url.Parse(baseURL)
	if err != nil || !base.IsAbs() {
		return sanitize(fragment)
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return sanitize(fragment)
	}
	var b strings.Builder
	for _, n := range nodes {
		absolutize(n, base)
		if err := html.Render(&b, n); err != nil {
			return sanitize(fragment)
		}
	}
	return sanitize(b.String())
}

// absolutize resolves href and src attributes under n against base.
func absolutize(n *html.Node, base *url.URL) {
	if n.Type == html.ElementNode {
		for i, a := range n.Attr {
			if a.Namespace == "" && (a.Key == "href" || a.Key == "src") {
				n.Attr[i].Val = resolveURL(base, a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		absolutize(c, base)
	}
}
