package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Lead rescue: many pages set the standfirst (the paragraph under the
// headline, which the page also gives as its description) in a header
// block just outside the container that wins the scoring. When a block
// just before the article repeats the page's description, it is the lead
// and belongs to the body.

// leadLevels is how far above the winner the lead may sit.
const leadLevels = 4

// findLead returns the element holding the page's description just before
// first (the first root of the article), or nil.
func findLead(desc string, first *html.Node, m measure) *html.Node {
	desc = collapse(desc)
	l := utf8.RuneCountInString(desc)
	if l < 40 {
		return nil
	}
	prefix := strings.ToLower(truncRunes(desc, 50))
	anc := first
	for i := 0; i < leadLevels && anc.Parent != nil && anc.Parent.Type == html.ElementNode; i++ {
		anc = anc.Parent
	}
	var found *html.Node
	var walk func(n *html.Node) bool // false stops the walk
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == first || contains(c, first) && c != anc {
				if c == first {
					return false
				}
				if !walk(c) {
					return false
				}
				continue
			}
			if c.Type != html.ElementNode {
				continue
			}
			s := m[c]
			if s == nil || s.text < l*7/10 {
				continue
			}
			if s.text <= l*3/2+60 && isBlock(c.DataAtom) && s.linkDensity() < 0.3 {
				if strings.HasPrefix(strings.ToLower(innerText(c)), prefix) {
					found = c
				}
			}
			if found == nil && !walk(c) {
				return false
			}
		}
		return true
	}
	walk(anc)
	return found
}

// truncRunes returns the first n runes of s.
func truncRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
