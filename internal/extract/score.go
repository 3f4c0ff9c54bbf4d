package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Container scoring, Readability style: every paragraph-like block scores
// by length and commas, and its score flows to its ancestors (fully to the
// parent, half to the grandparent, less above). Each ancestor starts from a
// tag prior and its class/id weight; the final score discounts link text.

// maxLevels is how many ancestors a paragraph's score reaches.
const maxLevels = 5

// scorer picks the article container of a pruned document.
type scorer struct {
	m     measure
	cues  cueCache
	cands []*html.Node
	// others are the <article> elements that tell a story other than
	// the winner's, and fenced their ancestors: the choice never grows
	// into them (see storiesBeside).
	others map[*html.Node]bool
	fenced map[*html.Node]bool
}

// scoreTree scores every paragraph-like block under root into its
// ancestors.
func (sc *scorer) scoreTree(root *html.Node) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			s := sc.m[c]
			if s == nil {
				continue
			}
			if isPara(c, s) {
				sc.addPara(c, s)
			}
			if s.paras > 0 {
				walk(c)
			}
		}
	}
	walk(root)
}

// addPara adds one paragraph's score to its ancestors.
func (sc *scorer) addPara(p *html.Node, s *stats) {
	// A block whose own text is several paragraphs parted by <br><br>
	// counts as that many. A table cell of them (an old template's story
	// set straight in its layout table) is itself their container: its
	// parent is a row of the layout, menus and other news beside it.
	k, first := 1, p.Parent
	if s.ownBrk >= 2 {
		k = s.ownBrk + 1
		if p.DataAtom == atom.Td {
			first = p
		}
	}
	// Commas mark prose, but a list of linked names is all commas: cap
	// them, and let a paragraph that is mostly links count for little.
	score := float64(k) + float64(min(s.ownCom, 15*k)) + float64(min(s.own/100, 3*k))
	score *= 1 - s.linkDensity()
	level := 0
	for a := first; a != nil && a.Type == html.ElementNode && level < maxLevels; a = a.Parent {
		as := sc.m[a]
		if as == nil {
			break
		}
		if !as.scored {
			as.scored = true
			as.score = sc.prior(a)
			sc.cands = append(sc.cands, a)
		}
		switch level {
		case 0:
			as.score += score
		case 1:
			as.score += score / 2
		default:
			as.score += score / float64(level*3)
		}
		level++
	}
}

// prior is a container's starting score: its tag and its names.
func (sc *scorer) prior(n *html.Node) float64 {
	w := float64(sc.cues.weight(n))
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		w += 5
	case atom.Pre, atom.Td, atom.Blockquote, atom.Section:
		w += 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		w -= 3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		w -= 5
	}
	if n.DataAtom == atom.Article || attr(n, "role") == "main" || n.DataAtom == atom.Main {
		w += 10
	}
	return w
}

// best returns the winning container, or nil when nothing scored.
func (sc *scorer) best(body *html.Node) *html.Node {
	var top *html.Node
	topScore := 0.0
	for _, c := range sc.cands {
		s := sc.m[c]
		s.score *= 1 - s.linkDensity()
		if top == nil || s.score > topScore {
			top, topScore = c, s.score
		}
	}
	if top == nil {
		return nil
	}
	sc.storiesBeside(top)
	top = sc.climb(top, body)
	return top
}

// minStory is the prose an <article> with a headline needs to count as a
// story of its own (a teaser card has a headline and a summary).
const minStory = 500

// storiesBeside notes the other stories on the page when the winner sits
// in an <article>: infinite scroll appends the next story below the first
// as another <article> with the same classes, headline and body, and the
// page's own story is the first of them. An <article> with a headline
// (<h1>) and minStory characters of prose, neither holding nor held by
// the winner's, is such a story; the winner's container never grows to
// hold it. The posts of a live page are <article>s too, but under
// smaller headings: they are one story, and may still be gathered.
func (sc *scorer) storiesBeside(top *html.Node) {
	own := top
	if own.DataAtom != atom.Article {
		own = enclosing(top, atom.Article, 8)
	}
	if own == nil {
		return
	}
	for _, c := range sc.cands {
		s := sc.m[c]
		if c.DataAtom != atom.Article || c == own || s.heads == 0 || s.ptext < minStory ||
			contains(c, own) || contains(own, c) || firstDescendant(c, atom.H1) == nil {
			continue
		}
		if sc.others == nil {
			sc.others, sc.fenced = map[*html.Node]bool{}, map[*html.Node]bool{}
		}
		sc.others[c] = true
		for a := c.Parent; a != nil && !sc.fenced[a]; a = a.Parent {
			sc.fenced[a] = true
		}
	}
}

// climb moves the choice up when the article is split across several
// strong children of one ancestor, or when an ancestor scores higher
// than the winner (Readability's two corrections).
func (sc *scorer) climb(top, body *html.Node) *html.Node {
	topScore := sc.m[top].score
	// Alternatives: other strong candidates; if three or more of them sit
	// under one of top's ancestors, that ancestor is the article.
	var alts []*html.Node
	for _, c := range sc.cands {
		if c != top && sc.m[c].score >= 0.75*topScore {
			alts = append(alts, c)
		}
	}
	if len(alts) >= 3 {
		// Each alternative counts at the lowest of top's ancestors that
		// holds it: one walk up per alternative, not one per ancestor.
		level := map[*html.Node]int{}
		var chain []*html.Node
		for a := top.Parent; a != nil && a != body && a.Type == html.ElementNode; a = a.Parent {
			level[a] = len(chain)
			chain = append(chain, a)
		}
		held := make([]int, len(chain))
		for _, alt := range alts {
			if l := lowestOn(level, alt); l >= 0 {
				held[l]++
			}
		}
		n := 0
		for l, a := range chain {
			if sc.fenced[a] {
				break
			}
			if n += held[l]; n >= 3 {
				top = a
				break
			}
		}
	}
	last := sc.m[top].score
	threshold := last / 3
	for a := top.Parent; a != nil && a != body && a.Type == html.ElementNode && !sc.fenced[a]; a = a.Parent {
		as := sc.m[a]
		if as == nil || !as.scored {
			continue
		}
		if as.score < threshold {
			break
		}
		if as.score > last {
			top = a
			break
		}
		last = as.score
	}
	// Inside an <article> that holds twice the winner's prose, the
	// article is split (header and body sections, a paywall teaser):
	// take the whole <article>.
	if a := enclosing(top, atom.Article, 8); a != nil && a != body {
		as, ts := sc.m[a], sc.m[top]
		if as.ptext >= 2*ts.ptext && as.linkDensity() < 0.3 {
			top = a
		}
	}
	// An only child stands for its parent.
	for top.Parent != nil && top.Parent != body && top.Parent.Type == html.ElementNode && !sc.fenced[top.Parent] &&
		onlyElementChild(top.Parent) == top {
		top = top.Parent
	}
	return top
}

// lowestOn returns the level of the lowest of n and its ancestors that
// level holds, or -1.
func lowestOn(level map[*html.Node]int, n *html.Node) int {
	for ; n != nil; n = n.Parent {
		if l, ok := level[n]; ok {
			return l
		}
	}
	return -1
}

// contains reports whether a is an ancestor of n (or n itself).
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// onlyElementChild returns p's single element child, or nil.
func onlyElementChild(p *html.Node) *html.Node {
	var only *html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if only != nil {
				return nil
			}
			only = c
		}
	}
	return only
}

// siblings returns top's siblings that belong to the article too: scored
// siblings above a share of top's score (more for the same class), and
// plain paragraphs of prose.
func (sc *scorer) siblings(top *html.Node) []*html.Node {
	parent := top.Parent
	if parent == nil {
		return []*html.Node{top}
	}
	ts := sc.chainScore(top)
	threshold := ts * 0.2
	if threshold < 10 {
		threshold = 10
	}
	cls := attr(top, "class")
	targets := inPageTargets(top)
	var out, pending []*html.Node
	add := func(c *html.Node) {
		out = append(append(out, pending...), c)
		pending = pending[:0]
	}
	topSeen := false
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c == top {
			add(c)
			topSeen = true
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.H1 && !topSeen {
			// The headline: what stood above it (a notice about the
			// page, "This article has been reviewed…") is not the story.
			out, pending = out[:0], pending[:0]
			continue
		}
		// The article links into it: footnotes, endnotes.
		if len(targets) > 0 && holdsID(c, targets) {
			add(c)
			continue
		}
		s := sc.m[c]
		if s == nil || sc.others[c] || len(out) > 0 && appealBox(c, s) || sc.teaserCard(c, s) {
			continue
		}
		bonus := 0.0
		if cls != "" && attr(c, "class") == cls && c.DataAtom == top.DataAtom {
			bonus = ts * 0.2
			// A twin of the winner holding prose is more of the article,
			// however its paragraphs are nested.
			if s.ptext >= 100 && s.linkDensity() < 0.33 {
				add(c)
				continue
			}
		}
		if s.scored && sc.chainScore(c)+bonus >= threshold {
			add(c)
			continue
		}
		if p := wrappedPara(c); p != nil && p != c {
			// One paragraph of prose in wrappers of its own (a page
			// builder's block, names generated) joins when more of the
			// article follows it: after the last part it is as likely a
			// teaser line as the story's end.
			if ps := sc.m[p]; ps != nil && ps.text > 80 && ps.linkDensity() < 0.25 && endsSentence(innerText(p)) {
				pending = append(pending, c)
			}
			continue
		}
		if c.DataAtom == atom.P {
			ld := s.linkDensity()
			if s.text > 80 && ld < 0.25 {
				add(c)
			} else if s.text > 0 && s.text <= 80 && ld == 0 && endsSentence(innerText(c)) {
				add(c)
			}
		}
	}
	return sc.withMedia(parent, out)
}

// wrappedPara returns the <p> at the end of c's chain of only children
// that are plain wrappers (div, section), or nil.
func wrappedPara(c *html.Node) *html.Node {
	for depth := 0; c != nil && depth < 4; depth++ {
		switch c.DataAtom {
		case atom.P:
			return c
		case atom.Div, atom.Section:
			c = onlyElementChild(c)
		default:
			return nil
		}
	}
	return nil
}

// chainScore returns the best score along n and its chain of only
// children that are plain wrappers (div, section, article): an only
// child stands for its parent, so a winner may be a wrapper whose score
// is the little that reached it from paragraphs three levels down, and a
// sibling wrapped as deep (a page builder's block around a block of
// text) is weighed the same way. A table or list below is no wrapper: its
// score gathers many cells or items, each a small thing of its own.
func (sc *scorer) chainScore(n *html.Node) float64 {
	best := 0.0
	for depth := 0; n != nil && depth < 8; depth++ {
		if s := sc.m[n]; s != nil && s.scored && s.score > best {
			best = s.score
		}
		n = onlyElementChild(n)
		if n != nil && n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Article {
			break
		}
	}
	return best
}

// maxTeaser is the most text a teaser card holds: a linked headline and a
// summary of a few sentences.
const maxTeaser = 600

// teaserCard reports a block that opens with a headline that is all link
// and holds no more than a short summary after it: a "More from this
// author" or "Recommended" card. Pages give such cards the body's own
// class, so neither the class nor the summary's prose tells them apart;
// a part of the article does not open by linking away.
func (sc *scorer) teaserCard(c *html.Node, s *stats) bool {
	if s.text > maxTeaser {
		return false
	}
	h := firstHeading(c, 3)
	if h == nil {
		return false
	}
	hs := sc.m[h]
	return hs != nil && hs.text > 0 && hs.link*10 >= hs.text*9
}

// appealWords open the button that closes a box asking the reader for
// money or a subscription, in several languages.
var appealWords = [...]string{
	"support", "donate", "subscribe", "contribute", "give", "become a member", "become a supporter", "join us",
	"unterstützen", "spenden", "abonnieren", "jetzt unterstützen", "soutenir", "faire un don", "s'abonner",
	"je soutiens", "dona", "suscríbete", "apoya", "sostieni", "abbonati",
}

// donateWords open a call to give money, which news also prints for
// others (a relief fund's "Donate now").
var donateWords = [...]string{"donate", "give", "contribute", "dona", "spenden", "faire un don"}

// appealCall reports the text of a button that asks the reader to pay or
// subscribe: a short call ("Support us", "Donate now") or the offer of a
// free trial ("Try Ledger Pro free for 14 days").
func appealCall(t string) bool {
	n := len(strings.Fields(t))
	if n == 0 || n > 8 {
		return false
	}
	if n <= 4 && hasPrefixAny(t, appealWords[:]) {
		return true
	}
	return strings.Contains(t, "free trial") || hasPrefixAny(t, []string{"try ", "start "}) && strings.Contains(t, " free")
}

// appealBox reports a sibling after the article that is a request for
// support set after the body: a short box (a heading, a few paragraphs of
// pitch) whose last link or button is a short call to give, subscribe or
// join ("Support us", "Donate now"). Its prose reads like the article's
// and scores like it, but the box closes by asking the reader to act.
func appealBox(c *html.Node, s *stats) bool {
	if s.text > 1500 {
		return false
	}
	var last *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for x := n.FirstChild; x != nil; x = x.NextSibling {
			if x.DataAtom == atom.A || x.DataAtom == atom.Button {
				last = x
				continue
			}
			walk(x)
		}
	}
	walk(c)
	if last == nil || !appealCall(lowerASCII(innerText(last))) {
		return false
	}
	// Nothing but a short line ("Remind me later", the payment methods)
	// may follow the button.
	after := 0
	for n := last; n != nil && n != c; n = n.Parent {
		for x := n.NextSibling; x != nil; x = x.NextSibling {
			after += len(innerText(x))
		}
	}
	return after < 80
}

// withMedia adds to the chosen siblings the images between them: a
// figure-only block sandwiched by article blocks belongs to the article
// (pages that set each full-width picture in a wrapper of its own).
func (sc *scorer) withMedia(parent *html.Node, chosen []*html.Node) []*html.Node {
	if len(chosen) < 2 {
		return chosen
	}
	in := map[*html.Node]bool{}
	for _, c := range chosen {
		in[c] = true
	}
	var out []*html.Node
	seenChosen := 0
	var pending []*html.Node
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if in[c] {
			if seenChosen > 0 {
				out = append(out, pending...)
			}
			pending = pending[:0]
			out = append(out, c)
			seenChosen++
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		s := sc.m[c]
		if s != nil && s.imgs > 0 && s.text < 200 && s.linkDensity() < 0.5 {
			pending = append(pending, c)
		} else if s != nil && s.text > 0 {
			pending = pending[:0] // something else between: not sandwiched
		}
	}
	return out
}

// endsSentence reports text that reads like a sentence: it ends with
// terminal punctuation.
func endsSentence(t string) bool {
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':':
		return true
	}
	// The full stops of Chinese and Japanese, and their full-width marks.
	switch lastRune(t) {
	case '。', '！', '？', '：', '．':
		return true
	}
	return false
}

// withTwins adds to roots the "twins" of top: elements of the same tag and
// first class name under top's grandparent, holding prose, where a page
// split its body in parts (around ads or supplements). The result is in
// document order.
func (sc *scorer) withTwins(top *html.Node, roots []*html.Node, body *html.Node) []*html.Node {
	cls := firstClass(top)
	if cls == "" || top.Parent == nil || top.Parent.Parent == nil || top.Parent == body {
		return roots
	}
	// Look up to four levels above top, but not past the article or
	// main element that holds it.
	anc := top.Parent.Parent
	for i := 0; i < 2 && anc.Parent != nil && anc.Parent != body && anc.Parent.Type == html.ElementNode &&
		anc.DataAtom != atom.Article && anc.DataAtom != atom.Main; i++ {
		anc = anc.Parent
	}
	// Inside an <article>, the whole article is the place to look.
	a := top.Parent
	for i := 0; i < 12 && a != nil && a != body && a.Type == html.ElementNode; i++ {
		if a.DataAtom == atom.Article {
			if contains(a, anc) {
				anc = a
			}
			break
		}
		a = a.Parent
	}
	in := map[*html.Node]bool{}
	for _, r := range roots {
		in[r] = true
	}
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if in[c] {
				out = append(out, c)
				continue
			}
			s := sc.m[c]
			if s == nil || s.ptext == 0 || sc.others[c] || sc.teaserCard(c, s) {
				continue
			}
			// A twin holds prose, or is a picture of the article's
			// (a full-width figure in the same wrapper).
			if c.DataAtom == top.DataAtom && firstClass(c) == cls && !contains(c, top) &&
				(s.text >= 80 && s.linkDensity() < 0.33 || s.imgs > 0 && s.text < 200 && s.link == 0) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(anc)
	if len(out) < len(roots) {
		return roots // roots outside anc: keep what we had
	}
	return out
}

// firstClass returns the first class name of n.
func firstClass(n *html.Node) string {
	f := strings.Fields(attr(n, "class"))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// inPageTargets returns the ids that links under n point at ("#id").
func inPageTargets(n *html.Node) map[string]bool {
	var ids map[string]bool
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				if h := attr(c, "href"); len(h) > 1 && h[0] == '#' {
					if ids == nil {
						ids = map[string]bool{}
					}
					ids[h[1:]] = true
				}
			}
			walk(c)
		}
	}
	walk(n)
	return ids
}

// holdsID reports whether n or an element under it has one of the ids.
func holdsID(n *html.Node, ids map[string]bool) bool {
	if id := attr(n, "id"); id != "" && ids[id] {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsID(c, ids) {
			return true
		}
	}
	return false
}

// enclosing returns the nearest ancestor of n with atom a within levels,
// or nil.
func enclosing(n *html.Node, a atom.Atom, levels int) *html.Node {
	p := n.Parent
	for i := 0; i < levels && p != nil && p.Type == html.ElementNode; i++ {
		if p.DataAtom == a {
			return p
		}
		p = p.Parent
	}
	return nil
}
