// Package extract turns one HTML page into a news.Article: its metadata
// (title, standfirst, authors, dates, language, site name, lead image,
// canonical URL) and its body as sanitized structured HTML plus plain text.
// It is pure: no I/O, and no package state beyond read-only tables and a
// sanitizer policy built on first use.
//
// The article is found in stages over one parse. Metadata is read first
// (JSON-LD, OpenGraph, meta tags, microdata, <time>). Noise (scripts,
// hidden and form elements) and furniture named by tag, role, class or id
// (navigation, sharing, related, comments) are pruned, sparing a badly
// named wrapper that holds most of the page's prose. Paragraph scores flow
// to their containers and the best container wins, corrected towards the
// enclosing <article>, with its article-like siblings, split-off twins and
// the pictures between them; the page's JSON-LD articleBody overrules a
// choice that misses it. The winner is copied into clean structure, and
// its head and tail blocks are judged one by one (cue phrases in several
// languages, link share, bylines, datelines, calls to action, author
// boxes) until the first line of prose. The body HTML passes through an
// allowlist sanitizer last.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// ErrNoArticle reports a page in which no article body could be found.
var ErrNoArticle = errors.New("extract: no article text found in the page")

// ErrEmpty reports empty input.
var ErrEmpty = errors.New("extract: empty input")

// FromHTML extracts the article in page, a complete HTML document as fetched
// from pageURL (which may be empty). Relative links are resolved against the
// page's <base> or pageURL. Declared non-UTF-8 charsets are decoded.
func FromHTML(page []byte, pageURL string) (news.Article, error) {
	if len(bytes.TrimSpace(page)) == 0 {
		return news.Article{}, ErrEmpty
	}
	pageURL = escapeInvalid(pageURL)
	doc, err := parse(page)
	if err != nil {
		return news.Article{}, fmt.Errorf("extract: parse: %w", err)
	}
	art, byName, fromLD, err := fromDoc(doc, pageURL, true)
	if fromLD || err != nil && !byName {
		// A page that names pruned tries without names first: the
		// copy for readers without scripts is the last resort.
		if art2, ok := fromNoscript(page, pageURL, art, err); ok {
			return art2, nil
		}
	}
	if err == nil && len(art.BodyText) >= 250 || !byName {
		// A long enough result, or one that no name pruned: the second
		// try would give it again.
		return art, err
	}
	// Thin result: pruning by names may have taken the article with it.
	// Parse again and extract without that stage; keep the longer result.
	doc2, err2 := parse(page)
	if err2 != nil {
		return art, err
	}
	art2, _, _, err2 := fromDoc(doc2, pageURL, false)
	// The second result must extend the first, not replace it with other
	// text: a short article next to a long footer stays short.
	if err2 == nil && len(art2.BodyText) > 2*len(art.BodyText)+100 &&
		strings.Contains(art2.BodyText, firstPara(art.BodyText)) {
		return art2, nil
	}
	if err != nil && err2 == nil {
		return art2, nil
	}
	if err != nil {
		if art3, ok := fromNoscript(page, pageURL, art, err); ok {
			return art3, nil
		}
	}
	return art, err
}

// fromDoc extracts the article from a parsed page. pruneNames turns the
// pruning of furniture by class and id names on, and of elements hidden by
// a utility class (tags and roles always count); byName reports whether
// that pruning removed anything, fromLD whether the body is the page's
// structured articleBody.
func fromDoc(doc *html.Node, pageURL string, pruneNames bool) (art news.Article, byName, fromLD bool, err error) {
	pm := readMeta(doc)
	base := baseURL(pageURL, pm.base)
	art = news.Article{OriginalURL: pageURL}
	pm.fill(&art, base)

	body := findBody(doc)
	fields := emailFieldParents(body)
	hidClass := stripNoise(body, pruneNames)
	if pruneNames {
		dropPlayerCards(body) // a judgement by name, like the sign-up boxes
	}
	if pruneNames && dropSignupBoxes(body, fields) {
		hidClass = true // a judgement the second try does without
	}
	cues := newCueCache(body)
	m := measureTree(body)
	furnitureLines := lineSet{}
	byName = pruneFurniture(body, m, cues, m[body].ptext, pruneNames, furnitureLines, findLead(body, m, art.Standfirst)) || hidClass
	m = measureTree(body)
	roots := chooseRoots(body, m, cues, pm.ld.body)
	if fig := figureBefore(roots[0], body, m); fig != nil {
		roots = append([]*html.Node{fig}, roots...)
	}
	lead := leadBefore(roots[0], body, m, art.Standfirst)
	if lead != nil {
		roots = append([]*html.Node{lead}, roots...)
	}

	b := &builder{m: m, cues: cues, base: base, title: art.Title, total: m[body].ptext,
		roots: map[*html.Node]bool{}, lead: lead}
	for _, r := range roots {
		b.roots[r] = true
		for id := range inPageTargets(r) {
			if b.targets == nil {
				b.targets = map[string]bool{}
			}
			b.targets[id] = true
		}
	}
	out := b.build(roots, body)
	splitBreaks(out)
	dropBracketTeasers(out)
	trimBlocks(out, &art, furnitureLines, b.leadOut)
	fixAnchors(out, base)
	tidy(out)

	art.BodyText = plainText(out)
	if ldBodyWins(art.BodyText, pm.ld.body) {
		// The page renders its text with script; its structured data has
		// it. Use that, one paragraph per line.
		out = ldParagraphs(pm.ld.body)
		art.BodyText = plainText(out)
		fromLD = true
	}
	if art.BodyText == "" {
		return art, byName, fromLD, ErrNoArticle
	}
	var buf bytes.Buffer
	for c := out.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&buf, c); err != nil {
			return art, byName, fromLD, fmt.Errorf("extract: render body: %w", err)
		}
		buf.WriteByte('\n')
	}
	art.BodyHTML = sanitize(buf.String())
	return art, byName, fromLD, nil
}

// firstPara returns the first paragraph of a plain-text body.
func firstPara(text string) string {
	if i := strings.Index(text, "\n\n"); i >= 0 {
		return text[:i]
	}
	return text
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

// escapeInvalid percent-encodes the bytes of a URL that are not UTF-8, as
// a browser does: the page's own text is made valid in parse, but the URL
// comes from the caller, and links resolved against it, and the stored
// original URL, must not carry broken text (PostgreSQL refuses it).
func escapeInvalid(u string) string {
	if utf8.ValidString(u) {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); {
		r, n := utf8.DecodeRuneInString(u[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, "%%%02X", u[i])
		} else {
			b.WriteString(u[i : i+n])
		}
		i += n
	}
	return b.String()
}

// baseURL is the URL relative links resolve against: the page's <base>
// resolved against the page URL, else the page URL; nil when neither is
// absolute.
func baseURL(pageURL, baseHref string) *url.URL {
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	if baseHref == "" {
		return base
	}
	bu, err := url.Parse(strings.TrimSpace(baseHref))
	if err != nil {
		return base
	}
	if base != nil {
		bu = base.ResolveReference(bu)
	}
	if bu.IsAbs() {
		return bu
	}
	return base
}

// chooseRoots picks the elements that hold the article: the best scored
// container with its article-like siblings and twins, or the container
// the page's structured articleBody points at when scoring missed it.
func chooseRoots(body *html.Node, m measure, cues cueCache, ldBody string) []*html.Node {
	sc := &scorer{m: m, cues: cues}
	sc.scoreTree(body)
	top := sc.best(body)
	if top == nil {
		return []*html.Node{body}
	}
	if len(ldBody) >= minLDBody {
		if loc := locateByText(body, m, ldBody); loc != nil && !coversText(top, loc, m) {
			// Structured data drew the line; siblings are not the article.
			return []*html.Node{loc}
		}
	}
	return sc.withTwins(top, sc.siblings(top), body)
}

// build copies the roots into a clean output tree.
func (b *builder) build(roots []*html.Node, body *html.Node) *html.Node {
	out := elem(atom.Div)
	for _, r := range roots {
		if r == b.lead {
			// The standfirst is one paragraph, whatever it is set in.
			p := elem(atom.P)
			b.mixed(r, p)
			if hasContent(p) {
				out.AppendChild(p)
				b.leadOut = p
			}
			continue
		}
		if r == body || !flowWrapper(r) {
			b.block(r, out)
		} else {
			b.children(r, out)
		}
	}
	return out
}

// flowWrapper reports containers whose children, not themselves, are the
// article's blocks.
func flowWrapper(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Body, atom.Td, atom.Center, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Span, atom.Font:
		return true
	}
	return n.DataAtom == 0
}

// findBody returns the <body> element, or the document when there is none.
func findBody(doc *html.Node) *html.Node {
	for c := doc.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, atom.Html) {
			for b := c.FirstChild; b != nil; b = b.NextSibling {
				if isElem(b, atom.Body) {
					return b
				}
			}
		}
	}
	return doc
}

// fixAnchors keeps in-page links working: a link to an id that survived in
// the body points at it as "#id"; a link to an id that did not survive
// points at the original page. Ids no link points at are removed.
func fixAnchors(root *html.Node, base *url.URL) {
	ids := map[string]bool{}
	refs := map[string]bool{}
	var collect func(n *html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if id := attr(c, "id"); id != "" {
				ids[id] = true
			}
			if c.DataAtom == atom.A {
				if h := attr(c, "href"); strings.HasPrefix(h, "#") {
					refs[h[1:]] = true
				} else if base != nil && strings.Contains(h, "#") {
					if u, err := url.Parse(h); err == nil && u.Fragment != "" && u.Host == base.Host && u.Path == base.Path && u.RawQuery == base.RawQuery {
						refs[u.Fragment] = true
						setAttr(c, "href", "#"+u.Fragment)
					}
				}
			}
			collect(c)
		}
	}
	collect(root)
	var fix func(n *html.Node)
	fix = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if id := attr(c, "id"); id != "" && !refs[id] {
				removeAttr(c, "id")
			}
			if c.DataAtom == atom.A {
				if h := attr(c, "href"); strings.HasPrefix(h, "#") && !ids[h[1:]] {
					if base != nil {
						u := *base
						u.Fragment = h[1:]
						setAttr(c, "href", u.String())
					} else {
						removeAttr(c, "href")
					}
				}
			}
			fix(c)
		}
	}
	fix(root)
}

// removeAttr deletes attribute key from n.
func removeAttr(n *html.Node, key string) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key {
			out = append(out, a)
		}
	}
	n.Attr = out
}

// tidy trims the whitespace that source indentation leaves at the start
// and end of each block of the clean body.
func tidy(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Pre {
			continue
		}
		if isBlock(c.DataAtom) || c.DataAtom == atom.Dl || c.DataAtom == atom.Dt {
			if f := c.FirstChild; f != nil && f.Type == html.TextNode {
				f.Data = strings.TrimLeft(f.Data, " ")
			}
			if l := c.LastChild; l != nil && l.Type == html.TextNode {
				l.Data = strings.TrimRight(l.Data, " ")
			}
		}
		tidy(c)
	}
}

// splitBreaks splits paragraphs at runs of two or more <br>: old pages
// (and some new ones) separate paragraphs that way.
func splitBreaks(out *html.Node) {
	for p := out.FirstChild; p != nil; p = p.NextSibling {
		if isElem(p, atom.P) {
			p = splitAtBreaks(out, p)
		}
	}
}

// splitAtBreaks splits p before the content that follows each run of two
// or more <br> (whitespace between them allowed), in one pass over its
// children, and returns the last paragraph of the split. The breaks at
// each cut go, and so does a part left without content.
func splitAtBreaks(out, p *html.Node) *html.Node {
	if !hasDoubleBreak(p) {
		return p // most paragraphs: nothing to gather
	}
	var kids []*html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, c)
	}
	for _, c := range kids {
		p.RemoveChild(c)
	}
	cur, run := p, 0
	for _, c := range kids {
		switch {
		case isElem(c, atom.Br):
			run++
		case isBlankText(c):
		default:
			if run >= 2 {
				np := elem(atom.P)
				out.InsertBefore(np, cur.NextSibling)
				for x := cur.LastChild; x != nil && (isElem(x, atom.Br) || isBlankText(x)); x = cur.LastChild {
					cur.RemoveChild(x)
				}
				if !hasContent(cur) {
					out.RemoveChild(cur)
				}
				cur = np
			}
			run = 0
		}
		cur.AppendChild(c)
	}
	return cur
}

// hasDoubleBreak reports whether content follows a run of two or more
// <br> among p's children: whether splitAtBreaks has work to do.
func hasDoubleBreak(p *html.Node) bool {
	run := 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case isElem(c, atom.Br):
			run++
		case isBlankText(c):
		default:
			if run >= 2 {
				return true
			}
			run = 0
		}
	}
	return false
}
