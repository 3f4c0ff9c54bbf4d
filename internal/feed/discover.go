package feed

import (
	"bytes"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// feedTypes are the link types that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
	"application/json":      true,
}

// Discover returns the feeds an HTML page announces with
// <link rel="alternate" type="application/rss+xml" href="...">
// (or atom+xml, rdf+xml, feed+json, json), made absolute against the
// page's <base href> or pageURL, in page order, without repeats. Broken
// HTML is read as browsers would; a page without feeds gives nil.
func Discover(htmlBody []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var found []string
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(htmlBody))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return found
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "base":
			if href := attr(tok, "href"); href != "" {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					base = base.ResolveReference(u)
				}
			}
		case "link":
			if !isFeedLink(tok) {
				continue
			}
			if u := resolve(base, attr(tok, "href")); u != "" && !seen[u] {
				seen[u] = true
				found = append(found, u)
			}
		}
	}
}

// isFeedLink reports whether a <link> announces a feed.
func isFeedLink(tok html.Token) bool {
	alternate := false
	for _, rel := range strings.Fields(strings.ToLower(attr(tok, "rel"))) {
		if rel == "alternate" {
			alternate = true
		}
	}
	if !alternate {
		return false
	}
	mt, _, err := mime.ParseMediaType(attr(tok, "type"))
	return err == nil && feedTypes[mt]
}

// attr returns the value of the named attribute, or "".
func attr(tok html.Token, name string) string {
	for _, a := range tok.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
