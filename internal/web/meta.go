package web

// Metadata in a page's <head>: the canonical link, feed links, and the
// OpenGraph, Twitter and JSON-LD descriptions that link previews and
// search engines read.

// feedLink is a <link rel="alternate"> to one of our feeds.
type feedLink struct {
	Title string
	Type  string // MIME type
	Href  string
}

// pageMeta describes a page for OpenGraph and Twitter cards.
type pageMeta struct {
	Type        string // og:type
	Title       string
	Description string
	URL         string // our copy, absolute
	Image       string // absolute
	ImageAlt    string
	Locale      string
	Published   string // RFC 3339
	Modified    string
	Tags        []string
	LD          *newsArticleLD // JSON-LD, for articles
}

// newsArticleLD is a schema.org NewsArticle. html/template writes it as
// JSON inside <script type="application/ld+json">, escaping < > & so that
// no text in it can end the element.
type newsArticleLD struct {
	Context     string    `json:"@context"`
	Type        string    `json:"@type"`
	Headline    string    `json:"headline"`
	Description string    `json:"description,omitempty"`
	URL         string    `json:"url"`
	MainEntity  string    `json:"mainEntityOfPage"`
	IsBasedOn   string    `json:"isBasedOn,omitempty"` // the original article
	Image       []string  `json:"image,omitempty"`
	Published   string    `json:"datePublished,omitempty"`
	Modified    string    `json:"dateModified,omitempty"`
	Language    string    `json:"inLanguage,omitempty"`
	Keywords    []string  `json:"keywords,omitempty"`
	Author      []ldThing `json:"author,omitempty"`
	Publisher   ldThing   `json:"publisher"`
}

// ldThing is a schema.org Person or Organization.
type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// siteFeeds are the whole site's feeds, linked from every page.
func siteFeeds(site string) []feedLink {
	return scopeFeeds("", site)
}

// scopeFeeds are the three feeds under a path prefix ("" for the site,
// "/source/x" for a source).
func scopeFeeds(prefix, title string) []feedLink {
	return []feedLink{
		{Title: title + " (RSS)", Type: "application/rss+xml", Href: prefix + "/feed.xml"},
		{Title: title + " (Atom)", Type: "application/atom+xml", Href: prefix + "/atom.xml"},
		{Title: title + " (JSON Feed)", Type: "application/feed+json", Href: prefix + "/feed.json"},
	}
}
