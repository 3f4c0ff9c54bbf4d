package extractors

import (
	"bytes"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// The structure measure: of the headings, block quotes, list items and
// figure captions in a page's expected.html, the share that an
// extractor's HTML keeps as the same kind of element with the same text.
// internal/extract/corpus_test.go measures newshound the same way.

// Kind is a kind of structure element.
type Kind int

// Structure kinds.
const (
	Heading Kind = iota
	Quote
	ListItem
	Caption
	NumKinds
)

// KindNames names each Kind for reports.
var KindNames = [NumKinds]string{"headings", "block quotes", "list items", "captions"}

// Structure holds, per kind, the normalised text of each element.
type Structure [NumKinds][]string

// StructureOf collects the headings, block quotes, list items and figure
// captions of an HTML document or fragment.
func StructureOf(doc []byte) Structure {
	var s Structure
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return s
	}
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if k, ok := kindOf(n.Data); ok {
				if t := normText(textOf(n, k == ListItem)); t != "" {
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

// Kept counts the wanted texts found among got: an exact match first (each
// element of got used once), else an unused got text that contains the wanted one
// or is contained in it while the shorter has at least 80% of the longer's
// words.
func Kept(want, got []string) int {
	used := make([]bool, len(got))
	index := map[string][]int{}
	for i, g := range got {
		index[g] = append(index[g], i)
	}
	kept := 0
	var rest []string
	for _, w := range want {
		if is := index[w]; len(is) > 0 {
			used[is[0]] = true
			index[w] = is[1:]
			kept++
			continue
		}
		rest = append(rest, w)
	}
	for _, w := range rest {
		for i, g := range got {
			if !used[i] && nearMatch(w, g) {
				used[i] = true
				kept++
				break
			}
		}
	}
	return kept
}

func nearMatch(a, b string) bool {
	if !strings.Contains(a, b) && !strings.Contains(b, a) {
		return false
	}
	la, lb := len(strings.Fields(a)), len(strings.Fields(b))
	return 5*min(la, lb) >= 4*max(la, lb)
}

// normText lowercases s and keeps its word tokens, one space apart.
func normText(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
	})
	return strings.ToLower(strings.Join(f, " "))
}

// textOf is the text below n as a browser's textContent has it (inline
// runs joined as they are), with a space at each block boundary: the same
// convention as the corpus's expected.txt. ownItem leaves out nested lists:
// a list item is its own text, its sub-list's items count on their own
// (and a sub-list set beside the item, as some truths have it, matches the
// same way as one set inside it).
func textOf(n *html.Node, ownItem bool) string {
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
