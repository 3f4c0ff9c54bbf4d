package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stripNoise removes what never belongs to an article whatever the page:
// scripts, styles, comments, form controls, hidden elements, embeds other
// than videos from known hosts. With byClass, elements that a utility
// class hides go too, and it reports whether there were any: that is a
// judgement by name, which the second try (names off) does without, in
// case a script was to show them. It also settles lazy-loaded images, so
// that later passes see the real <img>.
func stripNoise(n *html.Node, byClass bool) (hidClass bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
		case html.ElementNode:
			if (noiseElement(c) || controlWidget(c)) && !revealedRest(c) {
				n.RemoveChild(c)
			} else if byClass && hiddenClass(attr(c, "class")) && !holdsProse(c) {
				n.RemoveChild(c)
				hidClass = true
			} else if c.DataAtom == atom.Noscript && !parsedNoscript(c) {
				unwrapNoscript(c)
			} else {
				ampImage(c)
				if c.DataAtom == atom.Img || c.DataAtom == atom.Source {
					fixLazyImage(c)
				}
				// Below a hidden element kept for its prose (the rest
				// of an article behind a "read more" button) classes are
				// not asked again: one walk of its paragraphs is enough.
				if stripNoise(c, byClass && !hiddenClass(attr(c, "class"))) {
					hidClass = true
				}
			}
		}
		c = next
	}
	return hidClass
}

// noiseElement reports elements removed outright.
func noiseElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Link, atom.Meta, atom.Template, atom.Svg,
		atom.Canvas, atom.Object, atom.Embed, atom.Applet, atom.Frame,
		atom.Frameset, atom.Audio, atom.Video, atom.Map, atom.Area, atom.Dialog,
		atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Option,
		atom.Datalist, atom.Output, atom.Progress, atom.Meter, atom.Title, atom.Base:
		return true
	case atom.Iframe:
		return !videoHost(attr(n, "src"))
	case 0:
		// Unknown tags: custom elements such as <amp-ad> or <ad-slot>.
		d := n.Data
		return strings.HasPrefix(d, "amp-ad") || strings.Contains(d, "-ad") ||
			strings.HasSuffix(d, "ads") || strings.Contains(d, "share") ||
			strings.Contains(d, "social") || strings.Contains(d, "comment")
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || captionLabel(n) {
		return true
	}
	if st := attr(n, "style"); st != "" && hiddenStyle(st) {
		return true
	}
	return false
}

// captionLabel reports a span that only says what follows is a caption
// ("Image caption, "): a label written for screen readers, hidden from
// sight, whose words tell it even where its class name is generated.
func captionLabel(n *html.Node) bool {
	if n.DataAtom != atom.Span || n.FirstChild == nil || n.FirstChild != n.LastChild || n.FirstChild.Type != html.TextNode {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(n.FirstChild.Data)) {
	case "image caption,", "media caption,", "video caption,":
		return true
	}
	return false
}

// controlWidget reports a prompt beside its buttons with little else: a
// feedback or reaction widget ("Was this page helpful? Yes No", "What
// did you think? LOL Love"). Buttons go as noise, which would leave the
// prompt standing alone in the article. A gallery or a code sample with
// its buttons holds an image or code, and stays.
func controlWidget(n *html.Node) bool {
	if n.DataAtom == atom.P || isInline(n) {
		return false // buttons inside a sentence: footnote toggles, say
	}
	buttons := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, atom.Button) {
			buttons++
		}
	}
	if buttons < 2 {
		return false
	}
	if _, short := textLenUpTo(n, 100); !short {
		return false
	}
	return !holdsMedia(n) && promptOutside(n)
}

// promptOutside reports that the text of n beside its buttons asks or
// labels (a question, or a line that ends no sentence): "What did you
// think?", "Rate this". A statement beside buttons is content.
func promptOutside(n *html.Node) bool {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !isElem(c, atom.Button) {
			appendText(&b, c)
		}
	}
	t := strings.TrimSpace(collapse(b.String()))
	return t == "" || strings.HasSuffix(t, "?") || !endsSentence(t)
}

// holdsMedia reports an element with a picture, player, table or code
// below it.
func holdsMedia(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Img, atom.Picture, atom.Figure, atom.Video, atom.Audio, atom.Iframe, atom.Table, atom.Pre,
			atom.Code, atom.Math, atom.Svg, atom.Canvas:
			return true
		}
		if holdsMedia(c) {
			return true
		}
	}
	return false
}

// hiddenClass reports a class list that hides its element outright with
// a utility class of the common CSS frameworks ("hidden", "d-none",
// "is-hidden"): the second copy of a picture kept for a zoom view, a
// topics list for the ad server. A list that also shows the element at
// some screen size ("hidden md:block", "d-none d-lg-block") hides it
// only on small screens, and it stays.
func hiddenClass(class string) bool {
	lower := lowerASCII(class)
	if !strings.Contains(lower, "hidden") && !strings.Contains(lower, "d-none") {
		return false // most class lists: no need to split them
	}
	hidden := false
	for _, c := range strings.Fields(lower) {
		switch c {
		case "hidden", "d-none", "is-hidden":
			hidden = true
		default:
			if strings.Contains(c, ":") || strings.HasPrefix(c, "d-") || strings.HasPrefix(c, "visible-") {
				return false // shown at some screen size
			}
		}
	}
	return hidden
}

// holdsProse reports an element with paragraphs of some length (400
// characters in all): hidden by class, that is more likely the rest of
// the article, waiting for a "read more" button, than furniture.
func holdsProse(n *html.Node) bool {
	const enough = 400
	total := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.P {
				l, _ := textLenUpTo(c, enough)
				if total += l; total >= enough {
					return true
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// revealedRest reports an element that its inline style hides but that
// holds the rest of the article: paragraphs of prose (holdsProse) right
// after a block of paragraphs, with nothing between but a short line (the
// "Continue reading" button, or its link). The button's script shows it,
// and a reader who presses it reads on. Hidden prose anywhere else (a
// closed dialog, a copy for another layout) still goes.
func revealedRest(n *html.Node) bool {
	if st := attr(n, "style"); st == "" || !hiddenStyle(st) || hasAttr(n, "hidden") ||
		attr(n, "aria-hidden") == "true" || !holdsProse(n) {
		return false
	}
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if _, short := textLenUpTo(s, 40); short {
			continue // the button, or the link that stands for it
		}
		return s.DataAtom == atom.P || firstDescendant(s, atom.P) != nil
	}
	return false
}

// hiddenStyle reports an inline style that hides its element.
func hiddenStyle(st string) bool {
	st = strings.ReplaceAll(lowerASCII(st), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// unwrapNoscript replaces a <noscript> with the image it holds when that
// image is the real copy of a lazy placeholder next to it; otherwise the
// <noscript> goes.
func unwrapNoscript(ns *html.Node) {
	parent := ns.Parent
	raw := ""
	if ns.FirstChild != nil && ns.FirstChild.Type == html.TextNode {
		raw = ns.FirstChild.Data
	}
	if !strings.Contains(raw, "<img") || len(raw) > 4096 {
		parent.RemoveChild(ns)
		return
	}
	nodes, err := html.ParseFragment(strings.NewReader(raw), elem(atom.Div))
	if err != nil {
		parent.RemoveChild(ns)
		return
	}
	var img *html.Node
	for _, x := range nodes {
		if img = findImg(x); img != nil {
			break
		}
	}
	if img == nil {
		parent.RemoveChild(ns)
		return
	}
	if img.Parent != nil {
		img.Parent.RemoveChild(img)
	}
	fixLazyImage(img)
	// A placeholder image just before the <noscript> is replaced.
	prev := ns.PrevSibling
	for prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
		prev = prev.PrevSibling
	}
	if prev != nil && prev.Type == html.ElementNode {
		if old := findImg(prev); old != nil && (prev.DataAtom == atom.Img || onlyImage(prev)) {
			old.Parent.InsertBefore(img, old)
			old.Parent.RemoveChild(old)
			parent.RemoveChild(ns)
			return
		}
	}
	parent.InsertBefore(img, ns)
	parent.RemoveChild(ns)
}

// findImg returns the first <img> in n's subtree (n included).
func findImg(n *html.Node) *html.Node {
	if isElem(n, atom.Img) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if img := findImg(c); img != nil {
			return img
		}
	}
	return nil
}

// onlyImage reports whether n holds one image and no text.
func onlyImage(n *html.Node) bool {
	imgs := 0
	var walk func(x *html.Node) bool
	walk = func(x *html.Node) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
				return false
			case isElem(c, atom.Img):
				imgs++
			case c.Type == html.ElementNode:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	return walk(n) && imgs == 1
}

// pruneFurniture removes navigation, asides, footers, forms and elements
// whose class, id or role names furniture, except when such an element holds
// most of the page's paragraph text (a badly named wrapper around the whole
// article). Hard furniture names (comments, related, share) never spare.
// With names false, only tags and roles count (the fallback pass).
//
// The lines of what it removes are remembered in seen: the same line met
// again in the article (a sign-up box repeated inline) is furniture too.
//
// A page header that holds lead, the block telling the page's description
// again, leaves lead in its place: the header is the article's, set
// outside its <article>, and its standfirst belongs to the article.
//
// It reports whether an element went for its name alone, which tags and
// roles would have kept: only then can the pass without names differ.
func pruneFurniture(n *html.Node, m measure, cues cueCache, total int, names bool, seen lineSet, lead *html.Node) (byName bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if drop, soft := furniture(c, cues, names); drop && !(soft && holdsArticle(m[c], total) && !isList(c)) &&
				!articleBox(c, m, cues) {
				if lead != nil && c.DataAtom == atom.Header && contains(c, lead) {
					lead.Parent.RemoveChild(lead)
					n.InsertBefore(lead, c)
				}
				if byTag, _ := furniture(c, cues, false); names && !byTag {
					byName = true
				}
				seen.collect(c, m)
				n.RemoveChild(c)
			} else if pruneFurniture(c, m, cues, total, names, seen, lead) {
				byName = true
			}
		}
		c = next
	}
	return byName
}

// articleBox reports an <aside> set in the flow of the article's prose,
// next to one of its paragraphs, with few links, no name that says
// furniture, and the shape of the article's own box: a heading or list
// ("Key facts", a timeline, a glossary) or an editor's note or
// correction. An aside beside the article, one pointing at other
// stories, and a pull quote (which says the body again) are not.
func articleBox(n *html.Node, m measure, cues cueCache) bool {
	if n.DataAtom != atom.Aside {
		return false
	}
	s := m[n]
	if s == nil || s.text < 40 || s.text > 3000 || 3*s.link > s.text || !besideProse(n, m) {
		return false
	}
	if s.heads+s.lis == 0 && !editorsNote(cueText(innerText(n))) || linkedHeading(n, false) {
		return false
	}
	w, hard := cues.judge(n)
	return w >= 0 && !hard
}

// linkedHeading reports a heading under n that is a link or holds one:
// the title of a teaser card for another story, never of the article's
// own box. inLink says n is inside a link.
func linkedHeading(n *html.Node, inLink bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isHeading(c.DataAtom) && (inLink || firstDescendant(c, atom.A) != nil) {
			return true
		}
		if linkedHeading(c, inLink || c.DataAtom == atom.A) {
			return true
		}
	}
	return false
}

// besideProse reports an element whose nearest element sibling on one
// side is a paragraph of prose, among at least two such siblings: it
// stands inside the article's body, not in the page's layout beside it.
func besideProse(n *html.Node, m measure) bool {
	prose := func(x *html.Node) bool { return x != nil && x.DataAtom == atom.P && isPara(x, m[x]) }
	if !prose(siblingElem(n, -1)) && !prose(siblingElem(n, 1)) {
		return false
	}
	k := 0
	for c := n.Parent.FirstChild; c != nil && k < 2; c = c.NextSibling {
		if prose(c) {
			k++
		}
	}
	return k >= 2
}

// editorsNotes open the newsroom's own notes on an article, which are
// part of it: why it was written, what was corrected.
var editorsNotes = [...]string{
	"editor's note", "editor’s note", "editors' note", "editors’ note", "correction", "clarification",
	"update:", "updated:", "anmerkung der redaktion", "korrektur", "note de la rédaction", "rectificatif",
	"nota del editor", "fe de errores", "nota della redazione", "примечание редакции", "编者按", "編集部注",
}

// editorsNote reports cue text that opens with an editor's note label.
func editorsNote(lower string) bool {
	return hasPrefixAny(lower, editorsNotes[:])
}

// siblingElem returns n's nearest element sibling before it (dir < 0) or
// after it, or nil.
func siblingElem(n *html.Node, dir int) *html.Node {
	for {
		if dir < 0 {
			n = n.PrevSibling
		} else {
			n = n.NextSibling
		}
		if n == nil || n.Type == html.ElementNode {
			return n
		}
	}
}

// isList reports ul and ol. A list named as furniture ("legends",
// "carousel") is not spared for its size: a gallery's fifty captions can
// outweigh the article, but an article body is not a named list.
func isList(n *html.Node) bool {
	return n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
}

// lineSet holds the lines of pruned furniture.
type lineSet map[string]bool

// maxLines bounds how many furniture lines are remembered.
const maxLines = 400

// collect remembers the short block lines under n (20 to 200 characters).
func (ls lineSet) collect(n *html.Node, m measure) {
	if len(ls) >= maxLines {
		return
	}
	s := m[n]
	if s == nil || s.text < 20 {
		return
	}
	if s.own >= 20 && s.text <= 200 {
		ls[innerText(n)] = true
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			ls.collect(c, m)
		}
	}
}

// sectionHeader reports a <header> that heads a section of the content,
// not the page: inside <section> or <main>, holding a heading and little
// else.
func sectionHeader(n *html.Node) bool {
	if !hasAncestor(n, atom.Section) && !hasAncestor(n, atom.Main) {
		return false
	}
	// Too much text to be a heading and little else (see below): said
	// before the search for the heading, which would walk all of it.
	if _, ok := textLenUpTo(n, maxHeadingText+200); !ok {
		return false
	}
	var h *html.Node
	for _, a := range [...]atom.Atom{atom.H1, atom.H2, atom.H3} {
		if h = firstDescendant(n, a); h != nil {
			break
		}
	}
	if h == nil {
		return false
	}
	// innerText(n) at most 200 bytes longer than innerText(h), counted
	// without copying: nested headers would each copy all below them.
	lh, ok := textLenUpTo(h, maxHeadingText)
	if !ok {
		return false // a "heading" of 64 KiB heads nothing
	}
	_, ok = textLenUpTo(n, lh+200)
	return ok
}

// holdsArticle reports whether an element with stats s holds most of the
// page's paragraph text.
func holdsArticle(s *stats, total int) bool {
	return s != nil && s.ptext >= 200 && float64(s.ptext) >= 0.5*float64(total)
}

// furniture says whether n is page furniture by tag, role or name, and
// whether that verdict is soft (may be overruled by size).
func furniture(n *html.Node, cues cueCache, names bool) (drop, soft bool) {
	switch n.DataAtom {
	case atom.Footer, atom.Header:
		// A quote's or figure's footer is its attribution.
		if p := n.Parent; p != nil && (p.DataAtom == atom.Blockquote || p.DataAtom == atom.Figure || p.DataAtom == atom.Figcaption) {
			return false, false
		}
		// An article's own header holds its standfirst; what else is in
		// it (title, byline, date) is trimmed block by block.
		if n.DataAtom == atom.Header && (hasAncestor(n, atom.Article) || sectionHeader(n)) {
			return false, false
		}
		return true, true
	case atom.Nav, atom.Aside, atom.Form, atom.Menu:
		return true, true
	case atom.Body, atom.Html, atom.Head, atom.Tbody, atom.Thead, atom.Tr,
		atom.Td, atom.Th, atom.Img, atom.Picture, atom.Source, atom.Pre, atom.Code:
		return false, false
	}
	switch attr(n, "role") {
	case "navigation", "complementary", "banner", "contentinfo", "menu", "menubar",
		"search", "dialog", "alertdialog", "toolbar", "tablist", "alert":
		return true, true
	}
	if !names || n.DataAtom == 0 && strings.Contains(n.Data, "-") {
		return false, false
	}
	w, hard := cues.judge(n)
	if !hard && isInline(n) && n.Parent != nil && n.Parent.DataAtom == atom.P {
		return false, false // a "dateline" span is part of its sentence
	}
	if !hard && w < 0 && (n.DataAtom == atom.Figcaption || hasAncestor(n, atom.Figcaption) ||
		creditNamed(n) && hasAncestor(n, atom.Figure)) {
		// A caption styled as "meta" is still the caption, and its
		// "copyright" or "credit" part is its credit, also where it is
		// set over the picture rather than in the caption. (Asked only of
		// elements that would go: the walk up is as long as the page is
		// deep.)
		return false, false
	}
	switch {
	case w < 0:
		return true, !hard
	case hard && w < 25:
		return true, true
	}
	return false, false
}

// signupBox caps the text of a sign-up box: a name, a line of pitch and
// the small print, never the article around it.
const signupBox = 400

// maxEmailFields bounds the fields looked around: a page has a sign-up
// box or two, and each look walks up the tree.
const maxEmailFields = 32

// emailFieldParents returns the parents of the fields that ask for an
// email address, found before stripNoise takes the fields away.
func emailFieldParents(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(out) < maxEmailFields; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Input && emailField(c) {
				out = append(out, n)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// emailField reports an input for an email address.
func emailField(n *html.Node) bool {
	switch lowerASCII(attr(n, "type")) {
	case "email":
		return true
	case "hidden", "checkbox", "radio", "submit", "button":
		return false // a field the reader does not type an address in
	}
	for _, k := range [...]string{"name", "placeholder", "autocomplete"} {
		v := lowerASCII(attr(n, k))
		if strings.Contains(v, "email") || strings.Contains(v, "e-mail") {
			return true
		}
	}
	return false
}

// dropSignupBoxes removes, around each email field, the widest element
// with at most a sign-up box's text: a newsletter box set without a
// <form> (pages that post the address by script) otherwise leaves its
// pitch in the middle of the article, where no edge rule looks. parents
// are the fields' parents from emailFieldParents; it reports whether
// anything went.
func dropSignupBoxes(body *html.Node, parents []*html.Node) bool {
	dropped := false
	for _, p := range parents {
		if !contains(body, p) {
			continue // inside a box already removed
		}
		box := p
		for a := p.Parent; a != nil && a != body; a = a.Parent {
			if _, ok := textLenUpTo(a, signupBox); !ok {
				break
			}
			box = a
		}
		if _, ok := textLenUpTo(box, signupBox); ok && box != body && box.Parent != nil {
			box.Parent.RemoveChild(box)
			dropped = true
		}
	}
	return dropped
}

// playerCard caps the text of a video card left without its player: a
// headline, a running time, a source line.
const playerCard = 200

// maxRunningTimes bounds the running times looked around, as
// maxEmailFields does the fields.
const maxRunningTimes = 32

// dropPlayerCards removes the cards a video player leaves once its
// scripts are gone: a box named for video holding a headline and a
// running time ("Why night trains are back", "03:42"). The running time
// set alone in an element marks them; the widest box around it, at most
// three levels up, with at most a card's text, a video name (its own or
// the running time's) and no paragraph ending a sentence goes. A <time>
// gives a time of day, as live pages set beside each post's heading, and
// never marks a card; nor does a time beside a post's sentence.
func dropPlayerCards(body *html.Node) {
	var times []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(times) < maxRunningTimes; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom == atom.Time {
				continue
			}
			if t := c.FirstChild; t != nil && t == c.LastChild && t.Type == html.TextNode {
				if duration(strings.TrimSpace(t.Data)) {
					times = append(times, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(body)
	for _, t := range times {
		if !contains(body, t) {
			continue // inside a card already removed
		}
		named := videoNamed(t)
		var card *html.Node
		for a, up := t.Parent, 0; a != nil && a != body && up < 3; a, up = a.Parent, up+1 {
			if _, ok := textLenUpTo(a, playerCard); !ok {
				break
			}
			if named = named || videoNamed(a); named && !holdsSentence(a) {
				card = a
			}
		}
		if card != nil && card.Parent != nil {
			card.Parent.RemoveChild(card)
		}
	}
}

// holdsSentence reports a paragraph that ends a sentence under n: a live
// post (a time and what happened), not a card (a title and a time).
func holdsSentence(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.P && endsSentence(strings.TrimSpace(innerText(c))) || holdsSentence(c) {
			return true
		}
	}
	return false
}

// videoNamed reports an element whose class or id names a video or its
// player.
func videoNamed(n *html.Node) bool {
	return nameHas(n, "video", "player", "duration")
}
