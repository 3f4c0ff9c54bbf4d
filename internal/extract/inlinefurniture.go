package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Furniture set inside a paragraph's own text: a teaser link in brackets
// ("… eight. [Related: Lake survey finds failing tanks] Officials …") and
// an ad slot's label in a span between two sentences. Whole-line furniture
// is the trimming's (trim.go); these sit mid-sentence, where a line test
// cannot see them.

// adLabels are the words an ad slot's label is, alone.
var adLabels = [...]string{"advertisement", "advertising", "anzeige", "werbung", "publicité", "publicidad",
	"publicidade", "pubblicità", "reklama", "advertentie"}

// adLabel reports an inline wrapper (not emphasis: a title in italics may
// be called "Advertisement") whose whole text is an ad label. Only short
// elements are read: the builder asks it of every inline element.
func adLabel(c *html.Node, s *stats) bool {
	switch c.DataAtom {
	case atom.Span, atom.Div, atom.Ins, atom.Small, atom.Label:
	default:
		return false
	}
	if s.text == 0 || s.text > 24 {
		return false
	}
	raw := strings.TrimSpace(innerText(c))
	if r, _ := utf8.DecodeRuneInString(raw); !unicode.IsUpper(r) || hasAttr(c, "lang") {
		return false // a word of the sentence ("years in advertising"), or a word quoted in its language
	}
	t := strings.ToLower(raw)
	for _, l := range adLabels {
		if t == l {
			return true
		}
	}
	return false
}

// teaserLabels open a bracketed teaser link; each is followed by a colon.
var teaserLabels = [...]string{"related", "related story", "related article", "related content", "related coverage",
	"read more", "read also", "also read", "read next", "more", "watch", "listen"}

// dropBracketTeasers removes, throughout out, every link that stands in
// brackets or parentheses after a teaser label ("[Related: <a>…</a>]"),
// with its label and brackets, and mends the space between the sentences
// around it. One walk of the clean body.
func dropBracketTeasers(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if c.DataAtom == atom.A && bracketTeaser(c) {
				cutTeaser(c)
			} else {
				dropBracketTeasers(c)
			}
		}
		c = next
	}
}

// bracketTeaser reports a link between a text ending in "[Label:" (or
// "(Label:") and a text starting with the matching closer.
func bracketTeaser(a *html.Node) bool {
	prev, next := a.PrevSibling, a.NextSibling
	if prev == nil || next == nil || prev.Type != html.TextNode || next.Type != html.TextNode {
		return false
	}
	before := strings.TrimRight(prev.Data, " \u00a0")
	open := strings.LastIndexAny(before, "[(")
	if open < 0 || !strings.HasSuffix(before, ":") {
		return false
	}
	closer := "]"
	if before[open] == '(' {
		closer = ")"
	}
	if !strings.HasPrefix(strings.TrimLeft(next.Data, " \u00a0"), closer) {
		return false
	}
	label := strings.ToLower(strings.TrimSpace(before[open+1 : len(before)-1]))
	for _, l := range teaserLabels {
		if label == l {
			return true
		}
	}
	return false
}

// cutTeaser removes the link a and the label and closer around it.
func cutTeaser(a *html.Node) {
	prev, next := a.PrevSibling, a.NextSibling
	before := strings.TrimRight(prev.Data, " \u00a0")
	before = strings.TrimRight(before[:strings.LastIndexAny(before, "[(")], " \u00a0")
	after := strings.TrimLeft(next.Data, " \u00a0")[1:]
	after = strings.TrimLeft(after, " \u00a0")
	if before != "" && after != "" {
		after = " " + after
	}
	prev.Data, next.Data = before, after
	a.Parent.RemoveChild(a)
}
