package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// drop decides whether an element inside the article is furniture: named
// so, or a container whose shape (links, images, form fields, lists
// against paragraphs) says it is not prose (Readability's conditional
// cleaning).
func (b *builder) drop(c *html.Node) bool {
	if b.roots[c] {
		return false
	}
	s := b.m[c]
	if s == nil {
		return false // created after measuring (noscript images)
	}
	if s.maths > 0 && isInline(c) {
		return false // a formula's wrapper (MathJax's), whatever its classes say
	}
	if c.DataAtom == atom.A && sponsoredLink(c) && standsAlone(c) {
		return true // an affiliate button ("Shop now: map, £10.99")
	}
	if c.DataAtom == atom.A && s.text >= 9 && s.text < 60 && photoSaleLink(c) {
		return true // "Buy Photo" beside a caption: the agency's shop, not the caption
	}
	if isInline(c) && adLabel(c, s) {
		return true // "Advertisement" between two sentences: the slot's label
	}
	w, hard := b.cues.judge(c)
	// Inside a paragraph, a span named "dateline" or "byline" is part of
	// the sentence ("CAIRO — Gunmen opened fire..."): only hard names
	// (screen-reader text, share widgets) take an inline element out.
	if !hard && isInline(c) && c.Parent != nil && c.Parent.DataAtom == atom.P {
		return false
	}
	// The credit of a caption stays, however it is named. Asked last, of
	// the elements that would go: the walk up is as long as the page is
	// deep.
	return b.dropShape(c, s, w, hard) && (hard || !hasAncestor(c, atom.Figcaption))
}

// dropShape is drop's verdict by name weight w and by shape, captions
// aside.
func (b *builder) dropShape(c *html.Node, s *stats, w int, hard bool) bool {
	if w < 0 && (hard || !holdsArticle(s, b.total)) || hard && w < 25 && !holdsArticle(s, b.total) {
		return true
	}
	switch c.DataAtom {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.Form,
		atom.Fieldset, atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Dl:
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// A linked heading in the middle of prose is a section heading
		// (lists of films, books); linked headings at the edges are
		// teasers, and the boundary trimming takes those.
		return false
	default:
		// A paragraph that is all link in the middle of the article is
		// part of it (where to find the event, whom to write to); teaser
		// lines sit at the edges, where the boundary trimming takes them,
		// or open with a cue ("Read more:") that takes them anywhere.
		return false
	}
	if s.commas >= 10 && s.linkDensity() < 0.5 {
		return false
	}
	if c.DataAtom != atom.Table && s.text <= 600 && s.imgs == 0 {
		// A members' promo set in the body, closed by its button on a
		// line of its own (not a "| Subscribe" in a row of links under
		// an author's note). A call to donate or give may close the
		// story's own box on how to help (a relief fund): only the
		// edges judge those.
		if btn := closingControl(c); btn != nil && standsAlone(btn) {
			if t := lowerASCII(innerText(btn)); appealCall(t) && (!hasPrefixAny(t, donateWords[:]) || siteWord(lowerASCII(innerText(c)))) {
				return true
			}
		}
	}
	if b.inDataTable(c) {
		return false // cells hold data, however short
	}
	if c.DataAtom == atom.Table && dataTable(c, s) {
		return s.linkDensity() > 0.5
	}
	if b.holdsNote(c) {
		return false // footnotes are link-heavy by nature
	}
	isList := c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Dl
	inFig := hasAncestor(c, atom.Figure)
	ld := s.linkDensity()
	switch {
	case s.imgs > 1 && float64(s.ps)/float64(s.imgs) < 0.5 && !inFig && s.text < 200:
		return true
	case s.inputs > s.ps/3:
		return true
	case !isList && s.text < minPara && (s.imgs == 0 || s.imgs > 2) && !inFig && s.heads == 0 && s.embeds == 0 &&
		!(c.DataAtom == atom.Div && s.imgs == 0 && s.link == 0 && s.ps == 0 && s.lis == 0):
		// (A div of nothing but a short line of text is a paragraph:
		// a line of dialogue, "Gotcha.")
		return true
	case isList && ld > 0.9 && s.lis < 3:
		return true
	case !isList && w < 25 && ld > 0.35:
		return true
	case w >= 25 && ld > 0.5:
		return true
	}
	return false
}

// photoSales open the links agencies and newspapers set beside a
// picture's caption to sell or license it.
var photoSales = [...]string{"purchase licensing rights", "acquire licensing rights", "buy photo", "buy this photo",
	"purchase photo", "license this photo", "buy image", "buy this image"}

// photoSaleLink reports a link whose text opens with a photoSales phrase
// (a screen-reader note such as ", opens new tab" may follow), reading
// only its first text node: the builder asks it of every link.
func photoSaleLink(a *html.Node) bool {
	t := firstText(a)
	if t == nil {
		return false
	}
	s := strings.TrimSpace(t.Data)
	for _, p := range photoSales {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// closingControl returns the last link or button under n when under 80
// characters of text follow it, looking back from the end through at most
// 64 nodes: asked of every small block of the body, it must not walk
// whole subtrees (nested wrappers would make that quadratic).
func closingControl(n *html.Node) *html.Node {
	budget, after := 64, 0
	var back func(n *html.Node) (*html.Node, bool)
	back = func(n *html.Node) (*html.Node, bool) { // the control, or whether to stop
		for x := n.LastChild; x != nil; x = x.PrevSibling {
			if budget--; budget < 0 {
				return nil, true
			}
			switch {
			case x.Type == html.TextNode:
				if after += len(strings.TrimSpace(x.Data)); after >= 80 {
					return nil, true
				}
			case x.DataAtom == atom.A || x.DataAtom == atom.Button:
				return x, true
			case x.Type == html.ElementNode:
				if c, stop := back(x); stop {
					return c, true
				}
			}
		}
		return nil, false
	}
	c, _ := back(n)
	return c
}

// sponsoredLink reports a link marked as paid for (rel="sponsored", the
// mark search engines ask of affiliate and advertising links).
func sponsoredLink(a *html.Node) bool {
	for _, r := range strings.Fields(strings.ToLower(attr(a, "rel"))) {
		if r == "sponsored" {
			return true
		}
	}
	return false
}

// standsAlone reports an element set as a line of its own: no text or
// inline element beside it, through the inline parents it is the only
// content of. A paid link inside a sentence is part of the sentence.
func standsAlone(n *html.Node) bool {
	for n.Parent != nil {
		prev, next := contentSibling(n.PrevSibling, true), contentSibling(n.NextSibling, false)
		if prev == nil && next == nil && isInline(n.Parent) {
			n = n.Parent
			continue
		}
		return !flowsWith(prev) && !flowsWith(next)
	}
	return false
}

// contentSibling returns s or the nearest sibling past it (earlier ones
// when back) that is an element or text other than blanks.
func contentSibling(s *html.Node, back bool) *html.Node {
	for s != nil && (s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" || s.Type == html.CommentNode) {
		if back {
			s = s.PrevSibling
		} else {
			s = s.NextSibling
		}
	}
	return s
}

// flowsWith reports a neighbour that would share a line with an element:
// text, or an inline element other than a line break.
func flowsWith(s *html.Node) bool {
	return s != nil && (s.Type == html.TextNode || s.Type == html.ElementNode && isInline(s) && s.DataAtom != atom.Br)
}

// holdsNote reports whether n holds a footnote of the article: an element
// that an in-page link of the article points at and that links back itself.
func (b *builder) holdsNote(n *html.Node) bool {
	if len(b.targets) == 0 {
		return false
	}
	if b.notes == nil {
		b.notes = map[*html.Node]bool{}
		for r := range b.roots {
			b.markNotes(r, r)
		}
	}
	return b.notes[n]
}

// markNotes marks the ancestors (up to root) of every footnote under n.
func (b *builder) markNotes(n, root *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if id := attr(c, "id"); id != "" && b.targets[id] && len(inPageTargets(c)) > 0 {
			for p := c; p != nil && !b.notes[p]; p = p.Parent {
				b.notes[p] = true
				if p == root {
					break
				}
			}
			continue
		}
		b.markNotes(c, root)
	}
}

// inDataTable reports whether n sits in a cell of a data table.
func (b *builder) inDataTable(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || p.DataAtom != atom.Table {
			continue
		}
		if v, ok := b.tables[p]; ok {
			return v
		}
		v := dataTable(p, b.m[p])
		if b.tables == nil {
			b.tables = map[*html.Node]bool{}
		}
		b.tables[p] = v
		return v
	}
	return false
}

// hasAncestor reports whether n sits inside an element with atom a.
func hasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a && p.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// dataTable reports a table of data rather than layout: it says so
// (caption, th, summary) or has many small cells and no nested tables.
func dataTable(t *html.Node, s *stats) bool {
	if attr(t, "role") == "presentation" {
		return false
	}
	rows, cols, nested, heads := 0, 0, false, false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				nested = true
				continue
			case atom.Caption, atom.Th, atom.Thead, atom.Colgroup:
				heads = true
			case atom.Tr:
				rows++
				n := 0
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if isElem(td, atom.Td) || isElem(td, atom.Th) {
						n++
					}
				}
				if n > cols {
					cols = n
				}
			}
			walk(c)
		}
	}
	walk(t)
	if nested {
		return false
	}
	if heads {
		return true
	}
	if rows == 1 || cols == 1 {
		return false
	}
	return rows*cols > 10 || rows >= 10
}

// table copies a data table cell by cell, and unwraps a layout table into
// its cells' content.
func (b *builder) table(c *html.Node, out *html.Node) {
	s := b.m[c]
	if s == nil || !dataTable(c, s) {
		if flow(out) {
			if f := b.photoTable(c, s); f != nil {
				out.AppendChild(f)
				return
			}
			b.layout(c, out)
		} else {
			b.mixed(c, out)
		}
		return
	}
	t := elem(atom.Table)
	var walk func(in, dst *html.Node)
	walk = func(in, dst *html.Node) {
		for x := in.FirstChild; x != nil; x = x.NextSibling {
			if x.Type != html.ElementNode {
				continue
			}
			switch x.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr:
				e := elem(x.DataAtom)
				walk(x, e)
				if e.FirstChild != nil {
					dst.AppendChild(e)
				}
			case atom.Td, atom.Th, atom.Caption:
				e := elem(x.DataAtom)
				for _, k := range [...]string{"colspan", "rowspan"} {
					if v := attr(x, k); v != "" {
						e.Attr = append(e.Attr, html.Attribute{Key: k, Val: v})
					}
				}
				b.mixed(x, e)
				dst.AppendChild(e)
			}
		}
	}
	walk(c, t)
	if hasContent(t) {
		out.AppendChild(t)
	}
}

// photoTable builds a figure from a layout table that boxes one picture
// with a short caption in a cell of its own: how pages before <figure>
// set a photo beside the story. Anything more (paragraphs, headings,
// lists, a caption of links) is unwrapped as layout instead.
func (b *builder) photoTable(t *html.Node, s *stats) *html.Node {
	if s == nil || s.imgs != 1 || s.text == 0 || s.text > 300 || s.ps > 0 || s.heads > 0 || s.lis > 0 ||
		s.link*2 > s.text {
		return nil
	}
	var imgCell, capCell *html.Node
	extra := false // a second cell of text: layout, read as such
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for x := n.FirstChild; x != nil; x = x.NextSibling {
			switch {
			case x.Type != html.ElementNode:
			case x.DataAtom == atom.Td || x.DataAtom == atom.Th:
				if findImg(x) != nil {
					imgCell = x
				} else if strings.TrimSpace(innerText(x)) != "" {
					if capCell != nil {
						extra = true
					}
					capCell = x
				}
			case x.DataAtom == atom.Tbody || x.DataAtom == atom.Tr || x.DataAtom == atom.Thead:
				walk(x)
			}
		}
	}
	walk(t)
	if imgCell == nil || capCell == nil || extra || strings.TrimSpace(innerText(imgCell)) != "" {
		return nil
	}
	img := b.image(findImg(imgCell))
	fc := b.caption(capCell)
	if img == nil || fc == nil {
		return nil
	}
	f := elem(atom.Figure)
	f.AppendChild(img)
	f.AppendChild(fc)
	return f
}

// layout unwraps a layout table: each cell's content joins the flow.
func (b *builder) layout(in, out *html.Node) {
	for x := in.FirstChild; x != nil; x = x.NextSibling {
		if x.Type != html.ElementNode || b.drop(x) {
			continue
		}
		switch x.DataAtom {
		case atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr:
			b.layout(x, out)
		case atom.Td, atom.Th:
			b.children(x, out)
		case atom.Caption:
			b.block(x, out)
		}
	}
}

// figure copies a figure: its image (or video) and caption, the credit
// split from the caption where the page marks it.
func (b *builder) figure(c *html.Node) *html.Node {
	f := elem(atom.Figure)
	var capNode, credit *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for x := n.FirstChild; x != nil; x = x.NextSibling {
			if x.Type != html.ElementNode {
				continue
			}
			if credit == nil && b.creditOverImage(x) {
				credit = x // set over the picture, apart from the caption
				continue
			}
			if b.dropInFigure(x) {
				continue
			}
			switch x.DataAtom {
			case atom.Img, atom.Picture:
				if img := b.image(x); img != nil {
					f.AppendChild(img)
				}
			case atom.Iframe:
				b.block(x, f)
			case atom.Figcaption:
				if capNode == nil {
					capNode = x
				}
			case atom.Table, atom.Pre, atom.Blockquote, atom.Ul, atom.Ol:
				b.block(x, f)
			default:
				walk(x)
			}
		}
	}
	walk(c)
	dedupeImages(f)
	if f.FirstChild == nil && capNode != nil && !holdsMedia(c) && textOutside(c, capNode) &&
		!strings.Contains(attr(c, "itemtype"), "ImageObject") {
		// A caption of nothing on the page beside other text (a label,
		// a play button): the title card of a player that script draws
		// ("Related Video"), without the player. A figure that declares
		// its picture (microdata ImageObject) waits for a lazy loader,
		// and its caption tells of a picture readers see.
		return nil
	}
	var fc *html.Node
	if capNode != nil {
		fc = b.caption(capNode)
	}
	if credit != nil {
		fc = b.creditApart(fc, credit)
	}
	if fc != nil {
		f.AppendChild(fc)
	}
	if f.FirstChild == nil {
		return nil
	}
	return f
}

// creditOverImage reports an element of a figure, outside its caption,
// named as the picture's credit ("copyright", "credit"): kept, though such
// names are furniture elsewhere, unless the name is a hard one.
func (b *builder) creditOverImage(x *html.Node) bool {
	if x.DataAtom == atom.Figcaption || !creditNamed(x) || firstDescendant(x, atom.Img) != nil {
		return false
	}
	_, hard := b.cues.judge(x)
	return !hard
}

// creditApart adds to the caption fc (nil when the figure has none) the
// credit that the page sets apart from it, over or beside the picture,
// unless the caption gives a credit of its own.
func (b *builder) creditApart(fc, credit *html.Node) *html.Node {
	if fc != nil && firstDescendant(fc, atom.Small) != nil {
		return fc
	}
	tmp := elem(atom.Span)
	b.mixed(credit, tmp) // leaves out what the builder drops: screen-reader labels
	ct := collapse(innerText(tmp))
	if ct == "" || len(ct) > 120 {
		return fc
	}
	if fc == nil {
		fc = elem(atom.Figcaption)
	} else {
		fc.AppendChild(textNode(" "))
	}
	sm := elem(atom.Small, html.Attribute{Key: "class", Val: "credit"})
	sm.AppendChild(textNode(ct))
	fc.AppendChild(sm)
	return fc
}

// dropInFigure is drop for the children of a figure, except that a
// figure's own caption goes only for a hard name: captions are often named
// as page furniture ("meta", "credit") by their styling.
func (b *builder) dropInFigure(x *html.Node) bool {
	if x.DataAtom == atom.Figcaption {
		_, hard := b.cues.judge(x)
		return hard
	}
	return b.drop(x)
}

// creditNames are class/id words that mark a photo credit.
var creditNames = [...]string{"credit", "copyright", "source", "photographer", "byline", "author", "attribution"}

// caption builds a <figcaption> from in, with the credit in its own
// <small class="credit">: an element named as a credit, or a trailing
// "Photo: X" style line.
func (b *builder) caption(in *html.Node) *html.Node {
	fc := elem(atom.Figcaption)
	var credit *html.Node
	var labelled strings.Builder // the credit after a "Credit:" label
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		afterLabel := false
		for x := n.FirstChild; x != nil; x = x.NextSibling {
			if afterLabel {
				appendText(&labelled, x)
				continue
			}
			if x.Type == html.ElementNode && credit == nil && creditNamed(x) {
				credit = x
				// A label ("Credit:") names what follows it.
				afterLabel = strings.HasSuffix(innerText(x), ":")
				continue
			}
			if x.Type == html.ElementNode && (b.drop(x) || captionTool(x)) {
				continue
			}
			if x.Type == html.ElementNode && (!isInline(x) && x.DataAtom != atom.Img || credit == nil && holdsCredit(x)) {
				fc.AppendChild(textNode(" "))
				walk(x)
				fc.AppendChild(textNode(" "))
				continue
			}
			if x.Type == html.TextNode {
				fc.AppendChild(textNode(foldSpace(x.Data)))
			} else if x.Type == html.ElementNode {
				b.inline(x, fc)
			}
		}
	}
	walk(in)
	ct := ""
	if credit != nil {
		ct = collapse(innerText(credit) + " " + labelled.String())
	} else {
		// A trailing "Photo: X" in the text is the credit.
		txt := innerText(fc)
		if cap, cr, ok := splitCredit(txt); ok {
			fc = elem(atom.Figcaption)
			if cap != "" {
				fc.AppendChild(textNode(cap))
			}
			ct = cr
		} else if creditLine(strings.ToLower(txt)) {
			// The caption is only a credit ("Name/Agency/Getty Images").
			fc = elem(atom.Figcaption)
			ct = txt
		}
	}
	if ct != "" {
		sm := elem(atom.Small, html.Attribute{Key: "class", Val: "credit"})
		sm.AppendChild(textNode(ct))
		if hasContent(fc) {
			fc.AppendChild(textNode(" "))
		}
		fc.AppendChild(sm)
	}
	if !hasContent(fc) {
		return nil
	}
	return fc
}

// textOutside reports text under n other than in the subtree skip.
func textOutside(n, skip *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == skip {
			continue
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" || c.Type == html.ElementNode && textOutside(c, skip) {
			return true
		}
	}
	return false
}

// captionTool reports a link or button set in a caption that acts on the
// picture rather than describing it: one of photoSales, or a control to
// see it larger ("Enlarge", "View larger").
func captionTool(n *html.Node) bool {
	if n.DataAtom != atom.A && n.DataAtom != atom.Button {
		return false
	}
	if photoSaleLink(n) {
		return true
	}
	t := firstText(n)
	return t != nil && hasPrefixAny(strings.TrimSpace(lowerASCII(t.Data)), pictureControls[:])
}

// pictureControls open the text of a caption's control to see the picture
// larger.
var pictureControls = [...]string{"enlarge", "view larger", "view full size", "view image"}

// holdsCredit reports an element with a credit-named element under it.
func holdsCredit(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (creditNamed(c) || holdsCredit(c)) {
			return true
		}
	}
	return false
}

// creditNamed reports an element whose class or id names a credit.
func creditNamed(n *html.Node) bool {
	switch attr(n, "itemprop") {
	case "copyrightHolder", "creator", "author", "copyrightNotice", "creditText":
		return true
	}
	s := lowerASCII(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, w := range creditNames {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// creditLabels start a credit at the end of a caption.
var creditLabels = [...]string{
	"photo:", "photos:", "photograph:", "image:", "images:", "picture:", "credit:",
	"image credit:", "image credits:", "photo credits:", "credits:", "image source,", "image source:",
	"foto:", "fotos:", "bild:", "quelle:", "photo credit:", "©", "(c)", "source:",
	"zdjęcie:", "fot.", "foto ", "photo by ", "photograph by ", "image by ",
	"фото:", "撮影：", "撮影:", "写真：", "摄影：", "图片来源：",
}

// splitCredit splits "Caption text. Photo: Jane Doe" into caption and
// credit. The label may follow the caption's full stop with no space:
// caption and credit set in two spans side by side, each drawn as a line
// of its own.
func splitCredit(txt string) (caption, credit string, ok bool) {
	l := strings.ToLower(txt)
	best, bestEnd := -1, -1
	for _, lab := range creditLabels {
		i := strings.LastIndex(l, lab)
		if i < 0 || i > 0 && !creditStart(l[:i]) {
			continue
		}
		// The last label wins; of two ending at the same place, the
		// longer: "Image Credits:" is one label, not "Image" and "Credits:".
		if end := i + len(lab); end > bestEnd || end == bestEnd && i < best {
			best, bestEnd = i, end
		}
	}
	if best < 0 {
		if c, cr, ok := bracketCredit(txt); ok {
			return c, cr, ok
		}
		return slashCredit(txt)
	}
	if len(txt)-best > 120 || shortLead(l[:best]) {
		return "", "", false
	}
	caption = strings.TrimRight(strings.TrimSpace(txt[:best]), "(|/ （")
	credit = strings.TrimRight(strings.TrimSpace(txt[best:]), ")）")
	return caption, credit, true
}

// bracketCredit splits a credit set in brackets at the end of a caption
// without a label, "Dolphins near Kampi (Getty Images/iStockphoto)", when
// the bracket holds a credit line: an agency after a slash or "via".
func bracketCredit(txt string) (caption, credit string, ok bool) {
	t := strings.TrimSpace(txt)
	if !strings.HasSuffix(t, ")") {
		return "", "", false
	}
	i := strings.LastIndexByte(t, '(')
	if i <= 0 || len(t)-i > 80 {
		return "", "", false
	}
	inner := t[i+1 : len(t)-1]
	l := strings.ToLower(inner)
	if !creditLine(l) && !creditLine(strings.Replace(l, " via ", "/", 1)) && !namesCredit(inner) {
		return "", "", false
	}
	return strings.TrimSpace(t[:i]), inner, true
}

// slashCredit splits off a last sentence that is only names parted by
// slashes, "… March 2024. AGENCY/Carla Monteiro/File Photo": an agency's
// credit line set after the caption without a label.
func slashCredit(txt string) (caption, credit string, ok bool) {
	t := strings.TrimSpace(txt)
	i := strings.LastIndex(t, ". ")
	if i < 0 || strings.ContainsAny(t[i:], "()[]") || initialBefore(t[:i]) || !namesCredit(t[i+2:]) {
		return "", "", false
	}
	return t[:i+1], t[i+2:], true
}

// initialBefore reports text ending in a lone capital, the initial of a
// name ("Ellen M"): the stop after it ends no sentence.
func initialBefore(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// namesCredit reports a photographer and outlet parted by a slash, each
// a name of capitalised words: "Dana Kowalczyk/Hometown Wire".
func namesCredit(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) < 2 || len(strings.Fields(s)) > 6 {
		return false
	}
	for _, p := range parts {
		words := strings.Fields(p)
		if len(words) == 0 || len(words) > 4 {
			return false
		}
		for _, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// shortLead reports one or two words before a label with no stop or
// bracket between: "На фото: …" ("in the picture") opens a caption, and
// the label is part of its first words, not a credit after it.
func shortLead(before string) bool {
	b := strings.TrimSpace(before)
	if b == "" || strings.ContainsRune(".!?()（）。|/", lastRune(b)) {
		return false
	}
	return len(strings.Fields(b)) < 3
}

// creditStart reports whether a credit label may follow before: a space,
// a bracket, a bar or slash, or the end of a sentence, in Western or CJK
// punctuation ("…役場前で（撮影：…）").
func creditStart(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(" (|/.!?（。　", r)
}

// dedupeImages keeps one image per picture in a figure: lazy loaders
// leave a blurred thumbnail beside the real image (same file name, other
// size); the later one, the real image, stays.
func dedupeImages(f *html.Node) {
	seen := map[string]*html.Node{}
	for c := f.FirstChild; c != nil; {
		next := c.NextSibling
		if isElem(c, atom.Img) {
			k := imageName(attr(c, "src"))
			if old, ok := seen[k]; ok && k != "" {
				f.RemoveChild(old)
			}
			seen[k] = c
		}
		c = next
	}
}

// imageName is the file name of an image URL, without query or fragment.
func imageName(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '/'); i >= 0 {
		u = u[i+1:]
	}
	return u
}
