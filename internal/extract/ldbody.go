package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Structured data as a locator: a page's JSON-LD articleBody (or its
// itemprop="articleBody" element) says which text is the article even
// when it is stripped of markup or cut short. The paragraphs whose text
// it contains point at the container to use; the scoring's choice stands
// when it already holds most of them.

// minLDBody is the articleBody length from which it is trusted.
const minLDBody = 400

// locateByText returns the smallest element holding most of the
// paragraphs whose text appears in body, or nil.
func locateByText(root *html.Node, m measure, body string) *html.Node {
	norm := strings.ToLower(collapse(body))
	if len(norm) < minLDBody {
		return nil
	}
	var hits []*html.Node
	total := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			s := m[c]
			if s == nil || s.paras == 0 {
				continue
			}
			if isPara(c, s) && s.own >= 40 {
				t := strings.ToLower(innerText(c))
				if len(t) > 60 {
					t = truncRunes(t, 60)
				}
				if strings.Contains(norm, t) {
					hits = append(hits, c)
					total += s.own
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	if len(hits) < 2 {
		return nil
	}
	// The lowest ancestor of the first hit holding 80% of the hit text.
	for a := hits[0].Parent; a != nil && a != root; a = a.Parent {
		got := 0
		for _, h := range hits {
			if contains(a, h) {
				got += m[h].own
			}
		}
		if got*5 >= total*4 {
			return a
		}
	}
	return nil
}

// coversHits reports whether top holds most of what the locator found.
func coversText(top, loc *html.Node, m measure) bool {
	if contains(top, loc) || contains(loc, top) && m[top].ptext*10 >= m[loc].ptext*8 {
		return true
	}
	return false
}

// ldBodyWins reports whether the structured articleBody should replace
// the text found in the page: it is long, and the page gave less than half
// of it (the body is rendered by script, or hidden in templates).
func ldBodyWins(found, ld string) bool {
	if len(ld) < minLDBody {
		return false
	}
	return len(found)*2 < len(collapse(ld))
}

// ldParagraphs turns a plain-text articleBody into paragraphs, one per
// line (or one in all when it has no line breaks).
func ldParagraphs(body string) *html.Node {
	if strings.Contains(body, "</") {
		// Some pages put markup in articleBody: read it as HTML, noise out.
		if doc, err := html.Parse(strings.NewReader(body)); err == nil {
			b := findBody(doc)
			stripNoise(b)
			return b
		}
	}
	out := elem(atom.Div)
	for _, line := range strings.Split(body, "\n") {
		if t := collapse(line); t != "" {
			p := elem(atom.P)
			p.AppendChild(textNode(t))
			out.AppendChild(p)
		}
	}
	return out
}
