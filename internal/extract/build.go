package extract

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// builder copies the chosen container into a clean output tree: only the
// structural elements we serve (p, h2-h4, lists, quotes, figures, tables,
// code, links, emphasis), wrappers unwrapped, inline runs gathered into
// paragraphs, URLs resolved, furniture inside the article dropped.
type builder struct {
	m       measure
	cues    cueCache
	base    *url.URL
	title   string          // collapsed, lowercased title, to drop a repeated heading
	total   int             // paragraph text of the page
	targets map[string]bool // ids that in-page links of the article point at
	roots   map[*html.Node]bool
	tables  map[*html.Node]bool // data-table verdicts, by table
	notes   map[*html.Node]bool // footnotes and the elements holding them, filled on first use
	lead    *html.Node          // the standfirst found before the article's container, if any
	leadOut *html.Node          // its copy in the output
}

// flow reports output containers that take only blocks: inline runs
// inside them are wrapped in paragraphs.
func flow(out *html.Node) bool {
	switch out.DataAtom {
	case atom.Div, atom.Blockquote, atom.Body, atom.Section, atom.Article:
		return true
	}
	return false
}

// children copies in's children into out.
func (b *builder) children(in, out *html.Node) {
	var para *html.Node
	for c := in.FirstChild; c != nil; c = c.NextSibling {
		b.node(c, out, &para)
	}
}

// node copies one input node into out; para is the open paragraph that
// gathers inline content when out is a flow container.
func (b *builder) node(c, out *html.Node, para **html.Node) {
	switch c.Type {
	case html.TextNode:
		if !flow(out) {
			out.AppendChild(textNode(foldSpace(c.Data)))
			return
		}
		if *para == nil {
			if strings.TrimSpace(c.Data) == "" {
				return
			}
			*para = elem(atom.P)
			out.AppendChild(*para)
		}
		(*para).AppendChild(textNode(foldSpace(c.Data)))
	case html.ElementNode:
		if b.drop(c) {
			return
		}
		if isInline(c) && !holdsBlock(c) {
			target := out
			if flow(out) {
				if *para == nil {
					*para = elem(atom.P)
					out.AppendChild(*para)
				}
				target = *para
			}
			b.inline(c, target)
			return
		}
		*para = nil
		b.block(c, out)
	}
}

// holdsBlock reports an element with a block element under it (pages
// wrap whole sections in <span> or <a>); such an element is a wrapper,
// not inline text.
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isBlock(c.DataAtom) || holdsBlock(c) {
			return true
		}
	}
	return false
}

// holdsTable reports a table under n, below inline elements only (the
// <font> of an old page): the walk stays inside one paragraph.
func holdsTable(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Table || isInline(c) && holdsTable(c) {
			return true
		}
	}
	return false
}

// isInline reports elements that flow inside a paragraph.
func isInline(n *html.Node) bool {
	if n.DataAtom == atom.Img {
		return false
	}
	return !isBlock(n.DataAtom) && n.DataAtom != atom.Dl && n.DataAtom != atom.Address
}

// inline copies an inline element (and anything under it) into out.
func (b *builder) inline(c, out *html.Node) {
	var dst *html.Node
	switch c.DataAtom {
	case atom.Br:
		out.AppendChild(elem(atom.Br))
		return
	case atom.Img:
		if img := b.image(c); img != nil {
			out.AppendChild(img)
		}
		return
	case atom.A:
		dst = b.link(c)
	case atom.B, atom.Strong, atom.I, atom.Em, atom.U, atom.S, atom.Sub, atom.Sup,
		atom.Code, atom.Small, atom.Mark, atom.Abbr, atom.Q, atom.Cite, atom.Del,
		atom.Ins, atom.Kbd, atom.Samp, atom.Var, atom.Dfn:
		dst = elem(c.DataAtom)
		if id := attr(c, "id"); id != "" && (c.DataAtom == atom.Sup || c.DataAtom == atom.Cite) {
			dst.Attr = append(dst.Attr, html.Attribute{Key: "id", Val: id})
		}
	}
	if dst != nil {
		out.AppendChild(dst)
		out = dst
	} else if id := attr(c, "id"); id != "" && b.targets[id] {
		// A link target (a footnote marker) keeps its element.
		s := elem(atom.Span, html.Attribute{Key: "id", Val: id})
		out.AppendChild(s)
		out = s
	}
	for x := c.FirstChild; x != nil; x = x.NextSibling {
		switch x.Type {
		case html.TextNode:
			out.AppendChild(textNode(foldSpace(x.Data)))
		case html.ElementNode:
			if b.drop(x) {
				continue
			}
			// Blocks, and the symbols of a formula, are words apart.
			if !isInline(x) && x.DataAtom != atom.Img || x.Namespace == "math" {
				out.AppendChild(textNode(" "))
			}
			b.inline(x, out)
		}
	}
}

// block copies a block element into out.
func (b *builder) block(c, out *html.Node) {
	switch c.DataAtom {
	case atom.Figcaption:
		b.strayCaption(c, out)
	case atom.P, atom.Address, atom.Summary, atom.Dt:
		if c.DataAtom == atom.P && flow(out) && holdsTable(c) {
			// An old page in quirks mode: a <table> does not close the
			// open <p>, so a photo's box and the paragraphs after it
			// sit inside one. Read it as the wrapper it has become.
			b.children(c, out)
			return
		}
		p := elem(atom.P)
		if c.DataAtom == atom.Dt {
			p = elem(atom.Dt)
		}
		b.keepID(c, p)
		b.mixed(c, p)
		if hasContent(p) {
			out.AppendChild(p)
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.heading(c, out)
	case atom.Ul, atom.Ol, atom.Dl:
		b.list(c, out)
	case atom.Blockquote:
		q := elem(atom.Blockquote)
		if ct := attr(c, "cite"); ct != "" {
			if u := b.resolve(ct); u != "" {
				q.Attr = append(q.Attr, html.Attribute{Key: "cite", Val: u})
			}
		}
		b.children(c, q)
		if hasContent(q) {
			out.AppendChild(q)
		}
	case atom.Pre:
		pre := elem(atom.Pre)
		copyText(c, pre)
		if t := innerText(pre); strings.TrimSpace(t) != "" && !lineNumbers(t) {
			out.AppendChild(pre)
		}
	case atom.Table:
		b.table(c, out)
	case atom.Figure:
		if f := b.figure(c); f != nil {
			out.AppendChild(f)
		}
	case atom.Img, atom.Picture:
		if img := b.image(c); img != nil {
			out.AppendChild(img)
		}
	case atom.Iframe:
		if src := b.resolve(attr(c, "src")); src != "" && videoHost(src) {
			out.AppendChild(elem(atom.Iframe,
				html.Attribute{Key: "src", Val: src},
				html.Attribute{Key: "allowfullscreen", Val: ""}))
		}
	case atom.Hr:
		out.AppendChild(elem(atom.Hr))
	case atom.Li, atom.Dd, atom.Td, atom.Th:
		// Stray list items or cells outside their parents: keep their
		// content as a block.
		if flow(out) {
			b.children(c, out)
		} else {
			b.mixed(c, out)
		}
	default:
		if flow(out) && out.DataAtom != atom.Blockquote && b.quoteBox(c) {
			q := elem(atom.Blockquote)
			b.children(c, q)
			if hasContent(q) {
				out.AppendChild(q)
			}
			return
		}
		// Wrappers (div, section, article, header, center...): unwrap.
		if flow(out) {
			if id := attr(c, "id"); id != "" && b.targets[id] {
				// A wrapper that links point at (a footnote) stays.
				d := elem(atom.Div, html.Attribute{Key: "id", Val: id})
				b.children(c, d)
				if hasContent(d) {
					out.AppendChild(d)
				}
				return
			}
			b.children(c, out)
		} else {
			out.AppendChild(textNode(" "))
			b.mixed(c, out)
			out.AppendChild(textNode(" "))
		}
	}
}

// quoteBox reports a div named as a quote ("pullquote", "quote-callout")
// holding a quote's length of text and no structure: a quote set in a
// box of its own rather than a <blockquote> (not inside one: a quote's
// own boxes are its parts). It is built as one, so that
// a pull quote repeating the article's words goes like any other (step 8
// of docs/extraction.md), and a quote that says something new stays a
// quote.
func (b *builder) quoteBox(c *html.Node) bool {
	if c.DataAtom != atom.Div {
		return false
	}
	s := b.m[c]
	if s == nil || s.text == 0 || s.text > 400 || s.heads > 0 || s.lis > 0 || s.imgs > 0 || s.link*3 > s.text {
		return false
	}
	return nameHas(c, "quote") || quoteMark(c)
}

// quoteMark reports a box that opens with a large quotation mark set in
// an element of its own (the mark a pull quote is drawn with): where the
// box's name is generated, its shape still says it is a quote.
func quoteMark(c *html.Node) bool {
	for k := c.FirstChild; k != nil; k = k.NextSibling {
		if isBlankText(k) || k.Type == html.CommentNode {
			continue
		}
		if k.Type != html.ElementNode || k.FirstChild == nil || k.FirstChild != k.LastChild || k.FirstChild.Type != html.TextNode {
			return false
		}
		switch strings.TrimSpace(k.FirstChild.Data) {
		case "\u201c", "\u201d", "\"", "\u00ab", "\u201e", "\u275d":
			return true
		}
		return false
	}
	return false
}

// lineNumbers reports the text of a code highlighter's gutter: the
// numbers 1, 2, 3 ... in order and nothing else (one a line, as gutters
// set them, though spaces part them as well), drawn in a block of
// their own beside the code (a table cell or a floated block). They
// number the lines a reader sees; they are not part of the program.
func lineNumbers(t string) bool {
	lines := strings.Fields(t)
	if len(lines) < 2 {
		return false
	}
	for i, l := range lines {
		if l != strconv.Itoa(i+1) {
			return false
		}
	}
	return true
}

// strayCaption copies a caption found outside its figure (pages do
// this): it joins the figure just before it, or makes a figure of its own.
func (b *builder) strayCaption(c, out *html.Node) {
	fc := b.caption(c)
	if fc == nil {
		return
	}
	if last := out.LastChild; isElem(last, atom.Figure) && firstDescendant(last, atom.Figcaption) == nil {
		last.AppendChild(fc)
		return
	}
	f := elem(atom.Figure)
	f.AppendChild(fc)
	out.AppendChild(f)
}

// heading copies a heading (h1 becomes h2: the title is shown apart), unless
// it repeats the title.
func (b *builder) heading(c, out *html.Node) {
	a := c.DataAtom
	if a == atom.H1 {
		a = atom.H2
	}
	h := elem(a)
	b.keepID(c, h)
	b.mixed(c, h)
	t := innerText(h)
	if t == "" || b.title != "" && strings.EqualFold(t, b.title) {
		return
	}
	out.AppendChild(h)
}

// list copies a ul, ol or dl item by item; stray children become items,
// and text set straight inside the list (with its inline markup) is
// gathered into one. A list of nothing but such text is an old way to
// indent a paragraph: it comes out as paragraphs.
func (b *builder) list(c, out *html.Node) {
	l := elem(c.DataAtom)
	if st := attr(c, "start"); st != "" && c.DataAtom == atom.Ol {
		l.Attr = append(l.Attr, html.Attribute{Key: "start", Val: st})
	}
	b.keepID(c, l)
	item := atom.Li
	if c.DataAtom == atom.Dl {
		item = atom.Dd
	}
	var run *html.Node           // the item gathering loose text, while it lasts
	var runs map[*html.Node]bool // made on the first loose text
	for x := c.FirstChild; x != nil; x = x.NextSibling {
		if x.Type == html.TextNode {
			if run == nil {
				if strings.TrimSpace(x.Data) == "" {
					continue
				}
				run = elem(item)
				if runs == nil {
					runs = map[*html.Node]bool{}
				}
				runs[run] = true
				l.AppendChild(run)
			}
			run.AppendChild(textNode(foldSpace(x.Data)))
			continue
		}
		if x.Type != html.ElementNode || b.drop(x) {
			continue
		}
		if run != nil && (isInline(x) || x.DataAtom == atom.Img) {
			b.inline(x, run)
			continue
		}
		run = nil
		switch x.DataAtom {
		case atom.Li, atom.Dd, atom.Dt:
			li := elem(x.DataAtom)
			b.keepID(x, li)
			b.mixed(x, li)
			if hasContent(li) {
				l.AppendChild(li)
			}
		case atom.Ul, atom.Ol:
			// A list straight inside a list (invalid, common) is the
			// sub-list of the item before it.
			li := l.LastChild
			if li == nil || li.DataAtom != atom.Li {
				li = elem(atom.Li)
			}
			b.list(x, li)
			if li.Parent == nil && hasContent(li) {
				l.AppendChild(li)
			}
		default:
			li := elem(item)
			b.mixed(x, li)
			if hasContent(li) {
				l.AppendChild(li)
			}
		}
	}
	b.emitList(l, runs, out)
}

// emitList appends the built list l to out, dropping empty gathered items;
// when nothing but gathered text is left, the text goes as paragraphs.
func (b *builder) emitList(l *html.Node, runs map[*html.Node]bool, out *html.Node) {
	onlyRuns := true
	for li := l.FirstChild; li != nil; {
		next := li.NextSibling
		if runs[li] && !hasContent(li) {
			l.RemoveChild(li)
		} else if !runs[li] {
			onlyRuns = false
		}
		li = next
	}
	if l.FirstChild == nil {
		return
	}
	if !onlyRuns || len(runs) == 0 {
		out.AppendChild(l)
		return
	}
	for li := l.FirstChild; li != nil; li = li.NextSibling {
		p := elem(atom.P)
		for x := li.FirstChild; x != nil; {
			next := x.NextSibling
			li.RemoveChild(x)
			p.AppendChild(x)
			x = next
		}
		out.AppendChild(p)
	}
}

// mixed copies in's children into out, an element that takes inline
// content and nested blocks alike (li, td, figcaption, p, headings).
func (b *builder) mixed(in, out *html.Node) {
	for x := in.FirstChild; x != nil; x = x.NextSibling {
		switch x.Type {
		case html.TextNode:
			out.AppendChild(textNode(foldSpace(x.Data)))
		case html.ElementNode:
			if b.drop(x) {
				continue
			}
			if isInline(x) || x.DataAtom == atom.Img {
				b.inline(x, out)
				continue
			}
			switch x.DataAtom {
			case atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.Pre, atom.Table, atom.Figure, atom.P,
				atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if out.DataAtom == atom.P || isHeading(out.DataAtom) || out.DataAtom == atom.Figcaption {
					out.AppendChild(textNode(" "))
					b.inline(x, out)
					continue
				}
				b.block(x, out)
			default:
				out.AppendChild(textNode(" "))
				b.mixed(x, out)
				out.AppendChild(textNode(" "))
			}
		}
	}
}

// isHeading reports h1-h6.
func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// keepID copies in's id onto out, so in-page links (footnotes) keep
// working; unreferenced ids are removed at the end.
func (b *builder) keepID(in, out *html.Node) {
	if id := attr(in, "id"); id != "" {
		out.Attr = append(out.Attr, html.Attribute{Key: "id", Val: id})
	}
}

// copyText copies the text of in (a <pre>) into out, keeping line breaks
// and a <code> wrapper if there was one.
func copyText(in, out *html.Node) {
	var sb strings.Builder
	appendText(&sb, in)
	dst := out
	if code := firstDescendant(in, atom.Code); code != nil {
		dst = elem(atom.Code)
		out.AppendChild(dst)
	}
	dst.AppendChild(textNode(sb.String()))
}

// firstDescendant returns the first element with atom a under n.
func firstDescendant(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, a) {
			return c
		}
		if d := firstDescendant(c, a); d != nil {
			return d
		}
	}
	return nil
}

// hasContent reports whether out holds text or an image.
func hasContent(out *html.Node) bool {
	for c := out.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(strings.ReplaceAll(c.Data, "\u00a0", " ")) != "" {
				return true
			}
		case html.ElementNode:
			if c.DataAtom == atom.Img || c.DataAtom == atom.Iframe || hasContent(c) {
				return true
			}
		}
	}
	return false
}

// link copies an <a> with its href resolved; javascript: and empty links
// lose their href (their text stays).
func (b *builder) link(c *html.Node) *html.Node {
	a := elem(atom.A)
	href := strings.TrimSpace(attr(c, "href"))
	if strings.HasPrefix(href, "#") {
		if len(href) > 1 {
			a.Attr = append(a.Attr, html.Attribute{Key: "href", Val: href})
		}
	} else if u := b.resolve(href); u != "" && !strings.HasPrefix(lowerASCII(u), "data:") {
		a.Attr = append(a.Attr, html.Attribute{Key: "href", Val: u})
	}
	if id := attr(c, "id"); id != "" {
		a.Attr = append(a.Attr, html.Attribute{Key: "id", Val: id})
	}
	return a
}

// resolve makes ref absolute against the page's base; unsafe or unusable
// references give "".
func (b *builder) resolve(ref string) string {
	return resolveURL(b.base, ref)
}

// rasterData reports a data: URL of a raster image: the only data: URLs
// we keep (an SVG can carry script).
func rasterData(u string) bool {
	l := lowerASCII(u)
	for _, t := range [...]string{"data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp", "data:image/avif"} {
		if strings.HasPrefix(l, t) {
			return true
		}
	}
	return false
}

// resolveURL resolves ref against base, refusing script URLs.
func resolveURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	l := lowerASCII(ref)
	if strings.HasPrefix(l, "javascript:") || strings.HasPrefix(l, "vbscript:") {
		return ""
	}
	if strings.HasPrefix(l, "data:") || strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "tel:") {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	} else if u.Scheme == "" && u.Host != "" {
		u.Scheme = "https" // protocol-relative, no page URL to take it from
	}
	return u.String()
}

// image copies an <img> (or the best image of a <picture>).
func (b *builder) image(c *html.Node) *html.Node {
	img := c
	if c.DataAtom == atom.Picture {
		img = findImg(c)
		if img == nil {
			return nil
		}
		if attr(img, "src") == "" {
			for s := c.FirstChild; s != nil; s = s.NextSibling {
				if isElem(s, atom.Source) {
					if v := largestSrc(attr(s, "srcset")); v != "" {
						setAttr(img, "src", v)
						break
					}
				}
			}
		}
	}
	src := attr(img, "src")
	if (src == "" || placeholder(src)) && attr(img, "srcset") != "" {
		src = largestSrc(attr(img, "srcset"))
	}
	src = b.resolve(src)
	if src == "" || strings.HasPrefix(lowerASCII(src), "data:") && !rasterData(src) {
		return nil
	}
	out := elem(atom.Img, html.Attribute{Key: "src", Val: src})
	if alt := attr(img, "alt"); alt != "" {
		out.Attr = append(out.Attr, html.Attribute{Key: "alt", Val: alt})
	}
	for _, k := range [...]string{"width", "height"} {
		if v := attr(img, k); v != "" {
			out.Attr = append(out.Attr, html.Attribute{Key: k, Val: v})
		}
	}
	return out
}
