package web

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newshound/internal/news"
	"newshound/internal/store/storetest"
)

// TestEveryTemplateRenders renders each page template with realistic data
// and fails when a template exists that no case renders, so that a new
// page cannot ship untested.
func TestEveryTemplateRenders(t *testing.T) {
	s, err := New(Config{Store: storetest.SQLite(t), SiteName: "Riverside Hound"})
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	src := news.Source{ID: 1, Slug: "the-riverside-chronicle", Name: "The Riverside Chronicle", HomepageURL: "https://riverside-chronicle.example/"}
	acc := news.Account{ID: 1, Slug: "news-hound", Name: "News Hound", AvatarURL: "/static/demo/news-hound.svg", Bio: "Sniffs out good local writing."}
	lead := &news.Figure{ImageURL: "/static/demo/tram-line.svg", Alt: "A tram on a bridge", Caption: "Two trams on the bridge.", Credit: "Illustration: The Chronicle"}
	cards := []card{{Slug: "trams-in-pairs", Title: "Why trams come in pairs", Standfirst: "A joke with a name.", Source: src, PublishedAt: when, Image: lead}}
	art := news.Article{
		ID: 7, Slug: "trams-in-pairs", SourceID: 1, AccountID: 1,
		OriginalURL: "https://riverside-chronicle.example/stories/trams",
		Title:       "Why trams come <in> pairs", Standfirst: "A joke with a name.",
		Authors:  []news.Author{{Name: "Tomasz Brandt", URL: "https://riverside-chronicle.example/staff/tb"}, {Name: "Ana Ruiz"}, {Name: "Li Wei"}},
		Language: "de", PublishedAt: when, LeadImage: lead,
		BodyHTML: `<p>Body<sup id="fnref-1"><a href="#fn-1">1</a></sup></p>`,
		Tags:     []news.Tag{{Slug: "transit", Name: "Transit"}, {Slug: "city-life", Name: "City life"}},
		Status:   news.StatusPublished,
	}
	pg := pager{Page: 2, Pages: 3, Prev: "/", Next: "/?page=3"}

	cases := []struct {
		page string
		data any
		want []string
	}{
		{"home.html", homePage{Layout: s.layout("", ""), Cards: cards, Pager: pg}, []string{
			`<title>Riverside Hound</title>`, `href="/a/trams-in-pairs"`, `href="/source/the-riverside-chronicle"`,
			`<time datetime="2026-03-14T09:30:00Z">14 March 2026</time>`, `rel="prev" href="/"`, `rel="next" href="/?page=3"`, "Page 2 of 3",
		}},
		{"article.html", articlePage{Layout: s.layout(art.Title, art.Standfirst), Article: art, Source: src, Account: &acc, Body: template.HTML(art.BodyHTML), Standfirst: headStandfirst(art), Lead: headImage(art)}, []string{
			`<h1>Why trams come &lt;in&gt; pairs</h1>`,
			`by <a rel="author" href="/author/news-hound">News Hound</a> · first published`,
			`by <a href="/source/the-riverside-chronicle">The Riverside Chronicle</a> on <time datetime="2026-03-14T09:30:00Z">14 March 2026</time>`,
			`Original reporting by <a href="https://riverside-chronicle.example/staff/tb">Tomasz Brandt</a>, Ana Ruiz and Li Wei`,
			`<figcaption>Two trams on the bridge. <span class="credit">Illustration: The Chronicle</span></figcaption>`,
			`<sup id="fnref-1"><a href="#fn-1">1</a></sup>`,
			`Source: <a href="https://riverside-chronicle.example/stories/trams">Why trams come &lt;in&gt; pairs — The Riverside Chronicle</a>`,
			`<aside class="author-box"`, `alt="Avatar of News Hound"`, `<a href="/tag/city-life">City life</a>`, `<article class="story" lang="de">`,
		}},
		{"source.html", sourcePage{Layout: s.layout(src.Name, ""), Source: src, Cards: cards, Pager: pager{Page: 1, Pages: 1}}, []string{
			`<h1>The Riverside Chronicle</h1>`, `<a href="https://riverside-chronicle.example/">visit their site</a>`, `href="/a/trams-in-pairs"`,
		}},
		{"author.html", authorPage{Layout: s.layout(acc.Name, acc.Bio), Account: acc, Cards: cards, Pager: pager{Page: 1, Pages: 1}}, []string{
			`<h1>News Hound</h1>`, "Sniffs out good local writing.", `src="/static/demo/news-hound.svg"`,
		}},
		{"tag.html", tagPage{Layout: s.layout("Transit", ""), Tag: news.Tag{Slug: "transit", Name: "Transit"}, Pager: pager{Page: 1, Pages: 1}}, []string{
			`<h1>Transit</h1>`, "No articles yet.",
		}},
		{"join.html", joinPage{Layout: s.layout("Join the fight", ""), Article: &art, Join: joinForm{
			Heading: "Join the fight", Text: "Fill out this form.", Submit: "Join", Standalone: true, HasErrors: true,
			Token: "tok", TokenName: "form_token", TrapName: "website", ArticleID: 7,
			Fields: []joinField{
				{Name: "name", ID: "join-name", Label: "Your name", Type: "text", Value: "Zoë <Z>", Required: true, MaxLen: 100},
				{Name: "email", ID: "join-email", Label: "Email", Type: "email", Value: "zoe@", Error: "Please check the address.", Required: true, MaxLen: 254},
				{Name: "message", ID: "join-message", Label: "Message", Help: "Optional.", Type: "textarea", Value: "Hi <there>", MaxLen: 2000},
			},
			Consent: joinField{Name: "consent", ID: "join-consent", Label: "I agree.", Type: "checkbox", Error: "Please tick the box."},
		}}, []string{
			`<h1 id="join-heading">Join the fight</h1>`, `You are joining from <a href="/a/trams-in-pairs">Why trams come &lt;in&gt; pairs</a>`,
			`value="Zoë &lt;Z&gt;"`, `aria-describedby="join-email-error" aria-invalid="true"`, `<p class="join-error" id="join-email-error">Please check the address.</p>`,
			`aria-describedby="join-message-help">Hi &lt;there&gt;</textarea>`, `name="article" value="7"`, "the 2 fields marked below",
			`<input type="checkbox" id="join-consent" name="consent" value="on" required aria-describedby="join-consent-error" aria-invalid="true">`,
		}},
		{"search.html", searchPage{Layout: s.layout("Search", ""), Query: `tram "in pairs"`, Asked: true, Total: 11, Message: "Your search was long.",
			Results: []searchResult{{Slug: "trams-in-pairs", Title: []segment{{Text: "Why "}, {Text: "trams", Hit: true}, {Text: " come <in> pairs"}},
				Snippet: []segment{{Text: "… the "}, {Text: "tram", Hit: true}, {Text: " & more …"}}, Source: src, PublishedAt: when}},
			Pager: searchPager(1, 2, `tram "in pairs"`)}, []string{
			`value="tram &#34;in pairs&#34;"`, `<mark>trams</mark> come &lt;in&gt; pairs`, `… the <mark>tram</mark> &amp; more …`,
			"11 articles found", "Your search was long.", `rel="next" href="/search?page=2&amp;q=tram&#43;%22in&#43;pairs%22"`,
			`href="/source/the-riverside-chronicle">The Riverside Chronicle</a>`,
		}},
		{"error.html", errorPage{Layout: s.layout("Page not found", ""), Status: 404, Heading: "Page not found", Message: "There is no page here."}, []string{
			"Error 404", "<h1>Page not found</h1>", `href="/"`,
		}},
	}
	rendered := map[string]bool{}
	for _, c := range cases {
		t.Run(c.page, func(t *testing.T) {
			w := httptest.NewRecorder()
			if err := s.render(w, http.StatusOK, c.page, c.data); err != nil {
				t.Fatal(err)
			}
			rendered[c.page] = true
			body := w.Body.String()
			for _, want := range []string{"<!doctype html>", `<link rel="stylesheet" href="/static/style.css?v=`, `<main id="content"`, `<a class="skip" href="#content">`} {
				if !strings.Contains(body, want) {
					t.Errorf("layout lacks %q", want)
				}
			}
			for _, want := range c.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %q\n%s", want, body)
				}
			}
		})
	}
	for name := range s.pages {
		if !rendered[name] {
			t.Errorf("template %s is never rendered by this test; add a case", name)
		}
	}
}

func TestListSep(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4} {
		var b strings.Builder
		for i := range n {
			b.WriteString(listSep(i, n))
			b.WriteByte("ABCD"[i])
		}
		want := map[int]string{1: "A", 2: "A and B", 3: "A, B and C", 4: "A, B, C and D"}[n]
		if b.String() != want {
			t.Errorf("%d names: got %q, want %q", n, b.String(), want)
		}
	}
}
