package extract

import (
	"index/suffixarray"
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
	var paras []*html.Node
	var heads []string
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
				paras, heads = append(paras, c), append(heads, t)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	var hits []*html.Node
	total := 0
	in := newTextIndex(norm, len(heads))
	for i, p := range paras {
		if in.has(heads[i]) {
			hits = append(hits, p)
			total += m[p].own
		}
	}
	if len(hits) < 2 {
		return nil
	}
	return holdingMost(root, hits, total, m)
}

// holdingMost returns the lowest ancestor of hits[0] below root whose
// hits hold 80% of total, or nil. Each hit is counted once, at the
// lowest ancestor of hits[0] that holds it, so the cost does not grow
// with hits times depth.
func holdingMost(root *html.Node, hits []*html.Node, total int, m measure) *html.Node {
	level := map[*html.Node]int{}
	var chain []*html.Node
	for a := hits[0].Parent; a != nil && a != root; a = a.Parent {
		level[a] = len(chain)
		chain = append(chain, a)
	}
	got := make([]int, len(chain))
	for _, h := range hits {
		if l := lowestOn(level, h); l >= 0 {
			got[l] += m[h].own
		}
	}
	sum := 0
	for l, a := range chain {
		sum += got[l]
		if sum*5 >= total*4 {
			return a
		}
	}
	return nil
}

// maxScan is how many bytes plain substring searches may read in all
// before a text is indexed instead.
const maxScan = 64 << 20

// textIndex answers whether strings occur in one text: by plain search
// when the text is short or the questions few, else through a suffix
// array (100,000 paragraphs against a 2 MB articleBody took two minutes
// of plain search, and take 0.2 s so).
type textIndex struct {
	text string
	sa   *suffixarray.Index
}

func newTextIndex(text string, queries int) textIndex {
	x := textIndex{text: text}
	if queries*len(text) > maxScan {
		x.sa = suffixarray.New([]byte(text))
	}
	return x
}

// has reports whether t occurs in the text.
func (x textIndex) has(t string) bool {
	if x.sa == nil {
		return strings.Contains(x.text, t)
	}
	return len(x.sa.Lookup([]byte(t), 1)) > 0
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
			stripNoise(b, false) // no page styles here: classes say nothing
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
