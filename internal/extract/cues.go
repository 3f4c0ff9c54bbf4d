package extract

import (
	"strings"

	"golang.org/x/net/html"
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
	"visuallyhidden", "offscreen", "byline", "dateline", "post-meta",
	"entry-meta", "article-meta", "postmeta", "entrymeta", "meta-", "-meta",
	"teaser", "also-", "see-also", "nav-", "-nav", "topnav", "header",
	"jump", "donate", "donation", "counter", "rating", "vote",
	"breaking", "alert", "overlay", "lightbox", "carousel", "slider",
	"wpp-", "yarpp", "jp-relatedposts", "sharedaddy", "addtoany", "a2a",
	"newsletter", "crp_related", "linkwithin", "nocontent", "noprint", "contact",
	"extra", "legal", "copyright", "disclaimer", "pub-info", "timestamp",
}

// junkTokens mark furniture only as whole words of a class or id, because
// as substrings they would hit innocent names ("ad" in "header").
var junkTokens = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "nav": true, "tags": true,
	"tag": true, "meta": true, "print": true, "tools": true, "date": true,
	"time": true, "author": true, "bio": true, "also": true, "more": true,
	"aside": true, "hide": true, "hid": true, "links": true, "share": true,
	"sns": true, "credits": true, "top": true, "views": true,
}

// hardStems are the junk stems that mark furniture even on a large
// element: nothing called "comments" or "related" holds the article.
var hardStems = []string{
	"comment", "disqus", "share", "sharing", "social", "related", "recommend",
	"newsletter", "subscribe", "signup", "sign-up", "cookie", "consent", "gdpr",
	"outbrain", "taboola", "zergnet", "popular", "trending", "mostread",
	"most-read", "readmore", "read-more", "more-stories", "morestories",
	"advert", "sponsor", "promo", "author-bio", "authorbio", "author-box",
	"authorbox", "about-author", "about-the-author", "sr-only", "screen-reader",
	"visually-hidden", "visuallyhidden", "yarpp", "jp-relatedposts",
	"sharedaddy", "addtoany", "crp_related",
}

// goodStems mark the article container.
var goodStems = []string{
	"article", "body", "content", "entry", "main", "post", "story", "text",
	"prose", "blog", "hentry", "h-entry", "richtext", "rich-text", "page",
}

// cueCache memoises weights per class+id string: pages repeat the same
// names many times.
type cueCache map[string]int

// weight returns the class/id weight of n: positive for article-like names,
// negative for furniture, 0 when neutral. Strong body names ("article-body",
// "entry-content", itemprop=articleBody) weigh double.
func (c cueCache) weight(n *html.Node) int {
	cls, id := attr(n, "class"), attr(n, "id")
	w := 0
	if cls != "" {
		w += c.of(cls)
	}
	if id != "" {
		w += c.of(id)
	}
	if ip := attr(n, "itemprop"); ip == "articleBody" || ip == "articlebody" {
		w += 50
	}
	return w
}

// of weighs one class or id string.
func (c cueCache) of(s string) int {
	if w, ok := c[s]; ok {
		return w
	}
	w := nameWeight(lowerASCII(s))
	c[s] = w
	return w
}

// nameWeight weighs a lowercased class or id string.
func nameWeight(s string) int {
	good, junk := false, false
	for _, st := range goodStems {
		if strings.Contains(s, st) {
			good = true
			break
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
	w := 0
	if junk {
		w -= 25
		for _, st := range hardStems {
			if strings.Contains(s, st) && !(st == "comment" && strings.Contains(s, "commentary")) {
				w -= 25
				break
			}
		}
	}
	if good {
		w += 25
		if strongBody(s) {
			w += 25
		}
	}
	return w
}

// strongBody reports names that say "the body of the article" outright.
func strongBody(s string) bool {
	head := strings.Contains(s, "article") || strings.Contains(s, "story") ||
		strings.Contains(s, "post") || strings.Contains(s, "entry")
	tail := strings.Contains(s, "body") || strings.Contains(s, "content") ||
		strings.Contains(s, "text")
	return head && tail && !strings.Contains(s, "related") && !strings.Contains(s, "comment")
}
