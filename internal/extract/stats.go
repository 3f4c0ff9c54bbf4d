package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stats are the text measures of one element, computed for every element
// in one bottom-up pass so that no decision walks a subtree twice.
type stats struct {
	text   int // characters of text (whitespace runs count one)
	link   int // characters of text inside links (in-page links weigh 0.3)
	commas int
	own    int // characters of text not inside a nested block element
	ownCom int // commas in that text
	ownBrk int // paragraph breaks (<br><br>) in that text
	ptext  int // characters in paragraph-like blocks (own text >= 25)
	paras  int // number of paragraph-like blocks
	imgs   int
	lis    int
	ps     int // <p> elements
	inputs int
	embeds int
	heads  int // h1-h6 elements
	maths  int // <math> formulas (MathML)

	score  float64 // content score, once scored
	scored bool
}

// linkDensity is the share of n's text that sits in links.
func (s *stats) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// measure holds the stats of every element of a tree.
type measure map[*html.Node]*stats

// minPara is the own-text length from which a block counts as a paragraph.
const minPara = 25

// measureTree computes stats for every element under root.
func measureTree(root *html.Node) measure {
	m := make(measure, 512)
	m.visit(root, false)
	return m
}

// visit computes n's stats from its children and returns them. inLink says
// n is inside an <a>, whose text then all counts as link text.
func (m measure) visit(n *html.Node, inLink bool) *stats {
	s := &stats{}
	m[n] = s
	afterBr := false // the last content was a <br>: a second one parts paragraphs
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Br {
			if afterBr {
				s.ownBrk++
			}
			afterBr = !afterBr
		} else if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			afterBr = false
		}
		switch c.Type {
		case html.TextNode:
			l, cm := textLen(c.Data)
			if l == 1 && strings.TrimSpace(c.Data) == "" {
				l = 0
				if s.text > 0 {
					l = 1
				}
			}
			s.text += l
			s.own += l
			s.commas += cm
			s.ownCom += cm
		case html.ElementNode:
			link := inLink || c.DataAtom == atom.A
			cs := m.visit(c, link)
			s.text += cs.text
			s.commas += cs.commas
			s.ptext += cs.ptext
			s.paras += cs.paras
			s.imgs += cs.imgs
			s.lis += cs.lis
			s.ps += cs.ps
			s.inputs += cs.inputs
			s.embeds += cs.embeds
			s.heads += cs.heads
			s.maths += cs.maths
			if c.DataAtom == atom.A && !inLink {
				w := cs.text
				if strings.HasPrefix(attr(c, "href"), "#") {
					w = w * 3 / 10
				}
				s.link += w
			} else {
				s.link += cs.link
			}
			if !isBlock(c.DataAtom) {
				s.own += cs.own
				s.ownCom += cs.ownCom
				s.ownBrk += cs.ownBrk
			}
		}
	}
	switch n.DataAtom {
	case atom.Img:
		s.imgs++
	case atom.Li:
		s.lis++
	case atom.P:
		s.ps++
	case atom.Input, atom.Textarea, atom.Select, atom.Button:
		s.inputs++
	case atom.Iframe, atom.Embed, atom.Object, atom.Video:
		s.embeds++
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		s.heads++
	case atom.Math:
		s.maths++
	}
	if isPara(n, s) {
		s.paras++
		s.ptext += s.own
	}
	return s
}

// isPara reports whether n is a paragraph-like block: a block element that
// is not a heading or list and holds enough text of its own.
func isPara(n *html.Node, s *stats) bool {
	if s.own < minPara || n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Div, atom.Section, atom.Article,
		atom.Blockquote, atom.Dd, atom.Main, atom.Center:
		return true
	}
	return false
}
