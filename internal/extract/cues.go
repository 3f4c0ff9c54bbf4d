package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Class and id vocabulary. A cue is a word found in an element's class or
// id; it weighs for or against the element holding the article. Cues are
// weighted, never absolute: pruning spares an element that holds most of
// the page's paragraph text whatever its name.

// junkStems mark furniture when they appear anywhere in a class or id
// (matched as substrings of the lowercased names).
var junkStems = []string{
	"comment", "disqus", "share", "sharing", "social", "related", "recommend",
	"newsletter", "subscribe", "subscription", "signup", "sign-up", "promo", "sponsor",
	"advert", "banner", "breadcrumb", "cookie", "consent", "gdpr", "popup",
	"modal", "sidebar", "widget", "footer", "menu", "navbar", "navigation",
	"pagination", "pager", "author-bio", "authorbio", "author-box", "authorbox",
	"about-author", "about-the-author", "bio-", "masthead", "outbrain", "taboola",
	"zergnet", "popular", "trending", "mostread", "most-read", "readmore",
	"read-more", "more-stories", "morestories", "follow", "login", "signin",
	"paywall", "skip", "tagcloud", "tag-list", "taglist", "post-tags", "article-tags",
	"entry-tags", "tags-", "toolbar", "print-", "rss", "shoutbox", "skyscraper",
	"ad-slot", "adslot", "ad-container", "ad-wrapper", "adwrapper", "-ad-",
	"dfp", "google-ad", "googlead", "sr-only", "screen-reader", "visually-hidden",
	"visuallyhidden", "offscreen", "off-screen", "screenreader", "assistive-text", "a11y-hidden", "byline", "dateline", "post-meta",
	"entry-meta", "article-meta", "postmeta", "entrymeta", "meta-", "-meta",
	"also-", "see-also", "nav-", "-nav", "topnav", "header",
	"donate", "donation", "counter", "rating", "vote",
	"breaking", "alert", "overlay", "lightbox", "carousel", "slider",
	"wpp-", "yarpp", "jp-relatedposts", "sharedaddy", "addtoany", "a2a",
	"newsletter", "crp_related", "vjs-", "jw-", "jwplayer", "video-player",
	"videoplayer", "media-player", "player-controls", "playlist", "linkwithin", "nocontent", "noprint", "contact",
	"extra", "legal", "legends", "copyright", "disclaimer", "pub-info", "timestamp",
}

// junkTokens mark furniture only as whole words of a class or id, because
// as substrings they would hit innocent names ("ad" in "header").
var junkTokens = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "nav": true, "tags": true,
	"tag": true, "meta": true, "print": true, "tools": true, "date": true,
	"time": true, "author": true, "bio": true, "also": true,
	"aside": true, "hide": true, "hid": true, "share": true,
	"sns": true, "credits": true, "top": true, "views": true, "rail": true,
	// A video player's panels: its settings menu, controls and error screen.
	"settings": true, "controls": true, "error": true,
}

// screenReaderStems name text hidden from sight for screen readers
// ("Image caption, " before a caption).
var screenReaderStems = []string{
	"sr-only", "screen-reader", "screenreader", "visually-hidden", "visuallyhidden",
	"off-screen", "offscreen", "assistive-text", "a11y-hidden",
}

// hardStems are the junk stems that mark furniture even on a large
// element: nothing called "comments" or "cookie-consent" holds the article
// (a long thread can outweigh a short story, so size cannot decide), nor
// any text left to screen readers.
var hardStems = append([]string{
	"comment", "disqus", "respond", "replies", "cookie", "consent", "gdpr",
	"outbrain", "taboola", "zergnet", "newsletter", "signup", "sign-up",
	"yarpp", "jp-relatedposts", "sharedaddy", "addtoany", "crp_related",
}, screenReaderStems...)

// goodStems mark the article container.
var goodStems = []string{
	"article", "body", "content", "entry", "main", "post", "story", "text",
	"prose", "blog", "hentry", "h-entry", "richtext", "rich-text", "page",
}

// cueCache memoises weights per class+id string (pages repeat the same
// names many times) and knows the page's footnote ids. The zero value
// works, without memo or footnotes.
type cueCache struct {
	names map[string]cue
	notes map[string]bool
	// topics remembers the elements whose id was found to be their
	// heading's slug: pruning may take the heading later (a furniture-
	// sounding class on it), and the id still names the topic.
	topics map[*html.Node]bool
}

// newCueCache returns the cache for the page under root.
func newCueCache(root *html.Node) cueCache {
	return cueCache{names: map[string]cue{}, notes: noteIDs(root), topics: map[*html.Node]bool{}}
}

// noteIDs returns the ids of footnotes and of the references to them:
// pairs of elements each holding an in-page link to the other. Such ids
// are named after the cited work ("cite_note-w3counter1-43"), so their
// words say nothing about what the element is.
func noteIDs(root *html.Node) map[string]bool {
	links := map[string]map[string]bool{} // id of the enclosing element -> targets
	var walk func(n *html.Node, owner string)
	walk = func(n *html.Node, owner string) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			own := owner
			if id := attr(c, "id"); id != "" {
				own = id
			}
			if h := attr(c, "href"); c.DataAtom == atom.A && own != "" && len(h) > 1 && h[0] == '#' {
				if links[own] == nil {
					links[own] = map[string]bool{}
				}
				links[own][h[1:]] = true
			}
			walk(c, own)
		}
	}
	walk(root, "")
	var notes map[string]bool
	for src, targets := range links {
		for t := range targets {
			if t != src && links[t][src] {
				if notes == nil {
					notes = map[string]bool{}
				}
				notes[src] = true
			}
		}
	}
	return notes
}

// cue is the verdict on one name: its weight, and whether it names hard
// furniture.
type cue struct {
	w    int
	hard bool
}

// weight returns the class/id weight of n: positive for article-like names,
// negative for furniture, 0 when neutral. Strong body names ("article-body",
// "entry-content", itemprop=articleBody) weigh double.
func (c cueCache) weight(n *html.Node) int {
	w, _ := c.judge(n)
	return w
}

// judge returns n's weight and whether a name on it is hard furniture.
func (c cueCache) judge(n *html.Node) (int, bool) {
	cls, id := attr(n, "class"), attr(n, "id")
	w, hard := 0, false
	if cls != "" {
		k := c.of(cls)
		if k.w < 0 && n.DataAtom == atom.P {
			k = c.of(unmetered(cls))
		}
		w += k.w
		hard = hard || k.hard
	}
	// An id made from the element's own heading ("sharing-with-a-single-
	// developer" over <h2>Sharing with a single developer</h2>) names the
	// section's topic, not a component.
	// A footnote's id names the work it cites.
	if id != "" && !c.topic(n, id) && !c.notes[id] {
		k := c.of(id)
		w += k.w
		hard = hard || k.hard
	}
	// Component names in data attributes speak like classes.
	for _, k := range [...]string{"data-component", "data-testid", "data-module"} {
		if v := attr(n, k); v != "" {
			c2 := c.of(v)
			w += c2.w
			hard = hard || c2.hard
		}
	}
	if ip := attr(n, "itemprop"); ip == "articleBody" || ip == "articlebody" {
		w += 50
	}
	return w, hard
}

// unmetered returns a paragraph's class names without "paywall":
// magazine pages name each paragraph past the free part so, to say who
// may read it, not what it is. A paywall's prompt is a box (a div or
// section), which keeps the name.
func unmetered(cls string) string {
	l := lowerASCII(cls)
	if !strings.Contains(l, "paywall") {
		return cls
	}
	return strings.ReplaceAll(l, "paywall", "")
}

// topic reports an id that names n's topic: its heading's slug, now or
// when first judged.
func (c cueCache) topic(n *html.Node, id string) bool {
	if c.topics[n] {
		return true
	}
	if !headingSlug(n, id) {
		return false
	}
	if c.topics != nil {
		c.topics[n] = true
	}
	return true
}

// of weighs one class or id string.
func (c cueCache) of(s string) cue {
	if k, ok := c.names[s]; ok {
		return k
	}
	k := nameWeight(lowerASCII(s))
	if c.names != nil {
		c.names[s] = k
	}
	return k
}

// nameWeight weighs a lowercased class or id string.
func nameWeight(s string) cue {
	s = dropStyleNames(dropStateNames(s))
	for _, part := range [...]string{"card-header", "panel-header", "accordion-header"} {
		// The title bar of a card or accordion panel heads that panel:
		// a question over its answer, not the page's header.
		s = strings.ReplaceAll(s, part, "card-title")
	}
	if strings.Contains(s, "shared") && !strings.Contains(s, "sharedaddy") {
		s = strings.ReplaceAll(s, "shared", "common") // "shared-history" is not a share bar
	}
	good, junk := false, false
	for _, name := range strings.Fields(s) {
		if junkHeaded(name) {
			continue // "post-body-bio" is a bio, whatever it sits in
		}
		for _, st := range goodStems {
			if strings.Contains(name, st) {
				good = true
				break
			}
		}
	}
	for _, st := range junkStems {
		if strings.Contains(s, st) {
			junk = true
			break
		}
	}
	if !junk {
		for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if junkTokens[tok] {
				junk = true
				break
			}
		}
	}
	if junk && strings.Contains(s, "commentary") && !strings.Contains(s, "comments") {
		junk = false
	}
	var k cue
	if junk {
		k.w -= 25
		for _, st := range hardStems {
			if strings.Contains(s, st) && !(st == "comment" && strings.Contains(s, "commentary")) {
				k.hard = true
				break
			}
		}
	}
	if good {
		k.w += 25
		if strongBody(s) {
			k.w += 25
		}
	}
	return k
}

// junkHeaded reports a compound name whose last word names furniture
// ("post-body-bio", "article__tags", "story-share"): in such names the last
// word says what the element is, the words before it where it sits.
func junkHeaded(name string) bool {
	i := strings.LastIndexAny(name, "-_")
	if i < 0 || i == len(name)-1 {
		return false
	}
	return junkTokens[name[i+1:]]
}

// strongBody reports names that say "the body of the article" outright.
func strongBody(s string) bool {
	head := strings.Contains(s, "article") || strings.Contains(s, "story") ||
		strings.Contains(s, "post") || strings.Contains(s, "entry")
	tail := strings.Contains(s, "body") || strings.Contains(s, "content") ||
		strings.Contains(s, "text")
	return head && tail && !strings.Contains(s, "related") && !strings.Contains(s, "comment")
}

// dropStateNames removes class names that describe a state, a feature or
// the topic of an element rather than what it is: "has-ads",
// "with-sidebar", "o-section--has-ads", "no-comments", "category-sport". They would otherwise read as
// furniture on the very container that holds the article.
func dropStateNames(s string) string {
	if !strings.Contains(s, "has-") && !strings.Contains(s, "with-") && !strings.Contains(s, "no-") &&
		!strings.Contains(s, "tag-") && !strings.Contains(s, "category-") {
		return s
	}
	f := strings.Fields(s)
	out := f[:0]
	for _, name := range f {
		// Taxonomy classes name the story's topic ("category-social-media",
		// "tag-comments"), not the element.
		if strings.HasPrefix(name, "tag-") || strings.HasPrefix(name, "category-") ||
			strings.HasPrefix(name, "post_tag-") || strings.HasPrefix(name, "topic-") {
			continue
		}
		state := name
		if i := strings.Index(name, "--"); i >= 0 {
			state = name[i+2:]
		}
		if strings.HasPrefix(state, "has-") || strings.HasPrefix(state, "with-") || strings.HasPrefix(state, "no-") {
			if state == name {
				continue
			}
			name = name[:len(name)-len(state)-2]
		}
		out = append(out, name)
	}
	return strings.Join(out, " ")
}

// styleWords open utility class names that say how an element is drawn,
// not what it is: "border-top", "flush-bottom", "margin-top".
var styleWords = map[string]bool{
	"border": true, "margin": true, "padding": true, "flush": true, "float": true,
	"align": true, "rounded": true, "pull": true, "push": true, "offset": true,
}

// dropStyleNames removes utility class names ("border-top", "flush-top"):
// their edge words would otherwise read as furniture ("top").
func dropStyleNames(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	styled := false
	for name := range strings.FieldsSeq(s) {
		if i := strings.IndexByte(name, '-'); i > 0 && styleWords[name[:i]] {
			styled = true
			break
		}
	}
	if !styled {
		return s
	}
	f := strings.Fields(s)
	out := f[:0]
	for _, name := range f {
		if i := strings.IndexByte(name, '-'); i > 0 && styleWords[name[:i]] {
			continue
		}
		out = append(out, name)
	}
	return strings.Join(out, " ")
}

// headingSlug reports whether id is the slug of the first heading inside
// n (within two levels), or of n's own text when n sits in a heading.
func headingSlug(n *html.Node, id string) bool {
	// The element's own text, of a heading or inside one (a heading's
	// anchor span, "See_also" over "See also"; <h3 id="repeating-alerts">):
	// the id can only name that text.
	if isHeading(n.DataAtom) || n.Parent != nil && isHeading(n.Parent.DataAtom) {
		if s, ok := slugUpTo(n, len(slug(id))); ok && s == slug(id) {
			return true
		}
	}
	if strings.Count(id, "-")+strings.Count(id, "_") < 2 {
		return false
	}
	id = slug(id)
	h := firstHeading(n, 2)
	if h == nil {
		return false
	}
	// Only a slug no longer than the id can match it.
	hs, ok := slugUpTo(h, len(id))
	if !ok {
		return false
	}
	// Some generators add a short unique suffix to the slug
	// ("bigtable-sre-a-tale-of-over-alerting-dbsxtjsm"); a heading of
	// three words or more is still the id's whole meaning.
	return hs == id || strings.Count(hs, "-") >= 2 && strings.HasPrefix(id, hs+"-") && len(id)-len(hs) <= 13
}

// firstHeading returns the first h1-h6 among n's first element children,
// looking depth levels down.
func firstHeading(n *html.Node, depth int) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isHeading(c.DataAtom) {
			return c
		}
		if depth > 1 {
			if h := firstHeading(c, depth-1); h != nil {
				return h
			}
		}
		return nil // only the first element child leads to the heading
	}
	return nil
}

// slugUpTo returns slug(innerText(n)) and true when it is at most max
// bytes long, reading no further than that (and no more than
// maxHeadingText of text): an id is compared with the slug of every
// heading that carries one, and headings nest on hostile pages.
// (Collapsing whitespace first changes no slug.)
func slugUpTo(n *html.Node, max int) (string, bool) {
	w := slugWalker{max: max, budget: maxHeadingText}
	if !w.walk(n) {
		return "", false
	}
	return w.b.String(), true
}

// slugWalker writes slug of n's text as it reads it.
type slugWalker struct {
	b           strings.Builder
	dash        bool
	max, budget int
}

func (w *slugWalker) walk(n *html.Node) bool {
	if n.Type == html.TextNode {
		if w.budget -= len(n.Data); w.budget < 0 {
			return false
		}
		for _, r := range n.Data {
			if r = unicode.ToLower(r); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				w.dash = true
				continue
			}
			if w.dash && w.b.Len() > 0 {
				w.b.WriteByte('-')
			}
			w.dash = false
			w.b.WriteRune(r)
			if w.b.Len() > w.max {
				return false
			}
		}
		return true
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br {
		w.dash = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !w.walk(c) {
			return false
		}
	}
	return true
}

// slug lowercases s and joins its letter and digit runs with hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
