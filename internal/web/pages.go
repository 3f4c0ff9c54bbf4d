package web

import (
	"html/template"
	"time"

	"newshound/internal/news"
)

// Each template gets one of these typed structs; the shared layout reads
// the embedded Layout.

// Layout is the data every page shares.
type Layout struct {
	Site        string // site name
	Title       string // the <title>
	Lang        string // <html lang>
	Description string // meta description; may be empty
	Join        bool   // the site takes sign-ups: link to /join
	Canonical   string // <link rel="canonical">; "" for none
	Feeds       []feedLink
	Meta        *pageMeta // OpenGraph, Twitter and JSON-LD; nil for none
}

// card is an article in a listing.
type card struct {
	Slug        string
	Title       string
	Standfirst  string
	Source      news.Source
	PublishedAt time.Time
	Image       *news.Figure
}

// pager links the pages of a listing. Prev and Next are empty at the ends.
type pager struct {
	Page, Pages int
	Prev, Next  string
}

// homePage is home.html: the latest articles.
type homePage struct {
	Layout
	Cards []card
	Pager pager
}

// articlePage is article.html.
type articlePage struct {
	Layout
	Article news.Article
	Source  news.Source
	Account *news.Account // nil when the article has no republishing account
	// Body is the article's stored BodyHTML, which was sanitized at ingest.
	// It is the only text on the site marked safe; see bodyHTML.
	Body template.HTML
	// Standfirst and Lead are what the header shows: the article's own,
	// left out when the body already holds them (see head.go).
	Standfirst string
	Lead       *news.Figure
	Join       *joinForm // the Join block; nil when the site takes no sign-ups
	// Counter is the visit counter's placeholder, filled per response; ""
	// when the site counts no visits.
	Counter string
	Related []card // "Recommended for you", best first
}

// sourcePage is source.html: one source and its articles.
type sourcePage struct {
	Layout
	Source news.Source
	Cards  []card
	Pager  pager
}

// authorPage is author.html: a republishing account and its articles.
type authorPage struct {
	Layout
	Account news.Account
	Cards   []card
	Pager   pager
}

// tagPage is tag.html: one tag and its articles.
type tagPage struct {
	Layout
	Tag   news.Tag
	Cards []card
	Pager pager
}

// errorPage is error.html, used for 400, 404 and 500.
type errorPage struct {
	Layout
	Status  int
	Heading string
	Message string
}
