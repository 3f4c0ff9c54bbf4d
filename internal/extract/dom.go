package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// isElem reports whether n is an element with the given atom.
func isElem(n *html.Node, a atom.Atom) bool {
	return n != nil && n.Type == html.ElementNode && n.DataAtom == a
}

// isBlankText reports whether n is a text node of white space only.
func isBlankText(n *html.Node) bool {
	return n.Type == html.TextNode && strings.TrimSpace(n.Data) == ""
}

// elem makes a new element with the given atom and attributes.
func elem(a atom.Atom, attrs ...html.Attribute) *html.Node {
	return &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String(), Attr: attrs}
}

// textNode makes a new text node.
func textNode(s string) *html.Node {
	return &html.Node{Type: html.TextNode, Data: s}
}

// isBlock reports whether an element starts a new block of text: the
// boundary at which plain text gets a line break.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hgroup, atom.Hr, atom.Li, atom.Main, atom.Menu, atom.Nav,
		atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table,
		atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Ul, atom.Video, atom.Audio, atom.Iframe, atom.Picture:
		return true
	}
	return false
}

// textLen counts the characters of s with whitespace runs counted as one,
// leading and trailing whitespace included as one: a cheap stand-in for the
// length of the normalised text.
func textLen(s string) (n, commas int) {
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == 0xa0:
			if !space {
				n++
				space = true
			}
			continue
		case r == ',' || r == '，' || r == '、' || r == '،':
			commas++
		}
		n++
		space = false
	}
	return n, commas
}

// collapse trims s and folds each whitespace run into one space.
func collapse(s string) string {
	if collapsed(s) {
		return s // most text already is: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == 0xa0 || r == 0x200b {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed reports whether collapse would return s as it is: ASCII with
// single spaces between words and none at either end.
func collapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c < ' ' && (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'),
			c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// maxHeadingText bounds how much text the questions about a heading read
// (is this header a heading and little else, is this id the heading's
// slug): no heading is that long, and nested headers on a hostile page
// would each read everything below them.
const maxHeadingText = 64 << 10

// textLenUpTo returns len(innerText(n)) and true when that is at most
// limit, and false as soon as it is not, without building the text.
func textLenUpTo(n *html.Node, limit int) (int, bool) {
	w := textLenWalker{limit: limit}
	ok := w.walk(n)
	return w.n, ok
}

// textLenWalker counts what collapse would write of n's text.
type textLenWalker struct {
	n, limit int
	space    bool
}

func (w *textLenWalker) walk(n *html.Node) bool {
	if n.Type == html.TextNode {
		for _, r := range n.Data {
			if unicode.IsSpace(r) || r == 0xa0 || r == 0x200b {
				w.space = true
				continue
			}
			if w.space && w.n > 0 {
				w.n++
			}
			w.space = false
			w.n += utf8.RuneLen(r) // an invalid byte is written as U+FFFD, 3 bytes
			if w.n > w.limit {
				return false
			}
		}
		return true
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br {
		w.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !w.walk(c) {
			return false
		}
	}
	return true
}

// innerText returns the collapsed text of n (text nodes only).
func innerText(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return collapse(b.String())
}

func appendText(b *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
}

// lowerASCII lowercases ASCII letters of s, allocating only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// foldSpace folds each whitespace run of s into one space, keeping a single
// space at either end so that inline boundaries still separate words.
func foldSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// nameHas reports an element whose class or id holds one of words
// ("caption" in "img-caption", "video" in "video-resource").
func nameHas(n *html.Node, words ...string) bool {
	return containsAny(lowerASCII(attr(n, "class")+" "+attr(n, "id")), words)
}
