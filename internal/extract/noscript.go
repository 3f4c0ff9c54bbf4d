package extract

import (
	"bytes"
	"strings"

	"newshound/internal/news"

	"golang.org/x/net/html"
)

// A single-page app ships a shell: a nav, a spinner in an empty root and
// a footer, with the article drawn by script from its data. Such pages
// often put a copy for readers without scripts in a <noscript>, with its
// subheads, lists and links, where the JSON-LD articleBody is plain text.
// When the scripted page gave no article of its own (the body came from
// articleBody, or there was none), the page is read again as a browser
// without scripts reads it, and that copy is kept if it holds the story.

// maxNoscriptPage bounds the pages read twice for their <noscript> copy:
// an app shell is small, and the second parse counts no tags inside
// <noscript> against the caps (capElements reads them as raw text).
const maxNoscriptPage = 1 << 20

// fromNoscript extracts page with scripting off, when it holds a
// <noscript> and the first result (art, err) did not come from its
// markup. ok reports a result that holds the story: the first result's
// opening paragraph, and at least as much text, or any article when the
// first try found none.
func fromNoscript(page []byte, pageURL string, art news.Article, err error) (news.Article, bool) {
	if len(page) > maxNoscriptPage || bytes.Count(page, []byte("<")) > depthBudget/parserDepth || !bytes.Contains(bytes.ToLower(page), []byte("<noscript")) {
		return art, false
	}
	doc, perr := parse(page, html.ParseOptionEnableScripting(false))
	if perr != nil {
		return art, false
	}
	art2, _, fromLD, err2 := fromDoc(doc, pageURL, true)
	if err2 != nil || fromLD {
		return art, false
	}
	if err != nil {
		return art2, len(art2.BodyText) >= 250
	}
	return art2, len(art2.BodyText)*10 >= len(art.BodyText)*9 && strings.Contains(art2.BodyText, firstPara(art.BodyText))
}

// parsedNoscript reports a <noscript> read with scripting off: its
// content is elements, the copy of the page for readers without scripts.
func parsedNoscript(ns *html.Node) bool {
	for c := ns.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}
