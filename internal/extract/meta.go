package extract

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// pageMeta is everything the page says about itself, gathered in one walk
// before any pruning: <head> tags, JSON-LD, microdata, <time>, the <title>
// and the first <h1>.
type pageMeta struct {
	lang, base, canonical, titleTag string
	titleParts                      []string // the <title>'s parts of three words or more
	shownPart                       string   // one of them the page shows as a text of its own
	shownParts                      int      // how many different parts it shows so
	h1s                             []string
	meta                            map[string]string   // lowercased name/property -> first content
	metaAuthors                     map[string][]string // author meta names -> every content, in order
	ld                              ldArticle
	itemprop                        map[string]string // microdata text or content
	relAuthors                      []news.Author
	ldIDs                           map[string]map[string]any // JSON-LD nodes by @id
	ldObj                           map[string]any            // the article node
	bylines                         []string
	byLine                          string        // a "By Name" line shortly after the first <h1>
	sinceH1                         int           // elements walked since the first <h1>, -1 before it
	times                           []string      // <time datetime> values in order
	updatedTime                     string        // a <time> marked as the update
	standfirstEl                    string        // text of an element named as the standfirst
	figures                         []news.Figure // the first figures, article ones first
	articleFigures                  int           // how many of figures are the article's
}

// readMeta walks doc once and gathers its metadata.
func readMeta(doc *html.Node) *pageMeta {
	pm := &pageMeta{meta: map[string]string{}, itemprop: map[string]string{}, sinceH1: -1}
	// inComments marks a subtree named for comments, whose author names
	// are the commenters'.
	var walk func(n *html.Node, inComments bool)
	walk = func(n *html.Node, inComments bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && pm.titleParts != nil {
				pm.seeTitlePart(c.Data)
			}
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Html:
				pm.lang = strings.TrimSpace(attr(c, "lang"))
				if pm.lang == "" {
					pm.lang = strings.TrimSpace(attr(c, "xml:lang"))
				}
			case atom.Head:
				walk(c, inComments)
				continue
			case atom.Title:
				if pm.titleTag == "" && !hasAncestor(c, atom.Svg) {
					pm.titleTag = innerText(c)
					pm.titleParts = titleParts(pm.titleTag)
				}
				continue
			case atom.Base:
				if pm.base == "" {
					pm.base = attr(c, "href")
				}
			case atom.Meta:
				pm.addMeta(c)
			case atom.Link:
				rel := lowerASCII(attr(c, "rel"))
				if rel == "canonical" && pm.canonical == "" {
					pm.canonical = attr(c, "href")
				}
			case atom.Script:
				if strings.Contains(lowerASCII(attr(c, "type")), "ld+json") && c.FirstChild != nil {
					pm.addJSONLD(c.FirstChild.Data)
				}
				continue
			case atom.Style, atom.Noscript, atom.Template:
				continue
			case atom.H1:
				if len(pm.h1s) < 4 {
					if t := innerText(c); t != "" {
						pm.h1s = append(pm.h1s, t)
					}
				}
			case atom.Time, atom.Abbr:
				pm.addTime(c)
			case atom.A:
				if strings.Contains(lowerASCII(attr(c, "rel")), "author") && len(pm.relAuthors) < 8 {
					if t := innerText(c); t != "" && len(t) < 80 {
						pm.relAuthors = append(pm.relAuthors, news.Author{Name: t, URL: attr(c, "href")})
					}
				}
			}
			if ip := attr(c, "itemprop"); ip != "" {
				pm.addItemprop(c, ip)
			}
			// Settled here, in the first walk, so that metadata and body
			// both read such a picture as a figure.
			asFigure(c)
			if c.DataAtom == atom.Figure && len(pm.figures) < 4 {
				pm.addFigure(c)
			}
			if pm.standfirstEl == "" && (c.DataAtom == atom.P || c.DataAtom == atom.Div || c.DataAtom == atom.H2 || c.DataAtom == atom.H3 || c.DataAtom == atom.H4) && standfirstNamed(c) {
				if t := innerText(c); len(t) >= 30 && len(t) <= 600 {
					pm.standfirstEl = t
				}
			}
			inComments := inComments || commentsNamed(c)
			if !inComments {
				pm.seeByLine(c)
			}
			if !inComments && c.DataAtom != atom.Meta && attr(c, "property") != "" {
				pm.addRDFaDate(c)
			}
			if len(pm.bylines) < 4 && !inComments && c.DataAtom != atom.Body && c.DataAtom != atom.Html {
				if bylineNamed(c) {
					// A "By" set in its own element named for the author
					// ("meta-prep-author") is the lead-in, not a name.
					if t := bylineText(c); t != "" && len(t) < 80 && len(strings.Fields(t)) <= 8 && !byWord(t) {
						pm.bylines = append(pm.bylines, t)
					}
				}
			}
			walk(c, inComments)
		}
	}
	walk(doc, false)
	pm.readLD()
	return pm
}

// addFigure records a figure: the article's figures in page order, then
// the others. (The first article figure is the lead when the page
// declares none: a featured image sits above the body's pictures.)
func (pm *pageMeta) addFigure(fig *html.Node) {
	f, ok := figureInfo(fig)
	if !ok {
		return
	}
	if !hasAncestor(fig, atom.Article) && !hasAncestor(fig, atom.Main) {
		pm.figures = append(pm.figures, f)
		return
	}
	pm.figures = slices.Insert(pm.figures, pm.articleFigures, f)
	pm.articleFigures++
}

// byLineReach is how many elements after the first <h1> a visible
// "By Name" line may sit and still be the headline's byline.
const byLineReach = 40

// seeByLine looks for the headline's byline by its words alone, for
// templates whose class names say nothing ("sc-htoDjs"): the first
// element shortly after the first <h1> whose whole text is "By" and a
// name.
func (pm *pageMeta) seeByLine(n *html.Node) {
	if n.DataAtom == atom.H1 && pm.sinceH1 < 0 {
		pm.sinceH1 = 0
	}
	if pm.sinceH1 < 0 || pm.sinceH1 >= byLineReach || pm.byLine != "" {
		return
	}
	pm.sinceH1++
	t, ok := shortText(n, 400)
	if f := strings.Fields(t); !ok || len(t) > 80 || len(f) < 3 || !byWord(f[0]) {
		return
	}
	if name := cleanByline(t); len(strings.Fields(name)) >= 2 && nameLike(name) {
		pm.byLine = name
	}
}

// shortText is innerText for an element with at most max bytes of raw
// text; for a longer one (the article's container) it stops early and
// reports false.
func shortText(n *html.Node, max int) (string, bool) {
	var b strings.Builder
	var walk func(x *html.Node) bool
	walk = func(x *html.Node) bool {
		switch {
		case x.Type == html.TextNode:
			b.WriteString(x.Data)
		case x.Type == html.ElementNode && x.DataAtom == atom.Br:
			b.WriteByte('\n')
		}
		for c := x.FirstChild; c != nil && b.Len() <= max; c = c.NextSibling {
			walk(c)
		}
		return b.Len() <= max
	}
	if !walk(n) {
		return "", false
	}
	return collapse(b.String()), true
}

// addTime records a <time datetime>, or an <abbr title> that
// microformats mark as the entry's date (class "published", "updated"):
// old blog templates show the time of day and keep the date in the title.
func (pm *pageMeta) addTime(n *html.Node) {
	cls := lowerASCII(attr(n, "class"))
	dt := attr(n, "datetime")
	if n.DataAtom == atom.Abbr {
		dt = ""
		if hasWord(cls, "published") || hasWord(cls, "updated") {
			dt = attr(n, "title")
		}
	}
	if dt == "" || len(pm.times) >= 8 {
		return
	}
	if strings.Contains(cls, "updated") || strings.Contains(cls, "modified") {
		if pm.updatedTime == "" {
			pm.updatedTime = dt
		}
		return
	}
	pm.times = append(pm.times, dt)
}

// hasWord reports a space-separated word w in s.
func hasWord(s, w string) bool {
	return slices.Contains(strings.Fields(s), w)
}

// rdfaDateKeys are the RDFa properties that date the page's text; on a
// body element (as Drupal sets them on its "Submitted by" line) they
// count as the <meta> of the same name, unless the head has one.
var rdfaDateKeys = [...]string{"dc:date", "dc:created", "dc:issued", "dcterms:created", "dcterms:issued", "dc:modified", "dcterms:modified"}

// addRDFaDate records an element's RDFa date property and its content.
func (pm *pageMeta) addRDFaDate(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range strings.Fields(lowerASCII(attr(n, "property"))) {
		if _, ok := pm.meta[key]; !ok && slices.Contains(rdfaDateKeys[:], key) {
			pm.meta[key] = content
		}
	}
}

// addMeta records a <meta name|property|http-equiv content>.
func (pm *pageMeta) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range [...]string{"property", "name", "http-equiv", "itemprop"} {
		v := attr(n, k)
		if v == "" {
			continue
		}
		for _, key := range strings.Fields(lowerASCII(v)) {
			if _, ok := pm.meta[key]; !ok {
				pm.meta[key] = content
			}
			if slices.Contains(authorMetaKeys[:], key) && len(pm.metaAuthors[key]) < 8 {
				if pm.metaAuthors == nil {
					pm.metaAuthors = map[string][]string{}
				}
				pm.metaAuthors[key] = append(pm.metaAuthors[key], content)
			}
		}
	}
}

// addItemprop records microdata: the content attribute, datetime, or text.
func (pm *pageMeta) addItemprop(n *html.Node, ip string) {
	for _, key := range strings.Fields(ip) {
		if _, ok := pm.itemprop[key]; ok {
			continue
		}
		v := attr(n, "content")
		if v == "" {
			v = attr(n, "datetime")
		}
		if v == "" && n.DataAtom == atom.Abbr {
			v = attr(n, "title") // the full form of what it shows: "18:31"
		}
		if v == "" && key != "articleBody" && key != "author" {
			v = innerText(n)
			if len(v) > 300 {
				continue
			}
		}
		if key == "author" && v == "" {
			// An author scope: its name, or its text when short.
			v = innerText(n)
			if nm := findItemprop(n, "name"); nm != "" {
				v = nm
			}
			if len(v) > 100 {
				continue
			}
		}
		pm.itemprop[key] = strings.TrimSpace(v)
	}
}

// findItemprop returns the text of the first descendant with itemprop key.
func findItemprop(n *html.Node, key string) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if attr(c, "itemprop") == key {
			if v := attr(c, "content"); v != "" {
				return v
			}
			return innerText(c)
		}
		if v := findItemprop(c, key); v != "" {
			return v
		}
	}
	return ""
}

// fill copies the metadata into art, preferring structured data and
// cross-checking it against the page.
func (pm *pageMeta) fill(art *news.Article, base *url.URL) {
	m := pm.meta
	art.Title = pm.title()
	// Meta contents come escaped twice often enough ("That&#039;s"):
	// unescape once more, as JSON-LD strings are.
	art.Standfirst = html.UnescapeString(first(m["og:description"], pm.ld.description, m["description"], m["twitter:description"], m["dc.description"], pm.itemprop["description"], pm.standfirstEl))
	art.SiteName = html.UnescapeString(pm.siteName())
	art.Language = normLang(first(pm.lang, pm.ld.lang, m["content-language"], m["og:locale"], m["dc.language"]))
	art.CanonicalURL = resolveURL(base, first(pm.canonical, m["og:url"], pm.ld.url))
	art.Authors = pm.authors()
	art.PublishedAt = parseTime(first(pm.ld.published, m["article:published_time"], pm.itemprop["datePublished"],
		m["date"], m["dc.date"], m["dc.date.issued"], m["dcterms.created"], m["parsely-pub-date"],
		m["pubdate"], m["publishdate"], m["sailthru.date"], firstOf(pm.times),
		// RDFa dates, often a bare day, after a <time> that may give the hour.
		m["dc:date"], m["dc:created"], m["dc:issued"], m["dcterms:created"], m["dcterms:issued"]))
	art.UpdatedAt = parseTime(first(pm.ld.modified, m["article:modified_time"], pm.itemprop["dateModified"],
		m["og:updated_time"], m["dcterms.modified"], m["last-modified"], pm.updatedTime, m["dc:modified"], m["dcterms:modified"]))
	if img := resolveURL(base, firstPicture(m["og:image"], m["og:image:url"], m["og:image:secure_url"], pm.ld.image, m["twitter:image"], m["twitter:image:src"])); img != "" {
		art.LeadImage = &news.Figure{ImageURL: img, Alt: m["og:image:alt"]}
	}
	// The page's own figure of the lead image gives its caption and
	// credit; without a declared lead image, the article's first figure
	// is the lead.
	for i, f := range pm.figures {
		f.ImageURL = resolveURL(base, f.ImageURL)
		if art.LeadImage == nil && i == 0 {
			art.LeadImage = &f
			break
		}
		if art.LeadImage != nil && sameImage(art.LeadImage.ImageURL, f.ImageURL) {
			if art.LeadImage.Alt == "" {
				art.LeadImage.Alt = f.Alt
			}
			art.LeadImage.Caption, art.LeadImage.Credit = f.Caption, f.Credit
			break
		}
	}
}

// siteName is the site's declared name: og:site_name, unless it is the
// JSON-LD publisher's name with more after it (a slogan, a ".fr"); no
// Twitter handle, which is an account, not a name.
func (pm *pageMeta) siteName() string {
	og, pub := pm.meta["og:site_name"], pm.ld.site
	if pub != "" && len(og) > len(pub) && strings.EqualFold(og[:len(pub)], pub) {
		return pub
	}
	return first(og, pub, pm.meta["application-name"])
}

// title picks the headline: the first structured candidate (JSON-LD,
// og:title and the like) that the page shows as an <h1>; else an <h1>
// that the <title>, its site name cut, repeats (a social or SEO variant
// of the headline is not what the reader sees); else the first candidate
// with a site-name suffix cut; else an <h1> the <title> holds; else the
// part of the <title> between separators that the page shows as a text
// of its own (a headline set in a span), then the <title> itself.
func (pm *pageMeta) title() string {
	m := pm.meta
	site := first(m["og:site_name"], pm.ld.site)
	var cands []string
	for _, c := range [...]string{pm.ld.headline, pm.ld.name, m["og:title"], m["twitter:title"], m["parsely-title"], m["dc.title"], pm.itemprop["headline"]} {
		if c != "" {
			cands = append(cands, collapse(html.UnescapeString(c)))
		}
	}
	for _, c := range cands {
		for _, h := range pm.h1s {
			if strings.EqualFold(h, c) {
				return c
			}
		}
	}
	if pm.titleTag != "" {
		tt := stripSiteSuffix(pm.titleTag, site)
		for _, h := range pm.h1s {
			if strings.EqualFold(h, tt) {
				return h
			}
		}
	}
	if len(cands) > 0 {
		return stripSiteSuffix(cands[0], site)
	}
	if h := pm.h1InTitle(); h != "" {
		return h
	}
	if pm.titleTag != "" {
		t := stripSiteSuffix(pm.titleTag, site)
		if t == collapse(pm.titleTag) && pm.shownPart != "" && pm.shownParts == 1 {
			return pm.shownPart
		}
		return t
	}
	if len(pm.h1s) > 0 {
		return pm.h1s[0]
	}
	return ""
}

// h1InTitle returns the first <h1> of more than ten bytes that the
// <title> holds, but not as the part after its last separator: that part
// names the site, and so does an <h1> that repeats it.
func (pm *pageMeta) h1InTitle() string {
	tt := strings.ToLower(collapse(pm.titleTag))
	for _, h := range pm.h1s {
		lh := strings.ToLower(h)
		if len(h) <= 10 || !strings.Contains(tt, lh) {
			continue
		}
		if strings.HasSuffix(tt, lh) && len(lh) < len(tt) && titleSep(tt[:len(tt)-len(lh)]) {
			continue
		}
		return h
	}
	return ""
}

// titleSep reports a title head that ends in a separator: "Story | ".
func titleSep(head string) bool {
	for _, sep := range titleSeps {
		if strings.HasSuffix(head, sep) {
			return true
		}
	}
	return false
}

// titleSeps part a headline from a site name in a <title>.
var titleSeps = [...]string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "}

// stripSiteSuffix cuts " | Site", " - Site", " — Site" from a title.
func stripSiteSuffix(t, site string) string {
	t = cutBracketSuffix(collapse(t))
	for _, sep := range titleSeps {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		tail := t[i+len(sep):]
		head := t[:i]
		if site != "" && strings.EqualFold(strings.TrimSpace(tail), site) {
			return head
		}
		// A short tail after a long head is a site name.
		if len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 4 {
			return head
		}
	}
	return stripSitePrefix(t, site)
}

// cutBracketSuffix cuts a site name set in brackets after the headline:
// "Weekly edition [LWN.net]". Four words at most, and a headline of at
// least three words before it.
func cutBracketSuffix(t string) string {
	if !strings.HasSuffix(t, "]") {
		return t
	}
	i := strings.LastIndex(t, " [")
	if i <= 0 || len(strings.Fields(t[i:])) > 4 || len(strings.Fields(t[:i])) < 3 {
		return t
	}
	return strings.TrimSpace(t[:i])
}

// stripSitePrefix cuts "Site | " from the front of a title: the site's
// name, or one word before a bar (not a dash, which may join
// a topic to its headline: "Brexit - what happens next").
func stripSitePrefix(t, site string) string {
	for _, sep := range [...]string{" | ", " :: ", " · ", " - ", " – ", " — "} {
		i := strings.Index(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if len(strings.Fields(tail)) < 3 {
			continue
		}
		if site != "" && strings.EqualFold(head, site) {
			return tail
		}
		if site != "" && strings.Contains(strings.ToLower(tail), strings.ToLower(site)) {
			return t // the site is named at the end: "Topic | Site Magazine"
		}
		if sep == " | " && len(strings.Fields(head)) == 1 && len(head) <= 25 {
			return tail
		}
	}
	return t
}

// normLang reduces "en_US" / "en-us" to BCP 47 "en-US"; "" stays "".
func normLang(l string) string {
	l = strings.TrimSpace(strings.ReplaceAll(l, "_", "-"))
	if l == "" {
		return ""
	}
	if i := strings.IndexAny(l, ", ;"); i > 0 {
		l = l[:i]
	}
	parts := strings.Split(l, "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) == 2 {
			parts[i] = strings.ToUpper(parts[i])
		}
	}
	return strings.Join(parts, "-")
}

// timeLayouts are the date forms pages use, most common first.
var timeLayouts = [...]string{
	time.RFC3339, "2006-01-02T15:04:05.000Z07:00", "2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02", time.RFC1123Z, time.RFC1123, "20060102",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "02.01.2006",
}

// parseTime parses a page date; unknown forms give the zero time.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// firstOf returns the first element of ss, or "".
func firstOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// standfirstNamed reports an element whose class names it the standfirst.
func standfirstNamed(n *html.Node) bool {
	c := lowerASCII(attr(n, "class"))
	if c == "" {
		return false
	}
	for _, w := range [...]string{"standfirst", "excerpt", "-dek", "dek ", "summary", "lede", "intro", "subtitle", "subheadline", "teaser-text", "article-lead", "entry-lead", "story-lead"} {
		if strings.Contains(c+" ", w) {
			return true
		}
	}
	return c == "dek" || c == "lead" || c == "deck"
}

// figureInfo reads a <figure>: its image, alt text, caption and credit.
func figureInfo(fig *html.Node) (news.Figure, bool) {
	img := pictureImg(fig)
	if img == nil {
		return news.Figure{}, false
	}
	src := attr(img, "src")
	if src == "" || placeholder(src) {
		for _, k := range lazySrcAttrs {
			if v := attr(img, k); v != "" {
				src = v
				break
			}
		}
	}
	if src == "" || placeholder(src) {
		src = largestSrc(first(attr(img, "srcset"), attr(img, "data-srcset")))
	}
	if src == "" {
		return news.Figure{}, false
	}
	f := news.Figure{ImageURL: src, Alt: strings.TrimSpace(attr(img, "alt"))}
	fc := firstDescendant(fig, atom.Figcaption)
	credit := creditIn(fc, nil)
	if credit == nil {
		// A credit set over the picture, apart from the caption.
		credit = creditIn(fig, fc)
	}
	if fc == nil && credit == nil {
		return f, true
	}
	if credit != nil {
		f.Credit = visibleText(credit, nil)
		skip := []*html.Node{credit}
		if strings.HasSuffix(f.Credit, ":") {
			// A label ("Credit:"): the credit is what follows it.
			var rest strings.Builder
			for x := credit.NextSibling; x != nil; x = x.NextSibling {
				appendText(&rest, x)
				skip = append(skip, x)
			}
			f.Credit = collapse(f.Credit + " " + rest.String())
		}
		if fc != nil {
			f.Caption = visibleText(fc, skip)
		}
		return f, true
	}
	t := visibleText(fc, nil)
	if c, cr, ok := splitCredit(t); ok {
		f.Caption, f.Credit = c, cr
	} else {
		f.Caption = t
	}
	return f, true
}

// creditIn finds the first credit-named element under n, outside the
// subtree skip, that holds no picture; nil when n is nil.
func creditIn(n, skip *html.Node) *html.Node {
	if n == nil {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c == skip {
			continue
		}
		if creditNamed(c) && firstDescendant(c, atom.Img) == nil {
			return c
		}
		if cr := creditIn(c, skip); cr != nil {
			return cr
		}
	}
	return nil
}

// visibleText is the text of n, collapsed, without the subtrees in skip
// and the labels written for screen readers only ("Image caption, "),
// which the pruning passes drop from the body in the same way.
func visibleText(n *html.Node, skip []*html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if slices.Contains(skip, n) || n.Type == html.ElementNode && (screenReaderOnly(n) || captionLabel(n) || captionTool(n)) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapse(b.String())
}

// screenReaderOnly reports an element whose class hides it from sight and
// leaves it to screen readers.
func screenReaderOnly(n *html.Node) bool {
	return containsAny(lowerASCII(attr(n, "class")), screenReaderStems)
}

// sameImage reports two image URLs naming the same picture, ignoring
// query strings (sizes, crops).
func sameImage(a, b string) bool {
	if i := strings.IndexByte(a, '?'); i >= 0 {
		a = a[:i]
	}
	if i := strings.IndexByte(b, '?'); i >= 0 {
		b = b[:i]
	}
	if a == b {
		return true
	}
	ka, kb := imageKey(a), imageKey(b)
	if sizeName(ka) && sizeName(kb) {
		// "…/6650a1f2/0x0.jpg" and "…/6650a1f2/960x0.jpg": an image
		// server names the size, and the folder names the picture.
		da, db := imageDir(a), imageDir(b)
		return da == db && distinctName(da)
	}
	return ka == kb && distinctName(ka)
}

// sizeName reports a file name that is only a size: "0x0.jpg",
// "960x0.jpg", "1200.jpg".
func sizeName(key string) bool {
	stem, _, _ := strings.Cut(key, ".")
	w, h, ok := strings.Cut(stem, "x")
	return number(stem) || ok && number(w) && number(h)
}

// imageDir returns the last folder of an image URL's path.
func imageDir(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '/'); i >= 0 {
		u = u[:i]
	}
	return strings.ToLower(u[strings.LastIndexByte(u, '/')+1:])
}

// imageKey is the file name of an image URL without the marks of a
// resized copy: a format the CDN converted to, appended to the name
// ("photo.jpg.webp"), and a "-1024x576" size before the extension. The
// declared lead image and the page's figure of it are often two sizes of
// one picture, at two paths.
func imageKey(u string) string {
	n := strings.ToLower(imageName(u))
	for _, f := range [...]string{".webp", ".avif"} {
		if base, ok := strings.CutSuffix(n, f); ok && strings.Contains(base, ".") {
			n = base
		}
	}
	dot := strings.LastIndexByte(n, '.')
	if dot < 0 {
		return n
	}
	stem, ext := n[:dot], n[dot:]
	if i := strings.LastIndexByte(stem, '-'); i >= 0 {
		if w, h, ok := strings.Cut(stem[i+1:], "x"); ok && number(w) && number(h) {
			stem = stem[:i]
		}
	}
	return cutWidth(stem) + ext
}

// cutWidth cuts a width mark from a file stem: "-800", "_960", "-1200w",
// three or four digits after a dash or underscore that are no year
// ("fire-800" is the 800-pixel copy of "fire"; "floods-2024" stays).
func cutWidth(stem string) string {
	i := strings.LastIndexAny(stem, "-_")
	if i <= 0 {
		return stem
	}
	w := strings.TrimSuffix(stem[i+1:], "w")
	if len(w) < 3 || len(w) > 4 || !number(w) || w[0] == '0' || holdsYear(w) {
		return stem
	}
	return stem[:i]
}

// distinctName reports a file name that names one picture: long enough
// and not a bare number ("4000.jpg" is one crop size of many pictures).
func distinctName(key string) bool {
	stem, _, _ := strings.Cut(key, ".")
	if len(stem) < 8 {
		return false
	}
	for i := 0; i < len(stem); i++ {
		if c := stem[i]; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// pictureImg returns the first <img> under n that is a picture, not an
// icon: a bookmark card's site icon or a byline's avatar is never the
// article's lead image.
func pictureImg(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Img {
			if !iconImg(c) {
				return c
			}
			continue
		}
		if img := pictureImg(c); img != nil {
			return img
		}
	}
	return nil
}

// iconImg reports an <img> named or sized as an icon: a class or file
// name with an icon word, or a declared width or height under 100 pixels.
func iconImg(img *html.Node) bool {
	if iconNamed(attr(img, "class")) || iconURL(attr(img, "src")) {
		return true
	}
	for _, k := range [...]string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSpace(attr(img, k))); err == nil && v > 0 && v < 100 {
			return true
		}
	}
	return false
}

// iconURL reports an image URL whose file name says icon, logo or avatar
// ("/favicon.png", "site-logo.svg").
func iconURL(u string) bool {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return iconNamed(u[strings.LastIndexByte(u, '/')+1:])
}

// iconNamed reports a name with a whole word for an icon in it.
func iconNamed(s string) bool {
	words := strings.FieldsFunc(lowerASCII(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	for _, w := range words {
		switch w {
		case "icon", "favicon", "avatar", "logo", "gravatar":
			return true
		}
	}
	return false
}

// firstPicture returns the first non-empty image URL that is not an icon.
func firstPicture(us ...string) string {
	for _, u := range us {
		if u = strings.TrimSpace(u); u != "" && !iconURL(u) {
			return u
		}
	}
	return ""
}

// titleParts splits a <title> at its separators ("Site - Headline",
// "Headline | Section | Site") into the parts that could be a headline:
// three words or more. Nil when there is no separator.
func titleParts(t string) []string {
	t = collapse(t)
	parts := []string{t}
	for _, sep := range titleSeps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	if len(parts) < 2 {
		return nil
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); len(strings.Fields(p)) >= 3 {
			out = append(out, p)
		}
	}
	return out
}

// seeTitlePart notes a text node that is by itself one part of the
// <title>: when the page shows that part, and no other, as a line of its
// own, it is the headline and the rest names the site or section (two
// parts shown leave the choice open).
func (pm *pageMeta) seeTitlePart(s string) {
	s = strings.TrimSpace(s)
	for _, p := range pm.titleParts {
		if p != pm.shownPart && len(s) >= len(p) && len(s) <= 2*len(p) && collapse(s) == p {
			pm.shownPart = p
			pm.shownParts++
		}
	}
}
