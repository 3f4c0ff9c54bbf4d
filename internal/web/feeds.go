package web

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"newshound/internal/news"
	"newshound/internal/store"
)

// Feeds out: RSS 2.0, Atom and JSON Feed 1.1 of the latest articles of
// the whole site, of each source, each tag and each republishing account,
// at /feed.xml, /atom.xml and /feed.json under the site, /source/{slug},
// /tag/{slug} and /author/{slug}. Like pages, feeds are rendered once per
// site change and served from the page cache.

// feedItems is how many articles a feed carries.
const feedItems = 20

// Content types of the feeds.
const (
	rssType  = "application/rss+xml; charset=utf-8"
	atomType = "application/atom+xml; charset=utf-8"
	jsonType = "application/feed+json; charset=utf-8"
)

// feedRoutes registers the feeds, sitemaps and robots.txt.
func (s *Server) feedRoutes() {
	for _, scope := range []string{"", "source", "tag", "author"} {
		prefix := ""
		if scope != "" {
			prefix = "/" + scope + "/{slug}"
		}
		s.mux.Handle("GET "+prefix+"/feed.xml", s.cached(s.feed(scope, s.rss)))
		s.mux.Handle("GET "+prefix+"/atom.xml", s.cached(s.feed(scope, s.atom)))
		s.mux.Handle("GET "+prefix+"/feed.json", s.cached(s.feed(scope, s.jsonFeed)))
	}
	s.mux.Handle("GET /sitemap.xml", s.cached(s.sitemap))
	s.mux.Handle("GET /news-sitemap.xml", s.cached(s.newsSitemap))
	s.mux.Handle("GET /robots.txt", s.cached(s.robots))
}

// feedData is one feed before it is written in a format.
type feedData struct {
	Title       string
	Description string
	Home        string // the matching HTML page, absolute
	Self        string // this feed, absolute
	Path        string // the feeds' path prefix, "" for the site
	Base        string // the site's absolute base URL
	Lang        string
	Updated     time.Time
	Items       []feedItem
}

type feedItem struct {
	Article news.Article
	URL     string // our copy, absolute
	Source  news.Source
	Content string // body HTML with site-relative links made absolute
}

// feed renders the feed of a scope ("" for the whole site) with write.
func (s *Server) feed(scope string, write func(feedData) (page, error)) pageFunc {
	return func(r *http.Request) (page, error) {
		ctx := r.Context()
		f := feedData{Title: s.site, Description: "The latest articles on " + s.site, Lang: s.lang}
		filter := store.ArticleFilter{Status: news.StatusPublished, Limit: feedItems}
		if scope != "" {
			slug := r.PathValue("slug")
			sub, err := s.feedSubject(ctx, scope, slug, &filter)
			if err != nil {
				return page{}, fmt.Errorf("web: feed of %s %q: %w", sub.noun, slug, err)
			}
			f.Path = "/" + scope + "/" + sub.slug
			f.Title = sub.name + " on " + s.site
			f.Description = sub.about + sub.name
		}
		f.Home = s.absURL(r, f.Path+"/")
		if f.Path != "" {
			f.Home = s.absURL(r, f.Path)
		}
		f.Self = s.absURL(r, r.URL.Path)
		arts, _, err := s.store.Articles(ctx, filter)
		if err != nil {
			return page{}, fmt.Errorf("web: feed articles: %w", err)
		}
		srcs, err := s.store.Sources(ctx)
		if err != nil {
			return page{}, fmt.Errorf("web: feed sources: %w", err)
		}
		byID := map[int64]news.Source{}
		for _, src := range srcs {
			byID[src.ID] = src
		}
		base := s.base(r)
		f.Base = base
		for _, a := range arts {
			f.Items = append(f.Items, feedItem{
				Article: a,
				URL:     base + "/a/" + a.Slug,
				Source:  byID[a.SourceID],
				Content: absolutize(a.BodyHTML, base),
			})
			if t := itemUpdated(a); t.After(f.Updated) {
				f.Updated = t
			}
		}
		if f.Updated.IsZero() {
			f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // an empty feed: a fixed, honest "long ago"
		}
		return write(f)
	}
}

// feedSubject is what a scoped feed is of: a source, a tag or an account.
type feedSubject struct {
	noun  string // for errors
	slug  string
	name  string
	about string // the feed's description, before the name
}

// feedSubject looks up the subject of a scoped feed by its slug and
// narrows filter to its articles.
func (s *Server) feedSubject(ctx context.Context, scope, slug string, filter *store.ArticleFilter) (feedSubject, error) {
	switch scope {
	case "source":
		src, err := s.store.SourceBySlug(ctx, slug)
		filter.SourceID = src.ID
		return feedSubject{"source", src.Slug, src.Name, "Articles first published by "}, err
	case "tag":
		tag, err := s.store.Tag(ctx, slug)
		filter.TagSlug = tag.Slug
		return feedSubject{"tag", tag.Slug, tag.Name, "Articles tagged "}, err
	case "author":
		acc, err := s.store.AccountBySlug(ctx, slug)
		filter.AccountID = acc.ID
		return feedSubject{"account", acc.Slug, acc.Name, "Articles republished by "}, err
	}
	return feedSubject{noun: scope}, fmt.Errorf("unknown feed scope %q", scope)
}

// itemUpdated is when an article last changed, as far as we know.
func itemUpdated(a news.Article) time.Time {
	for _, t := range []time.Time{a.UpdatedAt, a.PublishedAt, a.FetchedAt} {
		if !t.IsZero() {
			return t.UTC()
		}
	}
	return time.Time{}
}

// stamp formats t in UTC with layout, or "" when t is unknown (zero), for
// the optional dates of feed items.
func stamp(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(layout)
}

// absolutize makes site-relative src and href attributes ("/static/...")
// absolute, since a feed reader shows the body away from our site.
// Protocol-relative ("//host") and absolute URLs are left alone.
func absolutize(body, base string) string {
	var b strings.Builder
	for {
		i := strings.Index(body, `="/`)
		if i < 0 {
			b.WriteString(body)
			return b.String()
		}
		attr := body[:i]
		isLink := strings.HasSuffix(attr, " src") || strings.HasSuffix(attr, " href")
		b.WriteString(body[:i+2])
		body = body[i+2:]
		if isLink && !strings.HasPrefix(body, "//") {
			b.WriteString(base)
		}
	}
}

// RSS 2.0 with the content and Dublin Core modules.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	NSContent string     `xml:"xmlns:content,attr"`
	NSDC      string     `xml:"xmlns:dc,attr"`
	NSAtom    string     `xml:"xmlns:atom,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Self          rssLink   `xml:"atom:link"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Items         []rssItem `xml:"item"`
}

type rssLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string     `xml:"title"`
	Link        string     `xml:"link"`
	GUID        rssGUID    `xml:"guid"`
	PubDate     string     `xml:"pubDate,omitempty"`
	Description string     `xml:"description,omitempty"`
	Content     string     `xml:"content:encoded,omitempty"`
	Creators    []string   `xml:"dc:creator"`
	Categories  []string   `xml:"category"`
	Source      *rssSource `xml:"source,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssSource struct {
	URL  string `xml:"url,attr"`
	Name string `xml:",chardata"`
}

func (s *Server) rss(f feedData) (page, error) {
	doc := rssDoc{
		Version: "2.0", NSContent: "http://purl.org/rss/1.0/modules/content/",
		NSDC: "http://purl.org/dc/elements/1.1/", NSAtom: "http://www.w3.org/2005/Atom",
		Channel: rssChannel{
			Title: f.Title, Link: f.Home, Description: f.Description, Language: f.Lang,
			Self:          rssLink{Href: f.Self, Rel: "self", Type: "application/rss+xml"},
			LastBuildDate: f.Updated.Format(time.RFC1123Z), Generator: "newshound",
		},
	}
	for _, it := range f.Items {
		a := it.Article
		item := rssItem{
			Title: a.Title, Link: it.URL, GUID: rssGUID{IsPermaLink: true, Value: it.URL},
			Description: a.Standfirst, Content: it.Content,
		}
		item.PubDate = stamp(a.PublishedAt, time.RFC1123Z)
		for _, au := range a.Authors {
			item.Creators = append(item.Creators, au.Name)
		}
		for _, t := range a.Tags {
			item.Categories = append(item.Categories, t.Name)
		}
		if u := httpURL(it.Source.FeedURL); u != "" {
			item.Source = &rssSource{URL: u, Name: it.Source.Name}
		}
		doc.Channel.Items = append(doc.Channel.Items, item)
	}
	return xmlPage(doc, rssType)
}

// Atom (RFC 4287).
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href  string `xml:"href,attr"`
	Rel   string `xml:"rel,attr,omitempty"`
	Type  string `xml:"type,attr,omitempty"`
	Title string `xml:"title,attr,omitempty"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomText      `xml:"content,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

func (s *Server) atom(f feedData) (page, error) {
	doc := atomFeed{
		Lang: f.Lang, Title: f.Title, Subtitle: f.Description, ID: f.Self,
		Updated: f.Updated.Format(time.RFC3339), Generator: "newshound",
		Links: []atomLink{{Href: f.Self, Rel: "self", Type: "application/atom+xml"}, {Href: f.Home, Rel: "alternate", Type: "text/html"}},
	}
	for _, it := range f.Items {
		a := it.Article
		e := atomEntry{
			Title: a.Title, ID: it.URL, Updated: itemUpdated(a).Format(time.RFC3339),
			Links:   []atomLink{{Href: it.URL, Rel: "alternate", Type: "text/html"}},
			Content: &atomText{Type: "html", Body: it.Content},
		}
		if e.Updated == (time.Time{}).Format(time.RFC3339) {
			e.Updated = f.Updated.Format(time.RFC3339)
		}
		e.Published = stamp(a.PublishedAt, time.RFC3339)
		if u := original(&a); u != "" {
			e.Links = append(e.Links, atomLink{Href: u, Rel: "via", Type: "text/html", Title: "Original at " + it.Source.Name})
		}
		if a.Standfirst != "" {
			e.Summary = &atomText{Type: "text", Body: a.Standfirst}
		}
		for _, au := range a.Authors {
			e.Authors = append(e.Authors, atomPerson{Name: au.Name, URI: httpURL(au.URL)})
		}
		if len(e.Authors) == 0 { // Atom wants an author; the source stands in
			e.Authors = []atomPerson{{Name: it.Source.Name, URI: httpURL(it.Source.HomepageURL)}}
		}
		for _, t := range a.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t.Slug, Label: t.Name})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return xmlPage(doc, atomType)
}

// JSON Feed 1.1 (jsonfeed.org).
type jsonFeedDoc struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description,omitempty"`
	Language    string         `json:"language,omitempty"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonFeedItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url"`
	ExternalURL   string           `json:"external_url,omitempty"`
	Title         string           `json:"title"`
	Summary       string           `json:"summary,omitempty"`
	ContentHTML   string           `json:"content_html"`
	Image         string           `json:"image,omitempty"`
	DatePublished string           `json:"date_published,omitempty"`
	DateModified  string           `json:"date_modified,omitempty"`
	Authors       []jsonFeedAuthor `json:"authors,omitempty"`
	Tags          []string         `json:"tags,omitempty"`
	Language      string           `json:"language,omitempty"`
}

type jsonFeedAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

func (s *Server) jsonFeed(f feedData) (page, error) {
	doc := jsonFeedDoc{
		Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.Home,
		FeedURL: f.Self, Description: f.Description, Language: f.Lang, Items: []jsonFeedItem{},
	}
	for _, it := range f.Items {
		a := it.Article
		item := jsonFeedItem{
			ID: it.URL, URL: it.URL, ExternalURL: original(&a), Title: a.Title,
			Summary: a.Standfirst, ContentHTML: it.Content, Language: a.Language,
		}
		if a.LeadImage != nil {
			item.Image = a.LeadImage.ImageURL
			if httpURL(item.Image) == "" {
				item.Image = f.Base + item.Image
			}
		}
		item.DatePublished = stamp(a.PublishedAt, time.RFC3339)
		item.DateModified = stamp(a.UpdatedAt, time.RFC3339)
		for _, au := range a.Authors {
			item.Authors = append(item.Authors, jsonFeedAuthor{Name: au.Name, URL: httpURL(au.URL)})
		}
		for _, t := range a.Tags {
			item.Tags = append(item.Tags, t.Name)
		}
		doc.Items = append(doc.Items, item)
	}
	body, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return page{}, fmt.Errorf("web: json feed: %w", err)
	}
	return page{body: body, ctype: jsonType, control: listControl}, nil
}

// xmlPage marshals doc as an XML document.
func xmlPage(doc any, ctype string) (page, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return page{}, fmt.Errorf("web: write %s: %w", ctype, err)
	}
	b.WriteByte('\n')
	return page{body: b.Bytes(), ctype: ctype, control: listControl}, nil
}
