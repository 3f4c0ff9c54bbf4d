package extract

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzFromHTML feeds FromHTML mutated pages. It is seeded at run time from
// the dev corpus (never copied into the repository) and a few synthetic
// pages, and asserts what must hold for any input: no panic, valid UTF-8
// out, sanitized HTML, output bounded by the input.
//
//	go test -fuzz FuzzFromHTML -fuzztime 3m ./internal/extract/
func FuzzFromHTML(f *testing.F) {
	for _, s := range syntheticSeeds {
		f.Add([]byte(s), "https://fuzz.example/a/b.html")
	}
	// The corpus pages are seeds only when fuzzing: a plain test run
	// already extracts every one of them in the corpus tests.
	if dir, ok := findCorpus(); ok && fuzzing() {
		for _, p := range corpusPages(f, dir) {
			page, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(page, "")
		}
	}
	f.Fuzz(checkInvariants)
}

// checkInvariants runs FromHTML on any input and checks what must hold for
// all of them.
func checkInvariants(t *testing.T, page []byte, pageURL string) {
	art, err := FromHTML(page, pageURL)
	if err != nil {
		if err.Error() == "" {
			t.Fatal("error with empty message")
		}
		return
	}
	for _, f := range []struct{ name, s string }{{"BodyText", art.BodyText}, {"BodyHTML", art.BodyHTML},
		{"Title", art.Title}, {"Standfirst", art.Standfirst}} {
		if !utf8.ValidString(f.s) {
			t.Errorf("%s is not valid UTF-8: %q", f.name, head(f.s, 200))
		}
	}
	if msg := unsafeHTML(art.BodyHTML); msg != "" {
		t.Errorf("BodyHTML is not sanitized: %s\n%s", msg, head(art.BodyHTML, 2000))
	}
	if max := outputBound(len(page), len(pageURL)); len(art.BodyHTML) > max || len(art.BodyText) > max {
		t.Errorf("output out of bounds for a %d-byte page: BodyHTML %d bytes, BodyText %d bytes (limit %d)",
			len(page), len(art.BodyHTML), len(art.BodyText), max)
	}
}

// TestFuzzFindings replays what the fuzzer found, as plain test cases.
func TestFuzzFindings(t *testing.T) {
	for _, tc := range []struct {
		name, page, url string
	}{
		// A multi-byte sequence cut off at the very end of the page made
		// the decoder give up and the raw byte reached BodyHTML.
		{"truncated-utf8-at-end", "ᙥ\xf3", "0"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkInvariants(t, []byte(tc.page), tc.url) })
	}
}

// fuzzing reports whether the test binary runs with -fuzz.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// outputBound is the most output a page of n bytes may produce. Escaping,
// replacement characters for broken bytes and links made absolute against
// a URL of u bytes each expand the input by a bounded factor; anything
// beyond that is a runaway copy.
func outputBound(n, u int) int {
	return 8*n*(1+u/16) + 64<<10
}

// syntheticSeeds are small pages aimed at the parser's and the builder's
// corners; the fuzzer mutates them alongside the real pages.
var syntheticSeeds = []string{
	"",
	"<",
	"<p>one paragraph only</p>",
	"<html><body><article><h1>T</h1><p>" + strings.Repeat("word ", 60) + "</p><p>" + strings.Repeat("more ", 60) + "</p></article></body></html>",
	"<div><p>a<div><p>b<table><tr><td><p>c<li>d</table></div>",
	`<article><p>x<a href="javascript:alert(1)">y</a><img src=x onerror=alert(1)><script>alert(2)</script></p></article>`,
	`<article><figure><img data-src="/a.jpg" srcset="b.jpg 1x, c.jpg 2x"><figcaption>cap <span class=credit>Photo: me</span></figcaption></figure></article>`,
	`<script type="application/ld+json">{"@type":"NewsArticle","headline":"h","author":[{"name":"a"}],"datePublished":"2026-01-02"}</script><p>body</p>`,
	`<meta charset="shift_jis"><p>` + "\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd" + `</p>`,
	"<p>\xff\xfe broken \xc3\x28 bytes</p>",
	`<base href="javascript:alert(1)//"><article><p><a href="x">link</a> text text text text text text</p></article>`,
	`<svg><foreignObject><p>in svg</p></foreignObject></svg><math><mi><p>in math</p></mi></math>`,
	`<iframe src="https://www.youtube.com/embed/x"></iframe><iframe src="//evil.example/"></iframe>`,
	`<ol class="footnotes"><li id="fn1">note <a href="#r1">↩</a></li></ol><p>t<sup id="r1"><a href="#fn1">1</a></sup></p>`,
}

// unsafeHTML returns a description of the first thing in body that the
// sanitizer must never let through, or "" when there is none. It reads
// the parsed tree, so text that merely mentions "javascript:" is fine.
func unsafeHTML(body string) string {
	if strings.Contains(strings.ToLower(body), "<script") {
		return "raw <script"
	}
	nodes, err := html.ParseFragment(strings.NewReader(body), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return "does not parse: " + err.Error()
	}
	var msg string
	for _, root := range nodes {
		eachNode(root, func(n *html.Node) {
			if msg != "" || n.Type != html.ElementNode {
				return
			}
			msg = unsafeElem(n)
		})
	}
	return msg
}

// unsafeElem checks one element and its attributes.
func unsafeElem(n *html.Node) string {
	switch n.Data {
	case "script", "style", "object", "embed", "applet", "form", "input", "button", "textarea",
		"select", "base", "meta", "link", "frame", "frameset", "noscript", "template":
		return fmt.Sprintf("<%s> element", n.Data)
	case "iframe":
		// An iframe without a source shows nothing; one with a source must
		// come from a video host.
		if src := attrOf(n, "src"); src != "" && !allowedVideo(src) {
			return fmt.Sprintf("<iframe src=%q> from a host not on the allowlist", attrOf(n, "src"))
		}
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
			return fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val)
		}
		switch key {
		case "href", "src", "srcset", "cite", "action", "poster", "background", "xlink:href":
			if s := badScheme(n.Data, key, a.Val); s != "" {
				return fmt.Sprintf("<%s %s=%q>: %s URL", n.Data, a.Key, a.Val, s)
			}
		}
	}
	return ""
}

// badScheme returns the scheme of v when it may run code: javascript:,
// vbscript:, or data: anywhere but an image source.
func badScheme(tag, key, v string) string {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1 // browsers ignore these inside a scheme
		}
		return r
	}, strings.ToLower(v))
	switch {
	case strings.HasPrefix(v, "javascript:"), strings.HasPrefix(v, "vbscript:"):
		return v[:strings.IndexByte(v, ':')]
	case strings.HasPrefix(v, "data:"):
		// An image, SVG included, runs no script when shown through <img>.
		if tag == "img" && (key == "src" || key == "srcset") && strings.HasPrefix(v, "data:image/") {
			return ""
		}
		return "data"
	}
	return ""
}

// allowedVideo reports whether an iframe source is on a video host, the
// only iframes a body may keep.
func allowedVideo(src string) bool {
	u, err := url.Parse(src)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range []string{"youtube.com", "youtube-nocookie.com", "vimeo.com", "dailymotion.com",
		"twitch.tv", "soundcloud.com", "spotify.com", "ted.com", "archive.org", "bandcamp.com"} {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// The bound tests below check that hostile shapes of input come back as a
// result or a clear error, never a panic or a runaway. How fast and how
// small they are is measured in bench_test.go, not asserted here.

// TestDeepNesting feeds 10,000 levels of the element kinds whose nesting
// costs parsers and tree walkers the most.
func TestDeepNesting(t *testing.T) {
	const depth = 10000
	article := "<p>" + strings.Repeat("The deep page still carries a paragraph of article text. ", 8) + "</p>"
	for _, tag := range []string{"div", "blockquote", "span", "b", "table", "ul", "section"} {
		t.Run(tag, func(t *testing.T) {
			page := deepPage(tag, depth, article)
			art, err := FromHTML(page, "https://deep.example/")
			checkResult(t, art.BodyText, art.BodyHTML, err)
			// Too deep for the parser, the page is flattened, not refused.
			if err != nil {
				t.Fatalf("%d nested <%s>: %v", depth, tag, err)
			}
			if !strings.Contains(art.BodyText, "The deep page still carries a paragraph") {
				t.Errorf("article text lost; BodyText = %q", head(art.BodyText, 300))
			}
		})
	}
}

// TestModerateNesting checks that nesting as deep as real pages get still
// yields the article rather than an error.
func TestModerateNesting(t *testing.T) {
	article := "<p>" + strings.Repeat("The nested page still carries a paragraph of article text. ", 8) + "</p>"
	art, err := FromHTML(deepPage("div", 300, article), "https://deep.example/")
	if err != nil {
		t.Fatalf("300 nested <div>s: %v", err)
	}
	if !strings.Contains(art.BodyText, "The nested page still carries a paragraph") {
		t.Errorf("article text lost; BodyText = %q", head(art.BodyText, 300))
	}
}

// deepPage nests n open tags around inner and closes them again.
func deepPage(tag string, n int, inner string) []byte {
	open, close := "<"+tag+">", "</"+tag+">"
	switch tag {
	case "table":
		open, close = "<table><tr><td>", "</td></tr></table>"
	case "ul":
		open, close = "<ul><li>", "</li></ul>"
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
	b.WriteString(strings.Repeat(open, n))
	b.WriteString(inner)
	b.WriteString(strings.Repeat(close, n))
	b.WriteString("</body></html>")
	return b.Bytes()
}

// TestCapElements checks where the element cap cuts a page: before the
// first start tag over the cap, or the first tag of either kind over the
// cap on all tags, not counting what only looks like tags inside comments
// and scripts.
func TestCapElements(t *testing.T) {
	const script = "<!-- <b><b><b> --><SCRIPT>if (a<b) x = '<i><i></scrip>';</script >"
	page := "<p>a</p>" + script + "<p>b</p><p>c</p>"
	stray := strings.Repeat("</p>", 5) // each makes an element
	for _, tc := range []struct {
		page             string
		maxStart, maxAll int
		want             string
		tags             int
	}{
		{page, 2, 100, "<p>a</p>" + script, 3},
		{page, 3, 100, "<p>a</p>" + script + "<p>b</p>", 5},
		{page, 4, 100, page, 7},
		{page, 100, 4, "<p>a</p>" + script + "<p>b", 4},
		{page, 100, 1, "<p>a", 1},
		{stray, 1, 100, stray, 5},
		{stray, 1, 3, "</p></p></p>", 3},
	} {
		got, tags := capElements([]byte(tc.page), tc.maxStart, tc.maxAll)
		if string(got) != tc.want || tags != tc.tags {
			t.Errorf("cap %d/%d: got %q and %d tags, want %q and %d", tc.maxStart, tc.maxAll, got, tags, tc.want, tc.tags)
		}
	}
}

// TestHostilePages feeds every shape of hostileCases: the article where
// there is one, ErrNoArticle where there is none, never a panic.
func TestHostilePages(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			art, err := FromHTML(c.page(), "https://hostile.example/")
			checkResult(t, art.BodyText, art.BodyHTML, err)
			switch {
			case c.none && !errors.Is(err, ErrNoArticle):
				t.Errorf("got err=%v and %d bytes of text %q, want ErrNoArticle", err, len(art.BodyText), head(art.BodyText, 100))
			case c.want != "" && err != nil:
				t.Errorf("got err=%v, want the article", err)
			case c.want != "" && !strings.Contains(art.BodyText, c.want):
				t.Errorf("BodyText lacks %q: %q", c.want, head(art.BodyText, 300))
			}
		})
	}
}

// bigPage repeats unit inside an article until the page reaches size bytes.
func bigPage(size int, unit string) []byte {
	return filledPage(size, "<article>", func(int) string { return unit }, "</article>")
}

// filledPage writes head, then unit(0), unit(1), ... until the page
// reaches size bytes, then tail, inside a plain page.
func filledPage(size int, head string, unit func(i int) string, tail string) []byte {
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString("<!DOCTYPE html><html><head><title>Large</title></head><body>")
	b.WriteString(head)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(unit(i))
	}
	b.WriteString(tail)
	b.WriteString("</body></html>")
	return b.Bytes()
}

// hostileArticle is the article some hostile pages hide among their
// junk; hostileText is a piece of it the answer must hold.
const (
	hostileText    = "The council met again on Tuesday to discuss the ferry timetable"
	hostileArticle = "<article><h1>Ferry</h1><p>" + hostileText + ", and agreed, after a long debate, to keep the early boat. " +
		"Residents had asked for it for years, and the harbour master said the crew could manage it.</p><p>" +
		"The new timetable starts in spring, with a later boat on Fridays, and the fares stay as they are for now.</p></article>"
)

// hostileCase is one hostile shape of page. The bound tests check its
// answer; BenchmarkHostile measures its cost.
type hostileCase struct {
	name string
	page func() []byte
	want string // text the body must hold; "" when any sane answer will do
	none bool   // the page holds no article: ErrNoArticle is the answer
}

// hostileCases lists the shapes issue 3 names and their cousins: 10 MB of
// one kind of element, 10,000 levels of nesting, broken bytes.
func hostileCases() []hostileCase {
	const size = 10 << 20
	para := "<p>A long page keeps on saying the same reasonable thing about the harbour, for the %dth time.</p>\n"
	repeat := func(unit string) func(int) string { return func(int) string { return unit } }
	deep := func(tag string) func() []byte { return func() []byte { return deepPage(tag, 10000, hostileArticle) } }
	paras := func(i int) string { return fmt.Sprintf(para, i) }
	// nested fills 10 MB with unit inside n levels of open (closed by
	// close), below head: under 512 levels the parser takes the nesting
	// as it is, and every tag may walk it.
	nested := func(open, close string, n int, head string, unit func(int) string) func() []byte {
		return func() []byte {
			return filledPage(size, "<article>"+strings.Repeat(open, n)+head, unit, strings.Repeat(close, n)+"</article>")
		}
	}
	return []hostileCase{
		{name: "nest-div-10000", page: deep("div"), want: hostileText},
		{name: "nest-b-10000", page: deep("b"), want: hostileText},
		{name: "nest-table-10000", page: deep("table"), want: hostileText},
		{name: "nest-li-10000", page: deep("ul"), want: hostileText},
		{name: "nest-div-500", page: func() []byte { return deepPage("div", 500, hostileArticle) }, want: hostileText},
		{name: "paragraphs-10MB", page: func() []byte {
			return filledPage(size, "<article>", func(i int) string { return fmt.Sprintf(para, i) }, "</article>")
		}, want: "keeps on saying"},
		{name: "one-text-node-10MB", page: func() []byte { return bigPage(size, strings.Repeat("x", 1024)) }, want: "xxxxxxxx"},
		// Nothing but links: their text is the answer, as it is when a
		// link wraps a page's paragraphs (a Readability fixture).
		{name: "links-10MB", page: func() []byte { return bigPage(size, `<a href="/l">l</a> `) }, want: "l l l"},
		{name: "links-after-article-10MB", page: func() []byte {
			return filledPage(size, hostileArticle+"<div>", repeat(`<a href="/l">l</a> `), "</div>")
		}, want: hostileText},
		{name: "attributes-10MB", page: func() []byte {
			return filledPage(size, hostileArticle+"<div>", repeat(`<span class="c" title="a title" data-a="`+
				strings.Repeat("a", 200)+`" data-b="b">w</span> `), "</div>")
		}, want: hostileText},
		{name: "one-attribute-10MB", page: func() []byte {
			return filledPage(size, `<div data-blob="`, repeat(strings.Repeat("z", 1024)), `">`+hostileArticle+"</div>")
		}, want: hostileText},
		{name: "table-100k-cells", page: func() []byte {
			var b strings.Builder
			for i := range 100_000 {
				if i%100 == 0 {
					b.WriteString("<tr>")
				}
				fmt.Fprintf(&b, "<td>%d.%d</td>", i, i%7)
			}
			return filledPage(0, hostileArticle+"<table>"+b.String()+"</table>", nil, "")
		}, want: hostileText},
		{name: "images-100k", page: func() []byte {
			return filledPage(size, hostileArticle, func(i int) string {
				return fmt.Sprintf(`<img src="/img/%d.jpg" alt="A picture of the harbour seen from the ferry, number %d">`, i, i)
			}, "")
		}, want: hostileText},
		{name: "figures-10MB", page: func() []byte {
			return filledPage(size, "<article>"+hostileArticle, func(i int) string {
				return fmt.Sprintf(`<figure><img src="/f/%d.jpg"><figcaption>The harbour at dawn <small class="credit">Photo: %d</small></figcaption></figure>`, i, i)
			}, "</article>")
		}, want: hostileText},
		{name: "noscript-10MB", page: func() []byte {
			return filledPage(size, hostileArticle, func(i int) string {
				return fmt.Sprintf(`<img class="lazy" src="data:image/gif;base64,R0lGOD" data-src="/n/%d.jpg"><noscript><img src="/n/%d.jpg"></noscript>`, i, i)
			}, "")
		}, want: hostileText},
		// An app shell whose <noscript> copy, read as markup on a second
		// parse, nests 500 divs around a megabyte of stray end tags: the
		// tag caps never see inside <noscript>, so the second parse is
		// tried only on pages with few tags.
		{name: "noscript-shell-1MB", page: func() []byte {
			return filledPage(1<<20-4096, `<div id="root"></div><noscript>`+hostileArticle+strings.Repeat("<div>", 500), repeat("</p>"), "</noscript>")
		}},
		{name: "comments-10MB", page: func() []byte { return bigPage(size, "<!-- a comment that says nothing -->") }, none: true},
		{name: "scripts-10MB", page: func() []byte { return bigPage(size, "<script>var a = 1; a++;</script>") }, none: true},
		{name: "one-script-10MB", page: func() []byte {
			return filledPage(size, hostileArticle+"<script>", repeat("var a = '<p>not text</p>'; "), "</script>")
		}, want: hostileText},
		{name: "list-10MB", page: func() []byte {
			return filledPage(size, hostileArticle+"<ul>", repeat("<li>An item of a very long list</li>"), "</ul>")
		}, want: hostileText},
		{name: "furniture-10MB", page: func() []byte {
			return filledPage(size, hostileArticle, repeat(`<div class="share-links"><a href="/s">Share this story</a></div>`), "")
		}, want: hostileText},
		{name: "open-formatting-10MB", page: func() []byte {
			return filledPage(size, hostileArticle, func(i int) string { return fmt.Sprintf(`<b class="c%d">word `, i) }, "<p>The end.</p>")
		}, want: hostileText},
		{name: "broken-bytes-10MB", page: func() []byte {
			return filledPage(size, "<article>", func(i int) string {
				return fmt.Sprintf("<p>The harbour \xff\xfe master \xc3\x28 said the boat \xe2\x82 runs late again, for the %dth time.</p>\n", i)
			}, "</article>")
		}, want: "master"},
		{name: "jsonld-body-10MB", page: func() []byte {
			ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry","articleBody":"` +
				strings.Repeat("Nothing the page says, over and over. ", 1900<<10/38) + `"}</script>`
			return filledPage(size, ld+"<article>", func(i int) string { return strings.TrimSpace(fmt.Sprintf(para, i)) }, "</article>")
		}, want: "keeps on saying"},
		{name: "intro-lines-10MB", page: func() []byte {
			return filledPage(size, "<article><p>"+hostileText+", for the record, again.</p>", repeat("<p>More information:</p>"), "</article>")
		}, want: hostileText},
		{name: "nest-header-400", page: func() []byte {
			return filledPage(size, "<section>"+strings.Repeat("<header><h2>Ferry</h2>", 400),
				func(i int) string { return fmt.Sprintf(para, i) }, strings.Repeat("</header>", 400)+"</section>")
		}, want: "keeps on saying"},
		{name: "nest-div-400-paragraphs", page: nested("<div>", "</div>", 400, "", paras), want: "keeps on saying"},
		{name: "nest-span-400-paragraphs", page: nested("<span>", "</span>", 400, "", paras), want: "keeps on saying"},
		{name: "nest-list-200-paragraphs", page: nested("<ul><li>", "</li></ul>", 200, "", paras), want: "keeps on saying"},
		{name: "nest-dl-200-paragraphs", page: nested("<dl><dd>", "</dd></dl>", 200, "", paras), want: "keeps on saying"},
		{name: "nest-div-400-list-items", page: nested("<div>", "</div>", 400, hostileArticle,
			repeat("<li>An item of a very long list</li>")), want: hostileText},
		{name: "nest-div-400-headings", page: nested("<div>", "</div>", 400, hostileArticle, repeat("<h2>A heading</h2>")), want: hostileText},
		{name: "nest-div-400-buttons", page: nested("<div>", "</div>", 400, hostileArticle, repeat("<button>Press</button>")), want: hostileText},
		// A </p> that closes nothing makes an empty paragraph, and every
		// stray end tag walks the parser's stack.
		{name: "stray-p-10MB", page: nested("<div>", "</div>", 1, hostileArticle, repeat("</p>")), want: hostileText},
		{name: "nest-div-400-stray-p", page: nested("<div>", "</div>", 400, hostileArticle, repeat("</p>")), want: hostileText},
		{name: "nest-div-400-stray-div", page: nested("<div>", "</div>", 400, hostileArticle, repeat("</div>")), want: hostileText},
		// Small pages, deep: 49,000 tags under 500 levels walk as far.
		{name: "nest-div-500-stray-p-200KB", page: func() []byte {
			return deepPage("div", 500, hostileArticle+strings.Repeat("</p>", 49_000))
		}, want: hostileText},
		{name: "nest-div-500-list-items-250KB", page: func() []byte {
			return deepPage("div", 500, hostileArticle+strings.Repeat("<li>x", 49_000))
		}, want: hostileText},
		{name: "nest-heading-ids-400", page: func() []byte {
			return filledPage(size, "<article>"+strings.Repeat(`<h2 id="the-ferry-news"><span>`, 400),
				func(i int) string { return fmt.Sprintf(para, i) }, strings.Repeat("</span></h2>", 400)+"</article>")
		}, want: "keeps on saying"},
		{name: "breaks-10MB", page: func() []byte {
			return filledPage(size, "<article>", func(i int) string {
				return fmt.Sprintf("The harbour master said the boat runs late again, for the %dth time.<br><br>", i)
			}, "</article>")
		}, want: "for the 7th time"},
		{name: "footnotes-10MB", page: func() []byte {
			var notes strings.Builder
			notes.WriteString(`<ol class="footnotes">`)
			for i := range 20_000 {
				fmt.Fprintf(&notes, `<li id="fn%d">Note %d, from the archive. <a href="#r%d">↩</a></li>`, i, i, i)
			}
			notes.WriteString("</ol>")
			return filledPage(size-notes.Len(), "<article>", func(i int) string {
				return fmt.Sprintf(`<p>The harbour master said the boat runs late again, for the %dth time.<sup id="r%d"><a href="#fn%d">%d</a></sup></p>`, i, i%20_000, i%20_000, i)
			}, notes.String()+"</article>")
		}, want: "for the 7th time"},
		{name: "deep-twin-chains-10MB", page: func() []byte {
			return filledPage(size, strings.Repeat("<div>", 240)+hostileArticle+strings.Repeat("</div>", 240)+strings.Repeat("<div>", 240),
				func(i int) string { return strings.TrimSpace(fmt.Sprintf("<div>"+para+"</div>", i)) }, strings.Repeat("</div>", 240))
		}, want: "keeps on saying"},
		{name: "far-alternatives-10MB", page: func() []byte {
			// Many near-winners far from the winner: climbing asked each
			// of the winner's 250 ancestors about every one of them.
			count := "One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, "
			tail := "and the harbour master kept counting the boats that came in late that week, until the tide " +
				"turned and the ferry finally left the quay for the island again, loaded with mail and bread.</p>"
			top := strings.Repeat("<div>", 250) + "<div><p>" + hostileText + ". " + count + "fourteen, fifteen, " + tail +
				"</div>" + strings.Repeat("</div>", 250)
			alt := strings.Repeat("<div>", 6) + "<p>" + count + tail + strings.Repeat("</div>", 6)
			return filledPage(size, top+strings.Repeat("<div>", 250), repeat(alt), strings.Repeat("</div>", 250))
			// With its 200,000 tags the page is flattened to 64 levels,
			// which gathers the alternatives' paragraphs into one block:
			// that block, not the lone paragraph, is the article now.
		}, want: "kept counting the boats"},
		{name: "deep-and-wide-10MB", page: func() []byte {
			return filledPage(size, strings.Repeat("<div>", 480)+hostileArticle, repeat(`<a href="/l">l</a> `), strings.Repeat("</div>", 480))
		}, want: hostileText},
	}
}

// TestBrokenEncodings feeds bytes that are not what the page claims, and
// legacy charsets that are declared correctly and must be decoded.
func TestBrokenEncodings(t *testing.T) {
	body := strings.Repeat("The council met again on Tuesday to discuss the ferry timetable. ", 5)
	cases := []struct {
		name string
		page []byte
		want string // text BodyText must contain, "" when any result will do
	}{
		{"invalid-utf8", []byte("<html><head><meta charset=utf-8></head><body><article><p>" + body +
			"\xff\xfe\xc3\x28 \xe2\x82 broken</p><p>" + body + "</p></article></body></html>"), "The council met again"},
		{"windows-1252", []byte("<html><head><meta charset=windows-1252></head><body><article><p>" + body +
			"She said \x93enough\x94 \x96 and left.</p></article></body></html>"), "She said \u201cenough\u201d \u2013 and left."},
		{"shift-jis", []byte("<html><head><meta charset=\"Shift_JIS\"></head><body><article><p>" + body +
			"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x95\xb6\x8f\xcd\x82\xc5\x82\xb7\x81\x42</p></article></body></html>"), "日本語の文章です。"},
		{"undeclared-latin1", []byte("<html><body><article><p>" + body + "Caf\xe9 cr\xe8me, na\xefve.</p></article></body></html>"), "Café crème, naïve."},
		{"utf16-bom", utf16LE("<html><body><article><p>" + body + "</p></article></body></html>"), ""},
		{"nul-bytes", []byte("<html><body><article><p>" + body + "\x00\x00\x00</p></article></body></html>"), "The council met again"},
		{"lying-declaration", []byte("<html><head><meta charset=\"x-no-such-charset\"></head><body><article><p>" + body + "\x80\x81</p></article></body></html>"), "The council met again"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			art, err := FromHTML(tc.page, "")
			checkResult(t, art.BodyText, art.BodyHTML, err)
			if tc.want != "" && !strings.Contains(art.BodyText, tc.want) {
				t.Errorf("BodyText lacks %q:\n%s", tc.want, head(art.BodyText, 600))
			}
		})
	}
}

// checkResult accepts a clear error or a sane result.
func checkResult(t *testing.T, text, bodyHTML string, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, ErrNoArticle) && !errors.Is(err, ErrEmpty) && !strings.HasPrefix(err.Error(), "extract: ") {
			t.Errorf("error %q does not say where it comes from", err)
		}
		return
	}
	if !utf8.ValidString(text) || !utf8.ValidString(bodyHTML) {
		t.Errorf("output is not valid UTF-8")
	}
	if msg := unsafeHTML(bodyHTML); msg != "" {
		t.Errorf("BodyHTML is not sanitized: %s", msg)
	}
}

// utf16LE encodes s (ASCII only) as UTF-16LE with a byte order mark.
func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// corpusPages lists every HTML page of the dev corpus under dir.
func corpusPages(tb testing.TB, dir string) []string {
	tb.Helper()
	var out []string
	for _, pat := range []string{"readability/*/source.html", "readability-fixtures/*/source.html", "trafilatura/html/*.html"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, m...)
	}
	return out
}

// isFixture reports whether p is one of the tiny synthetic pages of
// readability-fixtures/.
func isFixture(p string) bool {
	return filepath.Base(filepath.Dir(filepath.Dir(p))) == "readability-fixtures"
}
