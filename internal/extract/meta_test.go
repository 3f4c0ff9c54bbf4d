package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
)

// articleBody is a body long enough to be found, for metadata tests.
const articleBody = `<article><p>The council met on Tuesday evening to discuss the new budget, which has been debated for months.</p>
<p>Members voted seven to two in favour, after a long debate about the library, the swimming pool and the roads.</p>
<p>The mayor said the decision was a compromise, and that nobody had got everything they wanted from it.</p></article>`

func TestMetadata(t *testing.T) {
	tests := []struct {
		name string
		head string
		body string
		want news.Article
	}{
		{
			name: "json-ld wins and is cross-checked with h1",
			head: `<title>Council passes budget | Town Gazette</title>
<meta property="og:title" content="OG title">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Council passes budget","description":"Seven votes to two.",
  "author":[{"@type":"Person","name":"Ana Ruiz","url":"https://gazette.example/ana"},{"@type":"Person","name":"Ben Ode"}],
  "datePublished":"2024-03-05T18:30:00+01:00","dateModified":"2024-03-06T09:00:00Z","inLanguage":"en-GB",
  "image":{"@type":"ImageObject","url":"/img/council.jpg"},"publisher":{"@type":"Organization","name":"Town Gazette"}}]}</script>`,
			body: `<h1>Council passes budget</h1>` + articleBody,
			want: news.Article{
				Title: "Council passes budget", Standfirst: "Seven votes to two.",
				Authors:     []news.Author{{Name: "Ana Ruiz", URL: "https://gazette.example/ana"}, {Name: "Ben Ode"}},
				PublishedAt: time.Date(2024, 3, 5, 17, 30, 0, 0, time.UTC),
				UpdatedAt:   time.Date(2024, 3, 6, 9, 0, 0, 0, time.UTC),
				Language:    "en-GB", SiteName: "Town Gazette",
				LeadImage: &news.Figure{ImageURL: "https://gazette.example/img/council.jpg"},
			},
		},
		{
			name: "opengraph and meta tags",
			head: `<title>Budget vote - Town Gazette</title>
<meta property="og:title" content="Budget vote">
<meta property="og:description" content="Seven to two.">
<meta property="og:site_name" content="Town Gazette">
<meta property="og:image" content="https://cdn.example/a.jpg">
<meta property="og:image:alt" content="The council chamber">
<meta name="author" content="Ana Ruiz and Ben Ode">
<meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="/news/budget-vote">`,
			body: articleBody,
			want: news.Article{
				Title: "Budget vote", Standfirst: "Seven to two.", SiteName: "Town Gazette",
				Authors:      []news.Author{{Name: "Ana Ruiz"}, {Name: "Ben Ode"}},
				PublishedAt:  time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
				CanonicalURL: "https://gazette.example/news/budget-vote",
				LeadImage:    &news.Figure{ImageURL: "https://cdn.example/a.jpg", Alt: "The council chamber"},
			},
		},
		{
			name: "microdata, time element and html lang",
			head: `<title>Budget vote – Town Gazette</title>`,
			body: `<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Budget vote</h1>
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ana Ruiz</span></span>
<time datetime="2024-03-05T10:00:00Z">5 March</time>` + articleBody + `</div>`,
			want: news.Article{
				Title: "Budget vote", Authors: []news.Author{{Name: "Ana Ruiz"}},
				PublishedAt: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), Language: "de",
			},
		},
		{
			name: "title tag with site suffix only",
			head: `<title>A long headline about the budget vote | Town Gazette</title>`,
			body: articleBody,
			want: news.Article{Title: "A long headline about the budget vote"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := ""
			if tt.want.Language == "de" {
				lang = ` lang="de"`
			}
			page := "<!doctype html><html" + lang + "><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			got, err := FromHTML([]byte(page), "https://gazette.example/news/2024/budget.html")
			if err != nil {
				t.Fatal(err)
			}
			got.BodyHTML, got.BodyText, got.OriginalURL = "", "", ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("metadata mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Budget passes | Town Gazette", "Town Gazette", "Budget passes"},
		{"Council passes the new budget - Gazette", "", "Council passes the new budget"},
		{"Ups - and downs", "", "Ups - and downs"},
		{"Plain title", "", "Plain title"},
		{"HERALD | Transparency in price changes", "", "Transparency in price changes"},
		{"Town Gazette - Council passes the new budget", "Town Gazette", "Council passes the new budget"},
		{"Brexit - what happens next", "", "Brexit - what happens next"},
		{"Magic Cleaning | Homes ♥ Magazine", "Homes", "Magic Cleaning | Homes ♥ Magazine"},
		{"Weekly edition for March 26 [Weekly.net]", "", "Weekly edition for March 26"},
		{"Chapter 1 - A Story | Fandom | Other Fandom [Story Archive]", "", "Chapter 1 - A Story | Fandom"},
		{"Notes [draft]", "", "Notes [draft]"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := stripSiteSuffix(tt.title, tt.site); got != tt.want {
				t.Errorf("stripSiteSuffix(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
			}
		})
	}
}

// TestTitleCrossCheck: the headline the page shows wins over variants.
func TestTitleCrossCheck(t *testing.T) {
	tests := []struct{ name, head, body, want string }{
		{"h1 repeated by the title beats a social og:title",
			`<title>The deck of cards that made tarot famous - Atlas</title><meta property="og:title" content="If you can picture a tarot card, thank these three">`,
			`<h1>The deck of cards that made tarot famous</h1>`, "The deck of cards that made tarot famous"},
		{"a structured candidate shown as h1 wins",
			`<title>A brief history of neon - City</title><meta property="og:title" content="Modern ambitions"><meta name="twitter:title" content="Why neon is the symbol of a century">`,
			`<h1>Why neon is the symbol of a century</h1>`, "Why neon is the symbol of a century"},
		{"JSON-LD name shown as h1 beats a headline that describes",
			`<title>List of films with time loops - Wiki</title><script type="application/ld+json">{"@type":"Article","name":"List of films with time loops","headline":"Wiki list article"}</script>`,
			`<h1>List of films with time loops</h1>`, "List of films with time loops"},
		{"an h1 naming the site, after the separator, is not the headline",
			`<title>Outdoor lovers | ponymag.example</title>`,
			`<h1>ponymag.example</h1><h1>Outdoor lovers</h1>`, "Outdoor lovers"},
		{"a blog-name h1 at the head of the title loses to og:title",
			`<title>Silicon Notes: Open flow for programmable logic</title><meta property="og:title" content="Open flow for programmable logic">`,
			`<h1>Silicon Notes</h1>`, "Open flow for programmable logic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOfPage(t, tt.head, tt.body).title(); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ana Ruiz and Ben Ode", []string{"Ana Ruiz", "Ben Ode"}},
		{"Ana Ruiz, Ben Ode, Cy Tran", []string{"Ana Ruiz", "Ben Ode", "Cy Tran"}},
		{"Kooman, F.", []string{"Kooman, F."}},
		{"Richard Eskow http://example.com/writer/re", []string{"Richard Eskow"}},
		{"Jong, Michiel de", []string{"Jong, Michiel de"}},
		{"Ana Ruiz, Ben", []string{"Ana Ruiz", "Ben"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, splitNames(tt.in)); diff != "" {
			t.Errorf("splitNames(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Nathan Willis March 25, 2015", "Nathan Willis"},
		{"VON MORITZ GATHMANN am 21. April 2020", "MORITZ GATHMANN"},
		{"Tomas Spahn Fr, 18. Oktober 2019", "Tomas Spahn"},
		{"Last Updated: January 7, 2025", ""},
		{"Written by Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"},
		{"by: Laurie Oakes", "Laurie Oakes"},
		{"Ana Ruiz | Health reporter", "Ana Ruiz"},
		{"Mark Di Stefano", "Mark Di Stefano"},
		{"May Ruiz", "May Ruiz"},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAuthorsCrossCheck: author sources checked against each other and
// against the page's bylines.
func TestAuthorsCrossCheck(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             []news.Author
	}{
		{"every author meta counts", `<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">`, ``,
			[]news.Author{{Name: "Kooman, F."}, {Name: "Jong, Michiel de"}}},
		{"a rel=author link no byline names is another story's", ``,
			`<aside><a rel="author" href="/w/re">Richard Eskow</a></aside><div class="byline">Joanna Rothkopf</div>`,
			[]news.Author{{Name: "Joanna Rothkopf"}}},
		{"a rel=author link stands when the bylines are not names", ``,
			`<a rel="author" href="/w/nm">Nikhil Marathe</a><div class="author-info"><h3>About the Author</h3></div>`,
			[]news.Author{{Name: "Nikhil Marathe", URL: "/w/nm"}}},
		{"commenters are not authors", ``,
			`<div class="byline"><span>By</span> <span>Gill Mohney</span></div><ol class="comments"><li><div class="comment-author">Aylin</div></li></ol>`,
			[]news.Author{{Name: "Gill Mohney"}}},
		{"only commenters: no author", ``, `<ol class="commentlist"><li><div class="comment-author vcard">Aylin</div></li></ol>`, nil},
		{"a follow-author widget is not the byline", ``,
			`<div class="applet-followauthor"><div>Yahoo News Exclusives</div></div><div class="author-name">Nat Vasilyeva</div>`,
			[]news.Author{{Name: "Nat Vasilyeva"}}},
		{"a name, then a role, as link and block", ``,
			`<div class="author"><a href="/a/bs">Ben Silverman</a><div class="author-title">Games Editor</div></div>`,
			[]news.Author{{Name: "Ben Silverman"}}},
		{"JSON-LD creator gives way to the byline",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","creator":"CC7567"}</script>`,
			`<div class="byline">James Akinaka</div>`, []news.Author{{Name: "James Akinaka"}}},
		{"a By line under the headline, with no class to name it", ``,
			`<h1>Port strike ends</h1><p class="x1">Dockers return on Monday.</p><div class="x2"><span class="x3">By <a href="/a/pl">Priya Lund</a></span><span>Transport correspondent</span></div>`,
			[]news.Author{{Name: "Priya Lund"}}},
		{"a lead-in set apart and named for the author is not a name", ``,
			`<div class="entry-meta"><span class="meta-prep meta-prep-author">By </span><span class="author vcard"><a class="url fn n" href="/author/dk">Daniel Kurz</a></span></div>`,
			[]news.Author{{Name: "Daniel Kurz"}}},
		{"a By line that is a sentence is no byline", ``,
			`<h1>Port strike ends</h1><p>By Monday the cranes were moving again.</p>`, nil},
		{"a By line far below the headline is another story's", ``,
			`<h1>Port strike ends</h1>` + strings.Repeat("<p>Text.</p>", 45) + `<div>By Priya Lund</div>`, nil},
		{"a By line before any headline is not read", ``, `<div>By Priya Lund</div><h1>Port strike ends</h1>`, nil},
		{"an agency beside a writer is a credit, not an author", `<meta name="author" content="Marcus Delacroix, Associated Press">`, ``,
			[]news.Author{{Name: "Marcus Delacroix"}}},
		{"an agency's initials beside a writer", `<meta name="author" content="Ana Ruiz and AFP">`, ``,
			[]news.Author{{Name: "Ana Ruiz"}}},
		{"a JSON-LD Organization author beside a person",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Organization","name":"Harbour Trust"}]}</script>`,
			``, []news.Author{{Name: "Ana Ruiz"}}},
		{"the site's own name beside a person", `<meta property="og:site_name" content="Town Gazette"><meta name="author" content="Town Gazette, Ben Ode">`, ``,
			[]news.Author{{Name: "Ben Ode"}}},
		{"an organisation alone stays the credit", `<meta name="author" content="BBC News">`, ``,
			[]news.Author{{Name: "BBC News"}}},
		{"JSON-LD creator when nothing else names one",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","creator":"CC7567"}</script>`,
			``, []news.Author{{Name: "CC7567"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, metaOfPage(t, tt.head, tt.body).authors()); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBylineFromPage(t *testing.T) {
	page := `<html><body><article><h1>Port strike ends</h1><div class="meta"><span class="author">By Sam Reyes</span> | <time datetime="2024-05-12">12 May</time></div>` +
		articleBody + `</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Author{{Name: "Sam Reyes"}}, art.Authors); diff != "" {
		t.Errorf("authors (-want +got):\n%s", diff)
	}
}

func TestHeadingSlugIDIsNotACue(t *testing.T) {
	section := func(id, heading string) string {
		return `<div class="section" id="` + id + `"><h2>` + heading + `</h2>` + articleBody + `</div>`
	}
	page := `<html><body><div class="content">` +
		section("sharing-with-a-single-developer", "Sharing with a single developer") +
		section("setting-up", "Setting up") + `</div></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "Sharing with a single developer") {
		t.Errorf("section named by its heading was dropped:\n%s", art.BodyText)
	}
	if got := slug("Sharing with a single developer¶"); got != "sharing-with-a-single-developer" {
		t.Errorf("slug = %q", got)
	}
}

func TestJSONLDInCDATA(t *testing.T) {
	for _, wrap := range [][2]string{{"<![CDATA[", "]]>"}, {"//<![CDATA[", "//]]>"}, {"/*<![CDATA[*/", "/*]]>*/"}} {
		page := `<html><head><script type="application/ld+json">` + "\n  " + wrap[0] +
			`{"@type":"NewsArticle","headline":"Budget vote","author":{"@type":"Person","name":"Ana Ruiz"},"datePublished":"2024-03-05"}` +
			wrap[1] + "\n</script></head><body>" + articleBody + `</body></html>`
		art, err := FromHTML([]byte(page), "")
		if err != nil {
			t.Fatal(err)
		}
		want := news.Article{Title: "Budget vote", Authors: []news.Author{{Name: "Ana Ruiz"}}, PublishedAt: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}
		if diff := cmp.Diff(want, news.Article{Title: art.Title, Authors: art.Authors, PublishedAt: art.PublishedAt}); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", wrap[0], diff)
		}
	}
}

func TestSiteNameAndStandfirst(t *testing.T) {
	tests := []struct{ name, head, site, standfirst string }{
		{"og:site_name", `<meta property="og:site_name" content="Town Gazette">`, "Town Gazette", ""},
		{"publisher name beats og:site_name with a slogan",
			`<meta property="og:site_name" content="Gazette.cz - Víte, co se děje"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Gazette.cz"}}</script>`,
			"Gazette.cz", ""},
		{"a Twitter handle is no site name", `<meta name="twitter:site" content="@gazette">`, "", ""},
		{"a description escaped twice", `<meta name="description" content="That&amp;#039;s &amp;quot;it&amp;quot;">`, "", `That's "it"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := FromHTML([]byte("<html><head>"+tt.head+"</head><body>"+articleBody+"</body></html>"), "")
			if err != nil {
				t.Fatal(err)
			}
			if art.SiteName != tt.site || art.Standfirst != tt.standfirst {
				t.Errorf("site %q standfirst %q, want %q and %q", art.SiteName, art.Standfirst, tt.site, tt.standfirst)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2015-07-10 09:53:00 -0400", time.Date(2015, 7, 10, 13, 53, 0, 0, time.UTC)},
		{"2023-06-07T20:54:26.829Z", time.Date(2023, 6, 7, 20, 54, 26, 829e6, time.UTC)},
		{"2016-02-01 01:28:49", time.Date(2016, 2, 1, 1, 28, 49, 0, time.UTC)},
		{"not a date", time.Time{}},
	}
	for _, tt := range tests {
		if got := parseTime(tt.in); !got.Equal(tt.want) {
			t.Errorf("parseTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestLeadImageNotIcon checks that icons, logos, avatars and images
// declared under 100 pixels are never the lead, and that the article's
// first figure is, in page order.
func TestLeadImageNotIcon(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"a figure's icon gives way to its picture", ``,
			`<article><figure><img class="card-icon" src="/favicon.png"><img src="/img/port.jpg"></figure></article>`, "/img/port.jpg"},
		{"a small declared size is an icon", ``,
			`<article><figure><img src="/img/dot.png" width="32" height="32"></figure><figure><img src="/img/port.jpg" width="1200"></figure></article>`,
			"/img/port.jpg"},
		{"the article's first figure, not its last", ``,
			`<main><figure><img src="/img/featured.jpg"></figure><p>Text.</p><figure><img src="/img/inline.jpg"></figure></main>`,
			"/img/featured.jpg"},
		{"article figures before the page's", ``,
			`<div><figure><img src="/img/promo.jpg"></figure></div><article><figure><img src="/img/story.jpg"></figure></article>`,
			"/img/story.jpg"},
		{"a declared logo gives way to the next declared image",
			`<meta property="og:image" content="/static/site-logo.png"><meta name="twitter:image" content="/img/quay.jpg">`, ``,
			"/img/quay.jpg"},
		{"only an avatar: no lead", ``, `<article><figure><img class="avatar" src="/u/jo.jpg"></figure></article>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var art news.Article
			metaOfPage(t, tt.head, tt.body).fill(&art, nil)
			got := ""
			if art.LeadImage != nil {
				got = art.LeadImage.ImageURL
			}
			if got != tt.want {
				t.Errorf("LeadImage = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBodyDates checks dates set in the body as RDFa or microformats.
func TestBodyDates(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"RDFa dc:date on a body element", ``,
			`<div class="submitted"><span property="dc:date dc:created" content="2024-04-14T19:20:31+01:00">Submitted on 14/04</span></div>`,
			"2024-04-14T19:20:31+01:00"},
		{"a head meta beats body RDFa", `<meta name="date" content="2024-01-02">`,
			`<span property="dc:date" content="2024-04-14T19:20:31+01:00"></span>`, "2024-01-02T00:00:00Z"},
		{"a <time> with the hour beats an RDFa day", `<meta property="dcterms:created" content="2019-09-26">`,
			`<time datetime="2019-09-26T11:43:53+02:00">26 Sep</time>`, "2019-09-26T11:43:53+02:00"},
		{"RDFa in comments is the commenter's", ``,
			`<div class="comments"><span property="dc:date" content="2024-04-15T08:00:00Z"></span></div>`, ""},
		{"abbr published keeps the date in its title", ``,
			`<abbr class="published" title="2011-03-02T18:31:00+01:00">18:31</abbr>`, "2011-03-02T18:31:00+01:00"},
		{"itemprop on an abbr reads its title", ``,
			`<abbr itemprop="datePublished" title="2011-03-02T18:31:00+01:00">18:31</abbr>`, "2011-03-02T18:31:00+01:00"},
		{"any other abbr is no date", ``, `<abbr title="2011-03-02">then</abbr>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var art news.Article
			metaOfPage(t, tt.head, tt.body).fill(&art, nil)
			got := ""
			if !art.PublishedAt.IsZero() {
				got = art.PublishedAt.Format(time.RFC3339)
			}
			if got != tt.want {
				t.Errorf("PublishedAt = %q, want %q", got, tt.want)
			}
		})
	}
}

// metaOfPage reads the metadata of a page made of head and body markup.
func metaOfPage(t *testing.T, head, body string) *pageMeta {
	t.Helper()
	doc, err := parse([]byte("<html><head>" + head + "</head><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return readMeta(doc)
}
