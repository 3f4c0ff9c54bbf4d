package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// fromDoc is a first, crude extractor: the element holding the most
// paragraph text wins.
func fromDoc(doc *html.Node, pageURL string) (news.Article, error) {
	best, bestLen := (*html.Node)(nil), 0
	counts := map[*html.Node]int{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 500 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Aside, atom.Form:
					continue
				case atom.P:
					if c.Parent != nil {
						counts[c.Parent] += len(textOf(c))
						if counts[c.Parent] > bestLen {
							best, bestLen = c.Parent, counts[c.Parent]
						}
					}
				}
				walk(c, depth+1)
			}
		}
	}
	walk(doc, 0)
	if best == nil {
		return news.Article{}, ErrNoArticle
	}
	var paras []string
	for c := best.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.P || c.DataAtom == atom.H2 || c.DataAtom == atom.H3 || c.DataAtom == atom.Li || c.DataAtom == atom.Blockquote) {
			if t := strings.Join(strings.Fields(textOf(c)), " "); t != "" {
				paras = append(paras, t)
			}
		}
	}
	return news.Article{OriginalURL: pageURL, BodyText: strings.Join(paras, "\n\n")}, nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
