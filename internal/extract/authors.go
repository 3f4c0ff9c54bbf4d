package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// authors picks the credited authors: JSON-LD, then meta tags, microdata,
// rel=author links and byline text.
func (pm *pageMeta) authors() []news.Author {
	if len(pm.ld.authors) > 0 {
		return dedupeAuthors(pm.ld.authors)
	}
	m := pm.meta
	if a := first(m["author"], m["article:author"], m["parsely-author"], m["sailthru.author"], m["dc.creator"], m["byl"]); a != "" && !strings.HasPrefix(a, "http") {
		var out []news.Author
		for _, n := range splitNames(a) {
			out = append(out, news.Author{Name: n})
		}
		return out
	}
	if a := pm.itemprop["author"]; a != "" {
		return []news.Author{{Name: a}}
	}
	if len(pm.relAuthors) > 0 {
		return dedupeAuthors(pm.relAuthors)
	}
	if len(pm.bylines) > 0 {
		var out []news.Author
		for _, n := range splitNames(cleanByline(pm.bylines[0])) {
			out = append(out, news.Author{Name: n})
		}
		return out
	}
	return nil
}

// bylineNamed reports an element whose class or id names the byline or
// the author's name (not an author box or avatar).
func bylineNamed(n *html.Node) bool {
	s := lowerASCII(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-component") + " " + attr(n, "data-testid"))
	if strings.Contains(s, "byline") {
		return true
	}
	if !strings.Contains(s, "author") {
		return false
	}
	for _, no := range [...]string{"bio", "box", "avatar", "image", "img", "photo", "about", "desc"} {
		if strings.Contains(s, no) {
			return false
		}
	}
	return true
}

// cleanByline cuts a byline down to the names: no "By", no date or
// title after a separator.
func cleanByline(b string) string {
	b = strings.TrimSpace(b)
	for _, p := range [...]string{"By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "Door "} {
		if strings.HasPrefix(b, p) {
			b = b[len(p):]
			break
		}
	}
	if i := strings.IndexAny(b, "|•·\n"); i > 0 {
		b = b[:i]
	}
	return strings.TrimSpace(b)
}

// splitNames splits "A, B and C" into names. "Doe, J." stays one name,
// and URLs are dropped.
func splitNames(s string) []string {
	var words []string
	for _, w := range strings.Fields(s) {
		if !strings.HasPrefix(w, "http://") && !strings.HasPrefix(w, "https://") {
			words = append(words, w)
		}
	}
	s = strings.Join(words, " ")
	s = strings.ReplaceAll(s, " and ", ",")
	s = strings.ReplaceAll(s, " und ", ",")
	s = strings.ReplaceAll(s, " et ", ",")
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		// "Doe, J." and "Doe, Jane": a one-word part after a comma is
		// the rest of the name before it.
		if len(out) > 0 && !strings.Contains(p, " ") && !strings.Contains(out[len(out)-1], " ") {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// dedupeAuthors drops repeated names.
func dedupeAuthors(in []news.Author) []news.Author {
	seen := map[string]bool{}
	var out []news.Author
	for _, a := range in {
		k := strings.ToLower(a.Name)
		if a.Name == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// bylineText is the text of a byline element: its first part when it is
// made of several (name, then role: "By Jo Smith" / "Health reporter").
func bylineText(n *html.Node) string {
	var parts []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c.DataAtom) || c.DataAtom == atom.Span) {
			parts = append(parts, c)
		} else if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return innerText(n) // text of its own: one line
		}
	}
	if len(parts) >= 2 {
		return innerText(parts[0])
	}
	return innerText(n)
}
