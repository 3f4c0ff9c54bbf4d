package extract

import (
	"golang.org/x/net/html"

	"newshound/internal/news"
)

// trimBlocks removes furniture at the edges of the body and repeated
// blocks anywhere in it.
func trimBlocks(out *html.Node, art *news.Article) {
	seen := map[string]bool{}
	for c := out.FirstChild; c != nil; {
		next := c.NextSibling
		t := innerText(c)
		if len(t) > 20 {
			if seen[t] {
				out.RemoveChild(c)
			}
			seen[t] = true
		}
		c = next
	}
}
