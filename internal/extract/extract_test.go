package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// fixtureDir finds the readability unit fixtures of the dev corpus, which
// stay outside the repository.
func fixtureDir(t *testing.T) string {
	t.Helper()
	root := os.Getenv("NEWSHOUND_EXTRACT_CORPUS")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "corpus", "extract-dev")
	}
	dir := filepath.Join(root, "readability-fixtures")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("extraction corpus not found at %s (set NEWSHOUND_EXTRACT_CORPUS): %v", dir, err)
		}
		t.Skipf("extraction corpus not found at %s; set NEWSHOUND_EXTRACT_CORPUS to run the fixture tests", dir)
	}
	return dir
}

// wordF1 compares two texts as bags of lowercased words.
func wordF1(got, want string) float64 {
	split := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[w]++
		}
		return m
	}
	g, w := split(got), split(want)
	tp, ng, nw := 0, 0, 0
	for k, c := range g {
		tp += min(c, w[k])
		ng += c
	}
	for _, c := range w {
		nw += c
	}
	if ng == 0 || nw == 0 {
		return 0
	}
	p, r := float64(tp)/float64(ng), float64(tp)/float64(nw)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func TestReadabilityFixtures(t *testing.T) {
	dir := fixtureDir(t)
	tests := []struct {
		name string
		min  float64 // lowest acceptable word F1 against expected.txt
		not  []string
	}{
		// Readability drops the h1 and a sibling h2 here; we keep
		// headings, so the bar is lower, but the scripts must go.
		{"remove-script-tags", 0.8, []string{"alert", "wrong"}},
		{"hidden-nodes", 0.95, nil},
		{"remove-aria-hidden", 0.9, nil},
		{"social-buttons", 0.95, []string{"Share on Twitter"}},
		{"style-tags-removal", 0.95, nil},
		{"visibility-hidden", 0.9, nil},
		{"normalize-spaces", 0.95, nil},
		{"replace-brs", 0.95, nil},
		{"replace-font-tags", 0.95, nil},
		{"rtl-1", 0.95, nil},
		{"svg-parsing", 0.9, nil},
		{"missing-paragraphs", 0.95, nil},
		{"reordering-paragraphs", 0.95, nil},
		{"basic-tags-cleaning", 0.8, nil},
		{"ol", 0.95, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(dir, tt.name, "source.html"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, tt.name, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			art, err := FromHTML(page, "http://fakehost/test/page.html")
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if f := wordF1(art.BodyText, string(want)); f < tt.min {
				t.Errorf("word F1 %.3f < %.2f\ngot:\n%s\nwant:\n%s", f, tt.min, art.BodyText, want)
			}
			for _, n := range tt.not {
				if strings.Contains(art.BodyText, n) {
					t.Errorf("text keeps %q", n)
				}
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	deep := strings.Repeat("<div>", 10000) + "<p>deep text here</p>" + strings.Repeat("</div>", 10000)
	huge := "<html><body><article>" + strings.Repeat("<p>"+strings.Repeat("word ", 200)+"</p>\n", 10000) + "</article></body></html>"
	tests := []struct {
		name    string
		page    []byte
		wantErr error // nil: any error or none, but no panic
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t "), ErrEmpty},
		{"no text", []byte("<html><body><div></div></body></html>"), ErrNoArticle},
		{"10000 levels deep", []byte(deep), nil},
		{"10 MB page", []byte(huge), nil},
		{"broken bytes", []byte("<html><body><p>caf\xe9 \xff\xfe na\xefve " + strings.Repeat("text ", 40) + "</p></body></html>"), nil},
		{"unclosed everything", []byte("<html><body><article><p>one<p>two<b><i>three<table><tr><td>four"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := FromHTML(tt.page, "")
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			// A generous bound that only a runaway (quadratic) path breaks.
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	// "Grüße aus Köln" in ISO-8859-1, with the charset declared.
	body := "<p>Gr\xfc\xdfe aus K\xf6ln, wo der Rhein heute wieder gestiegen ist, schreibt unser Korrespondent.</p>"
	page := []byte(`<html><head><meta charset="iso-8859-1"><title>K</title></head><body><article>` +
		strings.Repeat(body, 3) + `</article></body></html>`)
	art, err := FromHTML(page, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "Grüße aus Köln") {
		t.Errorf("charset not decoded: %q", art.BodyText)
	}
}

// A page URL with bytes that are not UTF-8 (found by FuzzFromHTML) is
// percent-encoded, as a browser would, before links resolve against it.
func TestPageURLNotUTF8(t *testing.T) {
	page := []byte(`<html><body><article>
<p>The ferry timetable changes on Monday, and the council has put the new times on its noticeboard by the slipway.</p>
<p>Early sailings move forward by ten minutes, so that the first boat meets the train from the city, <a href="#times">as the new times show</a>, and the last one waits for the late bus.</p>
<p>Passengers who hold season tickets need do nothing; the office will exchange paper tickets until the end of the month.</p>
</article></body></html>`)
	art, err := FromHTML(page, "https://news.example/ferry\x98")
	if err != nil {
		t.Fatal(err)
	}
	if art.OriginalURL != "https://news.example/ferry%98" {
		t.Errorf("OriginalURL = %q, want the stray byte percent-encoded", art.OriginalURL)
	}
	if !utf8.ValidString(art.BodyHTML) || !strings.Contains(art.BodyHTML, `href="https://news.example/ferry%98#times"`) {
		t.Errorf("link not resolved against the encoded URL, or not UTF-8: %q", art.BodyHTML)
	}
}

func TestPlainTextForm(t *testing.T) {
	page := `<html><body><article><h2>Heading</h2>` + prose +
		`<ul><li>first item</li><li>second item</li></ul><blockquote><p>A quote.</p></blockquote></article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(art.BodyText, "\n\n")
	want := []string{"Heading", "The river rose", "Volunteers", "By the afternoon", "first item", "second item", "A quote."}
	if len(paras) != len(want) {
		t.Fatalf("got %d paragraphs, want %d:\n%s", len(paras), len(want), art.BodyText)
	}
	for i, w := range want {
		if !strings.HasPrefix(paras[i], w) {
			t.Errorf("paragraph %d = %q, want prefix %q", i, paras[i], w)
		}
		if strings.Contains(paras[i], "  ") || strings.Contains(paras[i], "\n") {
			t.Errorf("paragraph %d not collapsed: %q", i, paras[i])
		}
	}
	if bytes.Contains([]byte(art.BodyHTML), []byte("<div")) {
		t.Errorf("body keeps wrapper divs:\n%s", art.BodyHTML)
	}
}

func TestJSONLDBodyLocatesArticle(t *testing.T) {
	article := []string{
		"The ferry timetable for the winter was approved on Thursday by the harbour council.",
		"Sailings will start later in the morning and finish earlier at night from December.",
		"Island residents had asked for a late boat on Fridays, which the council granted.",
		"The operator said the changes would save fuel during the quietest months of the year.",
		"A review of the timetable is planned for the spring, before the tourist season.",
	}
	// A block of long, comma-rich paragraphs that plain scoring prefers.
	other := strings.Repeat(`<p>In other news, from the archive, the market, the fair, the school, the church, the mill, the quay, the bridge, the station, the library and the pool were all mentioned in letters, notes, minutes, reports, and memos over many years, decades, and centuries.</p>`, 4)
	var body strings.Builder
	for _, p := range article {
		body.WriteString("<p>" + p + "</p>")
	}
	ld := `{"@context":"https://schema.org","@type":"NewsArticle","headline":"Winter ferries","articleBody":"` +
		strings.Join(article, " ") + `"}`
	page := `<html><head><script type="application/ld+json">` + ld + `</script></head><body>` +
		`<div class="column">` + other + `</div><div class="column">` + body.String() + `</div></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, article[0]) || !strings.Contains(art.BodyText, article[4]) {
		t.Errorf("article text missing:\n%s", art.BodyText)
	}
	if strings.Contains(art.BodyText, "In other news") {
		t.Errorf("the other block was taken:\n%s", art.BodyText)
	}
}

func TestJSONLDBodyWhenPageIsScripted(t *testing.T) {
	text := []string{
		"The library will open on Sundays from next month, the council announced on Monday.",
		"Volunteers will staff the reading room, and the café will serve soup at lunchtime.",
		"The trial runs for six months, after which the council will count the visitors.",
		"Readers asked for Sunday hours in a survey last year, and nine in ten said yes.",
		"The mayor thanked the volunteers, who were trained by the library's own staff.",
	}
	ld := `{"@type":"NewsArticle","headline":"Sunday library","articleBody":"` + strings.Join(text, `\n`) + `"}`
	page := `<html><head><script type="application/ld+json">` + ld + `</script></head><body>` +
		`<div id="root"><p>Loading the story, please wait for the page to render.</p></div></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(art.BodyText, "\n\n")
	if len(paras) != len(text) || paras[0] != text[0] || paras[4] != text[4] {
		t.Errorf("body text from JSON-LD:\n%s", art.BodyText)
	}
	if !strings.Contains(art.BodyHTML, "<p>The library will open on Sundays") {
		t.Errorf("body HTML from JSON-LD:\n%s", art.BodyHTML)
	}
}

func TestShortArticleBesideLongFurniture(t *testing.T) {
	legal := strings.Repeat(`<p>This site uses cookies, and by continuing you agree to the terms of use, the privacy notice, and the rules of the reader forum, all of which may change.</p>`, 6)
	page := `<html><body><nav><a href="/">Home</a></nav><article><h1>Road closed</h1>` +
		`<p>The coast road is closed at the quarry after a rock fall on Tuesday night.</p>` +
		`<p>Police expect it to reopen by Friday.</p></article>` +
		`<footer class="site-footer">` + legal + `</footer></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "The coast road is closed at the quarry after a rock fall on Tuesday night.\n\nPolice expect it to reopen by Friday."
	if art.BodyText != want {
		t.Errorf("BodyText = %q, want %q", art.BodyText, want)
	}
}
