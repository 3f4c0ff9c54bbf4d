package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The standfirst often sits outside the container that wins the scoring:
// in the article's header, beside the byline, or above the lead picture.
// It is the article's own opening, so it is looked for just before the
// first root and kept when the page's description vouches for it.

// leadBefore returns the element just before first (within a few
// siblings, at most a few levels up) whose text is the page's description
// told again: most of the description's words, at about its length. It
// returns nil when there is none.
func leadBefore(first, body *html.Node, m measure, desc string) *html.Node {
	words := leadWords(desc)
	if len(words) < 5 {
		return nil
	}
	n := first
	for level := 0; level < 4 && n != nil && n != body; level++ {
		hops := 0
		for s := n.PrevSibling; s != nil && hops < 4; s = s.PrevSibling {
			st := m[s]
			if s.Type != html.ElementNode || st == nil || st.text == 0 {
				continue
			}
			hops++
			if st.text > 3000 {
				return nil // other text in between: not the article's head
			}
			if c := leadIn(s, m, words, len(desc)); c != nil {
				return c
			}
		}
		n = n.Parent
	}
	return nil
}

// leadIn finds, depth first and last first, the element under n that
// tells the description again.
func leadIn(n *html.Node, m measure, words map[string]bool, descLen int) *html.Node {
	st := m[n]
	if n.Type != html.ElementNode || st == nil || st.text*2 < descLen {
		return nil
	}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if l := leadIn(c, m, words, descLen); l != nil {
			return l
		}
	}
	if tellsAgain(n, st, words, descLen) {
		return n
	}
	return nil
}

// tellsAgain reports a block of about the description's length, with few
// links, that has three fifths of the description's words.
func tellsAgain(n *html.Node, st *stats, words map[string]bool, descLen int) bool {
	if st.text > 3*descLen+200 || st.linkDensity() > 0.3 || !leadTag(n.DataAtom) {
		return false
	}
	seen := 0
	for w := range leadWords(innerText(n)) {
		if words[w] {
			seen++
		}
	}
	return seen*5 >= len(words)*3
}

// leadTag reports the elements a standfirst is set in.
func leadTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.H4, atom.Span, atom.Section, atom.Strong, atom.B:
		return true
	}
	return false
}

// leadWords returns the distinct lowercased words of s of four letters or
// more: short words say little about which text repeats which.
func leadWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 4 {
			out[w] = true
		}
	}
	return out
}

// findLead returns the one block of the page that tells the description
// again, looked for before pruning; nil when there is none, or more than
// one (the body has its own copy of a teaser).
func findLead(body *html.Node, m measure, desc string) *html.Node {
	words := leadWords(desc)
	if len(words) < 5 {
		return nil
	}
	var found []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(found) < 2; c = c.NextSibling {
			st := m[c]
			if c.Type != html.ElementNode || st == nil || st.text*2 < len(desc) {
				continue
			}
			if st.own*2 >= len(desc) && tellsAgain(c, st, words, len(desc)) {
				found = append(found, c)
				continue
			}
			walk(c)
		}
	}
	walk(body)
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// figureBefore returns the article's lead picture when the page sets it
// just before the first root, outside the winning container: an image
// with its caption between the header and the body, with nothing but
// empty elements (share buttons whose icons are gone, ad slots) or a
// date or byline line (what is left of the story's meta bar once its
// furniture is pruned) in between. It looks at most one level up, and
// returns nil when the nearest element with content is anything else.
//
// An article's own <header> (kept by pruning) may close with the lead
// picture, after the headline, standfirst and byline, and sit a few
// wrappers above the body: there the search climbs as far as the
// standfirst's (four levels, wrappers without content only) and takes
// the picture that ends the header.
func figureBefore(first, body *html.Node, m measure) *html.Node {
	n := first
	for level := 0; level < 4 && n != nil && n != body; level++ {
		for s := n.PrevSibling; s != nil; s = s.PrevSibling {
			st := m[s]
			if s.Type != html.ElementNode || st == nil || st.text == 0 && st.imgs == 0 || metaBar(s, st) {
				continue
			}
			if captionedImage(s, st) && level < 2 {
				return s
			}
			if s.DataAtom == atom.Header {
				return closingFigure(s, m)
			}
			return nil
		}
		n = n.Parent
	}
	return nil
}

// closingFigure returns the captioned image that ends header, after any
// empty or meta-bar blocks, or nil.
func closingFigure(header *html.Node, m measure) *html.Node {
	for s := header.LastChild; s != nil; s = s.PrevSibling {
		st := m[s]
		if s.Type != html.ElementNode || st == nil || st.text == 0 && st.imgs == 0 || metaBar(s, st) {
			continue
		}
		if captionedImage(s, st) {
			return s
		}
		return nil
	}
	return nil
}

// metaBar reports a short block of a date or a byline and nothing else,
// or a short line, no sentence, that holds a full date: the byline,
// role and date run together once the names that parted them are gone.
func metaBar(n *html.Node, st *stats) bool {
	if st.text >= 120 || st.imgs > 0 || st.heads > 0 {
		return false
	}
	t := innerText(n)
	return dateLike(t) || bylineLike(t) || !endsSentence(t) && datedLine(strings.ToLower(t))
}

// datedLine reports a line holding a full date: numeric ("20.11.2026")
// or a year with a month name ("Fri 20 Nov 2026").
func datedLine(lower string) bool {
	if fullDate(lower) {
		return true
	}
	if !holdsYear(lower) {
		return false
	}
	for _, w := range strings.Fields(lower) {
		if isMonth(strings.Trim(w, ".,")) {
			return true
		}
	}
	return false
}

// captionedImage reports one picture with its caption and little else:
// links in less than half its text (a caption's "Buy photo" link, not a
// teaser's linked headline), no headings, a caption's length of text.
func captionedImage(n *html.Node, st *stats) bool {
	return st.imgs == 1 && st.text > 0 && st.text < 300 && (st.link == 0 || onlySaleLinks(n)) && st.heads == 0 &&
		(n.DataAtom == atom.Figure || firstDescendant(n, atom.Figcaption) != nil || captionNamed(n))
}

// onlySaleLinks reports that every link under n offers to sell or
// license the picture ("Purchase Licensing Rights"): a caption's own
// furniture, which the builder drops, not a teaser's headline.
func onlySaleLinks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A {
			if !photoSaleLink(c) {
				return false
			}
			continue
		}
		if !onlySaleLinks(c) {
			return false
		}
	}
	return true
}

// captionNamed reports an element below n whose class or id names a
// caption: pages without <figure> set the picture and a <p
// class="img-caption"> in a div. (n is small: one picture and a
// caption's length of text.)
func captionNamed(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if nameHas(c, "caption") || captionNamed(c) {
			return true
		}
	}
	return false
}
