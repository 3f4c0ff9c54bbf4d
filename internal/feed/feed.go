// Package feed turns fetched documents into things to ingest: it parses
// RSS 0.9x/1.0/2.0, Atom and JSON Feed into entries, finds feeds linked
// from HTML pages, reads sitemaps (plain, index and Google News), tells
// these formats apart, and reads and writes OPML lists of sources. It does
// no I/O of its own: callers fetch with package fetch and hand bytes in.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
	xhtml "golang.org/x/net/html"

	"newshound/internal/fetch"
	"newshound/internal/news"
)

// Errors returned (wrapped) by Parse and the sitemap and OPML readers.
var (
	// ErrUnknownFormat means the document is not a format the function
	// reads, e.g. an HTML page handed to Parse.
	ErrUnknownFormat = errors.New("not a recognised feed format")
	// ErrMalformed means the document is of the right kind but broken:
	// bad XML or JSON syntax.
	ErrMalformed = errors.New("malformed document")
)

// Feed is a parsed feed.
type Feed struct {
	// Format is "rss", "atom" or "json".
	Format      string
	Title       string
	Description string
	// HomepageURL is the site the feed belongs to, absolute.
	HomepageURL string
	// Language as declared by the feed, e.g. "en-gb"; may be empty.
	Language string
	// TTL is how long the feed says it may be cached (RSS <ttl>), zero when
	// not given.
	TTL     time.Duration
	Entries []Entry
}

// Entry is one item of a feed.
type Entry struct {
	// GUID is the entry's identifier as the feed gives it (RSS guid, Atom
	// id, JSON Feed id); empty when the feed gives none.
	GUID string
	// URL is the entry's page, made absolute.
	URL string
	// Title is plain text: markup some feeds put in titles is removed and
	// entities (even doubly escaped ones) are decoded.
	Title string
	// Summary is the feed's short description of the entry, as given: it
	// may contain HTML and is not sanitized.
	Summary string
	// ContentHTML is the full content the feed carries, if any, as HTML
	// (JSON Feed content_text is escaped into paragraphs). Not sanitized;
	// relative URLs in it are relative to URL.
	ContentHTML string
	// Authors credited by the feed; e-mail addresses are dropped.
	Authors []news.Author
	// Published is when the entry was first published; the update time
	// when the feed gives only that; zero when it gives neither.
	Published time.Time
	// Updated is when the entry was last changed; zero when not given.
	Updated  time.Time
	Tags     []news.Tag
	ImageURL string
}

// Parse reads an RSS, Atom or JSON feed. baseURL is the URL the feed was
// fetched from; relative links are resolved against it (after any
// xml:base). body may be in any charset its XML declaration, or a BOM,
// names. Parse never panics: broken input gives an error wrapping
// ErrMalformed or ErrUnknownFormat.
func Parse(body []byte, baseURL string) (f *Feed, err error) {
	base, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("feed: parse: bad base URL: %w", err)
	}
	defer func() {
		// gofeed is third-party code fed hostile input; a bug there must
		// cost one feed, not the process.
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed: parse %s: %w: parser failed: %v", baseURL, ErrMalformed, r)
		}
	}()
	utf8Body, _ := fetch.ToUTF8(body, "")
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	gf, err := p.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("feed: parse %s: %w: no RSS, Atom or JSON Feed found (is it an HTML page or a sitemap?)", baseURL, ErrUnknownFormat)
		}
		return nil, fmt.Errorf("feed: parse %s: %w: %v", baseURL, ErrMalformed, err)
	}
	return convert(gf, base), nil
}

// convert maps gofeed's universal feed to ours.
func convert(gf *gofeed.Feed, base *url.URL) *Feed {
	f := &Feed{
		Format:      gf.FeedType,
		Title:       strings.TrimSpace(gf.Title),
		Description: strings.TrimSpace(gf.Description),
		HomepageURL: resolve(base, gf.Link),
		Language:    strings.TrimSpace(gf.Language),
	}
	extra := originalExtras(gf)
	f.TTL = extra.ttl
	if f.Language == "" {
		f.Language = extra.language
	}
	for i, it := range gf.Items {
		e := Entry{
			GUID:        strings.TrimSpace(it.GUID),
			URL:         resolve(base, it.Link),
			Title:       plainText(it.Title),
			Summary:     strings.TrimSpace(it.Description),
			ContentHTML: strings.TrimSpace(it.Content),
			Tags:        tags(it.Categories),
		}
		if e.URL == "" && len(it.Links) > 0 {
			e.URL = resolve(base, it.Links[0])
		}
		if it.PublishedParsed != nil {
			e.Published = it.PublishedParsed.UTC()
		}
		if it.UpdatedParsed != nil {
			e.Updated = it.UpdatedParsed.UTC()
		}
		if e.Published.IsZero() {
			e.Published = e.Updated
		}
		if i < len(extra.items) {
			x := extra.items[i]
			if x.contentText != "" {
				e.ContentHTML = textToHTML(x.contentText)
			}
			e.Authors = resolveAuthors(base, x.authors)
		}
		if len(e.Authors) == 0 {
			e.Authors = personAuthors(it.Authors)
		}
		e.ImageURL = resolve(base, itemImage(it))
		f.Entries = append(f.Entries, e)
	}
	return f
}

// extras are what gofeed's universal feed leaves out but the original
// format structs keep.
type extras struct {
	ttl      time.Duration
	language string
	items    []itemExtras // same order as the feed's items
}

type itemExtras struct {
	authors     []news.Author // with profile URLs (Atom uri, JSON url)
	contentText string        // JSON Feed content_text, set when there is no content_html
}

// originalExtras reads the format-specific feed gofeed kept for us.
func originalExtras(gf *gofeed.Feed) extras {
	var x extras
	switch orig := gf.OriginalFeed().(type) {
	case *rss.Feed:
		if mins, err := strconv.Atoi(strings.TrimSpace(orig.TTL)); err == nil && mins > 0 {
			x.ttl = time.Duration(mins) * time.Minute
		}
	case *atom.Feed:
		feedAuthors := atomAuthors(orig.Authors)
		for _, e := range orig.Entries {
			a := atomAuthors(e.Authors)
			if len(a) == 0 && e.Source != nil {
				a = atomAuthors(e.Source.Authors)
			}
			if len(a) == 0 {
				a = feedAuthors // Atom: entries inherit the feed's authors
			}
			x.items = append(x.items, itemExtras{authors: a})
		}
	case *jsonfeed.Feed:
		x.language = orig.Language
		feedAuthors := jsonAuthors(orig.Authors, orig.Author)
		for _, it := range orig.Items {
			a := jsonAuthors(it.Authors, it.Author)
			if len(a) == 0 {
				a = feedAuthors
			}
			text := ""
			if strings.TrimSpace(it.ContentHTML) == "" {
				text = it.ContentText
			}
			x.items = append(x.items, itemExtras{authors: a, contentText: text})
		}
	}
	return x
}

func atomAuthors(ps []*atom.Person) []news.Author {
	var out []news.Author
	for _, p := range ps {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			out = append(out, news.Author{Name: strings.TrimSpace(p.Name), URL: strings.TrimSpace(p.URI)})
		}
	}
	return out
}

func jsonAuthors(many []*jsonfeed.Author, one *jsonfeed.Author) []news.Author {
	if len(many) == 0 && one != nil {
		many = []*jsonfeed.Author{one}
	}
	var out []news.Author
	for _, a := range many {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			out = append(out, news.Author{Name: strings.TrimSpace(a.Name), URL: strings.TrimSpace(a.URL)})
		}
	}
	return out
}

// personAuthors keeps names only: an e-mail address is personal data we
// have no use for.
func personAuthors(ps []*gofeed.Person) []news.Author {
	var out []news.Author
	seen := map[string]bool{}
	for _, p := range ps {
		if p == nil {
			continue
		}
		name := strings.TrimSpace(p.Name)
		if name == "" || strings.Contains(name, "@") || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, news.Author{Name: name})
	}
	return out
}

func resolveAuthors(base *url.URL, as []news.Author) []news.Author {
	for i := range as {
		as[i].URL = resolve(base, as[i].URL)
	}
	return as
}

// itemImage picks the entry's image: the one gofeed found (iTunes, media
// RSS, JSON image, first <img>), else the first image enclosure.
func itemImage(it *gofeed.Item) string {
	if it.Image != nil && it.Image.URL != "" {
		return it.Image.URL
	}
	for _, enc := range it.Enclosures {
		if enc != nil && strings.HasPrefix(enc.Type, "image/") {
			return enc.URL
		}
	}
	return ""
}

// tags turns feed categories into tags, dropping empty and repeated ones.
func tags(categories []string) []news.Tag {
	var out []news.Tag
	seen := map[string]bool{}
	for _, c := range categories {
		name := strings.TrimSpace(html.UnescapeString(c))
		slug := news.Slugify(name)
		if slug == "" || seen[slug] {
			continue
		}
		seen[slug] = true
		out = append(out, news.Tag{Slug: slug, Name: name})
	}
	return out
}

// plainText turns a title that may carry markup or escaped entities into
// plain text with single spaces.
func plainText(s string) string {
	if strings.ContainsAny(s, "<&") {
		var b strings.Builder
		z := xhtml.NewTokenizer(strings.NewReader(s))
		for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
			if tt == xhtml.TextToken {
				b.Write(z.Text()) // Text unescapes entities
			}
		}
		// A doubly escaped "&amp;amp;" is left as "&amp;" by one pass.
		s = html.UnescapeString(b.String())
	}
	return strings.Join(strings.Fields(s), " ")
}

// textToHTML escapes plain text into paragraphs split on blank lines.
func textToHTML(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

// resolve makes ref absolute against base. It returns "" for empty
// references and for anything that is not an http(s) URL with a host once
// resolved, so that javascript: and data: links never come out of a feed.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
