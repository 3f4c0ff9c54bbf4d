package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// authorMetaKeys are the <meta> names that credit an author, in order of
// trust. A page may repeat one for each author.
var authorMetaKeys = [...]string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"}

// authors picks the credited authors, organisations left out beside a
// person (see dropOrgs): JSON-LD author, then meta tags,
// microdata, rel=author links the bylines agree with, byline text, a
// "By Name" line under the headline, and last the JSON-LD creator (often
// the account that uploaded the page).
func (pm *pageMeta) authors() []news.Author {
	return pm.dropOrgs(pm.creditedAuthors())
}

// dropOrgs keeps the people of a byline that also credits an
// organisation ("Jo Smith, Associated Press"): the agency or the site
// itself is a credit, not a co-author. A byline of organisations alone
// stays, as the only credit the page gives.
func (pm *pageMeta) dropOrgs(in []news.Author) []news.Author {
	var people []news.Author
	for _, a := range in {
		if !pm.orgName(a.Name) {
			people = append(people, a)
		}
	}
	if len(people) == 0 {
		return in
	}
	return people
}

// orgName reports a credited name that is an organisation: typed so in
// the JSON-LD, the site's or publisher's own name, or shaped as one (a
// name ending in a word such as "Press" or "News", or one short
// all-capital word: "AFP").
func (pm *pageMeta) orgName(name string) bool {
	for _, o := range append([]string{pm.meta["og:site_name"], pm.ld.site}, pm.ld.orgAuthors...) {
		if o != "" && strings.EqualFold(strings.TrimSpace(o), name) {
			return true
		}
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if len(words) == 1 && len(last) >= 2 && len(last) <= 5 && strings.ToUpper(last) == last && strings.ToLower(last) != last {
		return true
	}
	return orgWords[strings.ToLower(last)]
}

// orgWords end the names of agencies, newsrooms and desks.
var orgWords = map[string]bool{"press": true, "news": true, "agency": true, "newswire": true, "wire": true,
	"media": true, "staff": true, "desk": true, "service": true, "bureau": true}

// creditedAuthors picks the credited names, people or not.
func (pm *pageMeta) creditedAuthors() []news.Author {
	if len(pm.ld.authors) > 0 {
		return dedupeAuthors(pm.ld.authors)
	}
	for _, k := range authorMetaKeys {
		var out []news.Author
		for _, v := range pm.metaAuthors[k] {
			if strings.HasPrefix(v, "http") {
				continue // a profile URL, not a name
			}
			for _, n := range splitNames(v) {
				out = append(out, news.Author{Name: n})
			}
		}
		if len(out) > 0 {
			return dedupeAuthors(out)
		}
	}
	if a := pm.itemprop["author"]; a != "" {
		return []news.Author{{Name: a}}
	}
	if rel := pm.bylineRelAuthors(); len(rel) > 0 {
		return dedupeAuthors(rel)
	}
	if len(pm.bylines) > 0 {
		var out []news.Author
		for _, n := range splitNames(cleanByline(pm.bylines[0])) {
			out = append(out, news.Author{Name: n})
		}
		if len(out) > 0 {
			return out
		}
	}
	if pm.byLine != "" {
		var out []news.Author
		for _, n := range splitNames(pm.byLine) {
			out = append(out, news.Author{Name: n})
		}
		return out
	}
	return dedupeAuthors(pm.ld.creators)
}

// bylineRelAuthors returns the rel=author links, unless a byline of the
// page reads as a name and none of the bylines names any of the links:
// then the links belong to other stories (a sidebar's "more from" list).
func (pm *pageMeta) bylineRelAuthors() []news.Author {
	named := false
	for _, b := range pm.bylines {
		named = named || nameLike(cleanByline(b))
		for _, a := range pm.relAuthors {
			if strings.Contains(strings.ToLower(b), strings.ToLower(a.Name)) {
				return pm.relAuthors
			}
		}
	}
	if named {
		return nil
	}
	return pm.relAuthors
}

// nameLike reports text that reads as a person's name or a list of
// them: up to eight words, no digits, none starting in lower case but
// the particles of names ("de", "van") and "and" ("About the Author"
// and "blog.example.com" are not names).
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if strings.ContainsAny(w, "0123456789./@") || unicode.IsLower(r) && !nameParticles[w] {
			return false
		}
	}
	return true
}

// nameParticles are the lower-case words that may sit inside a name or
// a list of names.
var nameParticles = map[string]bool{"de": true, "da": true, "di": true, "van": true, "von": true, "der": true,
	"den": true, "la": true, "le": true, "du": true, "bin": true, "al": true, "and": true, "y": true}

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
	for _, no := range [...]string{"bio", "box", "avatar", "image", "img", "photo", "about", "desc", "follow", "note"} {
		if strings.Contains(s, no) {
			return false
		}
	}
	return true
}

// commentsNamed reports an element whose class or id names comments.
func commentsNamed(n *html.Node) bool {
	return nameHas(n, "comment")
}

// cleanByline cuts a byline down to the names: no "By", no date or
// title after a separator, no date run on after the name.
func cleanByline(b string) string {
	b = strings.TrimSpace(b)
	if f := strings.Fields(b); len(f) > 1 && byWord(f[0]) {
		b = strings.TrimSpace(b[len(f[0]):])
	}
	if i := strings.IndexAny(b, "|•·\n"); i > 0 {
		b = b[:i]
	}
	return cutDate(cutCredits(strings.TrimSpace(b)))
}

// cutCredits keeps the writer of "Written by A Edited by B": the lead-in
// goes, and the credits for other work that follow.
func cutCredits(b string) string {
	lb := strings.ToLower(b)
	for _, lead := range [...]string{"written by ", "words by ", "story by ", "text by ", "reporting by "} {
		if strings.HasPrefix(lb, lead) {
			b, lb = b[len(lead):], lb[len(lead):]
			break
		}
	}
	for _, other := range [...]string{" edited by ", " photos by ", " photographs by ", " photography by ", " illustrations by ", " illustration by ", " additional reporting by "} {
		if i := strings.Index(lb, other); i > 0 {
			b, lb = b[:i], lb[:i]
		}
	}
	return strings.TrimSpace(b)
}

// cutDate cuts a byline where a date or a "Published"/"Updated" label
// starts: at a word with a digit, or a month name before one. Names
// have no digits.
func cutDate(b string) string {
	words := strings.Fields(b)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,:"))
		beforeNum := i+1 < len(words) && strings.ContainsAny(words[i+1][:1], "0123456789")
		// A month, or a short word with a stop or comma ("Fr,"), before
		// a number starts a date.
		date := strings.ContainsAny(w, "0123456789") || dateLabels[lw] ||
			beforeNum && (monthNames[lw] || len(lw) <= 3 && len(lw) < len(w))
		if date {
			// At the start, the whole line is a date ("Last updated ...").
			return strings.TrimRight(strings.Join(words[:i], " "), " ,;-–—")
		}
	}
	return b
}

// monthNames and dateLabels start the date after a name in a byline.
var (
	monthNames = map[string]bool{"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
		"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true, "aug": true,
		"august": true, "sep": true, "sept": true, "september": true, "oct": true, "october": true, "nov": true,
		"november": true, "dec": true, "december": true}
	dateLabels = map[string]bool{"published": true, "updated": true, "posted": true, "on": true, "am": true, "last": true}
)

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
	if surnameFirst(s) {
		return []string{s}
	}
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

// surnameFirst reports one name written "Surname, Given names": one
// comma, one word before it, at most three after, no "and".
func surnameFirst(s string) bool {
	i := strings.IndexByte(s, ',')
	if i <= 0 || strings.Count(s, ",") != 1 || strings.Contains(s, " and ") || strings.Contains(s, "&") {
		return false
	}
	n := len(strings.Fields(s[i+1:]))
	return len(strings.Fields(s[:i])) == 1 && n >= 1 && n <= 3
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
// made of several (name, then role: "By Jo Smith" / "Health reporter"),
// past a part that only says "By".
func bylineText(n *html.Node) string {
	var parts []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c.DataAtom) || c.DataAtom == atom.Span || c.DataAtom == atom.A) {
			parts = append(parts, c)
		} else if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return innerText(n) // text of its own: one line
		}
	}
	if len(parts) >= 2 && byWord(innerText(parts[0])) {
		return innerText(parts[1])
	}
	if len(parts) >= 2 {
		return innerText(parts[0])
	}
	return innerText(n)
}

// byWord reports a byline's lead-in alone: "By", "by:", "Par".
func byWord(s string) bool {
	switch strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ":")) {
	case "by", "von", "par", "por", "di", "door", "av", "written by":
		return true
	}
	return false
}
