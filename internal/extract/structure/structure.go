// Package structure measures how much of a page's structure an article
// extractor keeps: of the headings, block quotes, list items and figure
// captions in the expected HTML, the share that the extractor's HTML has
// as the same kind of element with the same text.
//
// It is the one definition of the measure (issue 3, "Structure") behind
// both the corpus test of internal/extract and the extractor comparison in
// bench/extractors, so the two report the same numbers for the same HTML.
//
//	want := structure.Of(expectedHTML)
//	got := structure.Of([]byte(art.BodyHTML))
//	var c structure.Count
//	missed := c.Add(want, got)
//	c.Share(structure.Heading) // share of expected headings kept
package structure

import (
	"bytes"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Kind is a kind of structure element.
type Kind int

// The kinds measured, in report order.
const (
	Heading  Kind = iota // h1–h6
	Quote                // blockquote
	ListItem             // li
	Caption              // figcaption
	NumKinds
)

var kindNames = [NumKinds]string{"headings", "block quotes", "list items", "captions"}

// String names the kind, plural, as reports print it ("list items").
func (k Kind) String() string {
	if k < 0 || k >= NumKinds {
		return "unknown"
	}
	return kindNames[k]
}

// Items holds, per kind, the normalised text of each element in document
// order: lowercased word tokens one space apart.
type Items [NumKinds][]string

// Of collects the headings, block quotes, list items and figure captions
// of an HTML document or fragment. Elements without word text are left
// out. A nested element counts on its own as well as inside its parent,
// except that a list item's text leaves out its sub-lists.
func Of(doc []byte) Items {
	var s Items
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return s // nesting deeper than the parser takes: nothing to count
	}
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if k, ok := kindOf(n.Data); ok {
				if t := normText(blockText(n, k == ListItem)); t != "" {
					s[k] = append(s[k], t)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return s
}

// Missed returns, per kind, the wanted texts that got lacks (see
// MissedTexts).
func Missed(want, got Items) Items {
	var m Items
	for k := range NumKinds {
		m[k] = MissedTexts(want[k], got[k])
	}
	return m
}

// MissedTexts returns the wanted texts not found among got, in want's
// order. A wanted text is found by an exact match first (each text of got
// used once), else by an unused text of got that contains it or is
// contained in it while the shorter has at least 80% of the longer's
// words: a heading with its anchor sign, a caption with a credit appended.
func MissedTexts(want, got []string) []string {
	used := make([]bool, len(got))
	index := map[string][]int{}
	for i, g := range got {
		index[g] = append(index[g], i)
	}
	// Exact matches go first so that a near match cannot take a text of
	// got that another wanted text matches exactly.
	var rest, missed []string
	for _, w := range want {
		if is := index[w]; len(is) > 0 {
			used[is[0]] = true
			index[w] = is[1:]
			continue
		}
		rest = append(rest, w)
	}
	for _, w := range rest {
		found := false
		for i, g := range got {
			if !used[i] && nearMatch(w, g) {
				used[i] = true
				found = true
				break
			}
		}
		if !found {
			missed = append(missed, w)
		}
	}
	return missed
}

// Without returns items less those that repeat one of texts (given as
// written; normalised here) exactly or nearly, as MissedTexts matches.
// It takes a page's headline and standfirst out of its headings: both
// have fields of their own, and a page that sets them as headings inside
// the article body has them counted there by a truth that kept them.
func Without(items []string, texts ...string) []string {
	var drop []string
	for _, t := range texts {
		if n := normText(t); n != "" {
			drop = append(drop, n)
		}
	}
	var out []string
	for _, it := range items {
		if !slices.ContainsFunc(drop, func(d string) bool { return it == d || nearMatch(it, d) }) {
			out = append(out, it)
		}
	}
	return out
}

// SectionHeadings returns the headings of want (the items of expected)
// less those that repeat the page's headline or standfirst: title and
// excerpt as the truth's metadata gives them, and the headings expected
// marks as headline or description (MarkedHeadlines). Those have fields
// of their own, so a body that keeps them as headings is not keeping the
// article's sections; only the truth decides which they are.
func SectionHeadings(want Items, expected []byte, title, excerpt string) []string {
	return Without(want[Heading], append(MarkedHeadlines(expected), title, excerpt)...)
}

// MarkedHeadlines returns the text of the headings of doc that its
// microdata marks as the headline or the standfirst (itemprop headline,
// alternativeHeadline or description): the page says what they are.
func MarkedHeadlines(doc []byte) []string {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return nil
	}
	var out []string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if k, ok := kindOf(n.Data); n.Type == html.ElementNode && ok && k == Heading && headlineProp(n) {
			out = append(out, blockText(n, false))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return out
}

func headlineProp(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "itemprop" {
			for _, p := range strings.Fields(a.Val) {
				if p == "headline" || p == "alternativeHeadline" || p == "description" {
					return true
				}
			}
		}
	}
	return false
}

// Count tallies, per kind, the items wanted and the items kept over many
// pages.
type Count [NumKinds]struct{ Want, Kept int }

// Add counts one page and returns what it missed.
func (c *Count) Add(want, got Items) Items {
	missed := Missed(want, got)
	for k := range NumKinds {
		c[k].Want += len(want[k])
		c[k].Kept += len(want[k]) - len(missed[k])
	}
	return missed
}

// Share is the share of wanted items of kind k kept, 1 when none were
// wanted (nothing was lost).
func (c Count) Share(k Kind) float64 {
	if c[k].Want == 0 {
		return 1
	}
	return float64(c[k].Kept) / float64(c[k].Want)
}

func kindOf(tag string) (Kind, bool) {
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return Heading, true
	case "blockquote":
		return Quote, true
	case "li":
		return ListItem, true
	case "figcaption":
		return Caption, true
	}
	return 0, false
}

// nearMatch reports whether one normalised text contains the other and
// the shorter has at least 80% of the longer's words.
func nearMatch(a, b string) bool {
	if !strings.Contains(a, b) && !strings.Contains(b, a) {
		return false
	}
	la, lb := len(strings.Fields(a)), len(strings.Fields(b))
	return 5*min(la, lb) >= 4*max(la, lb)
}

// normText lowercases s and keeps its word tokens (runs of letters, digits
// and '_', as the shingle scorer splits text), one space apart.
func normText(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
	})
	return strings.ToLower(strings.Join(f, " "))
}

// blockText is the text below n as a browser's textContent has it (inline
// runs joined as they are), with a space at each block boundary: the same
// convention as the corpus's expected.txt. ownItem leaves out nested lists:
// a list item is its own text, its sub-list's items count on their own
// (and a sub-list set beside the item, as some truths have it, matches the
// same way as one set inside it).
func blockText(n *html.Node, ownItem bool) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if ownItem && n.Type == html.ElementNode && (n.Data == "ul" || n.Data == "ol") {
			b.WriteByte(' ')
			return
		}
		block := n.Type == html.ElementNode && blockBoundary[n.Data]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	visit(n)
	return b.String()
}

// blockBoundary lists the elements at whose edges text breaks.
var blockBoundary = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"figure": true, "figcaption": true, "pre": true, "table": true, "tr": true, "td": true, "th": true,
	"caption": true, "section": true, "article": true, "header": true, "footer": true, "aside": true,
	"nav": true, "main": true, "hr": true, "address": true,
}
