package extract

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestFlatten(t *testing.T) {
	deep := func(open string, n int, close, inner string) string {
		return "<html><body>" + strings.Repeat(open, n) + inner + strings.Repeat(close, n) + "<p>after the nest</p></body></html>"
	}
	tests := []struct {
		name    string
		page    string
		want    []string // text the flattened page still carries
		notWant []string // text it must not show
	}{
		{"deep divs keep their text", deep("<div>", 2000, "</div>", "<p>inner words</p>"), []string{"inner words", "after the nest"}, nil},
		{"a script beyond the limit stays hidden",
			deep("<div>", 600, "</div>", "<script>var secret = 1;</script><p>inner words</p>"),
			[]string{"inner words", "after the nest"}, []string{"var secret"}},
		{"self-closing divs count as open", deep("<div/>", 1000, "</div>", "<p>inner words</p>"), []string{"inner words"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse([]byte(tt.page))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			text := nodeText(doc)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("text shows %q", w)
				}
			}
		})
	}
}

// TestFlattenUnclosedParagraphs checks that paragraphs and list items left
// open (each closes the one before) are not taken for nesting.
func TestFlattenUnclosedParagraphs(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<p>para ", 1000) + "<ul>" + strings.Repeat("<li>item ", 1000) + "</ul></body></html>"
	out := string(flatten([]byte(page), flattenDepth))
	if n := strings.Count(out, "<p>"); n != 1000 {
		t.Errorf("%d <p> kept, want 1000", n)
	}
	if n := strings.Count(out, "<li>"); n != 1000 {
		t.Errorf("%d <li> kept, want 1000", n)
	}
}

// TestFlattenKeepsShallowPages checks that a page within the limit comes
// out of flatten byte for byte.
func TestFlattenKeepsShallowPages(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>T</title><script>if (a < b) {}</script></head>` +
		`<body><div class="x"><p>one<br>two <img src="a.png"/></p><!-- note --><ul><li>a<li>b</ul></div></body></html>`
	if got := string(flatten([]byte(page), flattenDepth)); got != page {
		t.Errorf("flatten changed a shallow page:\n%s\nwant:\n%s", got, page)
	}
}

// TestFlattenDropsStrayEndTags checks that end tags closing nothing go,
// as the parser would ignore them (or make an empty paragraph of a
// </p>), while a </br>, which the parser reads as a line break, stays.
func TestFlattenDropsStrayEndTags(t *testing.T) {
	page := "<div><p>one</p></p></span>two</br>three</div></div>"
	want := "<div><p>one</p>two</br>three</div>"
	if got := string(flatten([]byte(page), flattenDepth)); got != want {
		t.Errorf("flatten(%q) = %q, want %q", page, got, want)
	}
}

// TestFlattenBoundsDepth checks the bound flatten is for: the parser's
// tree of a page flattened to limit levels is at most a few levels deeper
// (elements the parser implies, formatting it reopens, the paragraph kept
// beyond the limit), on the dev pages and on shapes aimed at the kept
// paragraph.
func TestFlattenBoundsDepth(t *testing.T) {
	const limit, slack = 16, 8
	pages := map[string][]byte{
		"paragraphs left open in closed divs": []byte(strings.Repeat("<div>", 100) + strings.Repeat("<div><p>x</div>", 1000)),
		"list items left open in closed divs": []byte(strings.Repeat("<div>", 100) + strings.Repeat("<div><dd>x</div><div><li>y</div>", 500)),
		"formatting around paragraphs":        []byte(strings.Repeat("<div>", 100) + strings.Repeat("<b><i><u><p>x</p>", 300)),
		"tables in paragraphs":                []byte(strings.Repeat("<span>", 100) + strings.Repeat("<p><table><tr><td>x", 300)),
	}
	if dir, ok := findCorpus(); ok {
		for _, p := range corpusPages(t, dir) {
			page, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			pages[p] = page
		}
	}
	for name, page := range pages {
		doc, err := html.Parse(bytes.NewReader(flatten(page, limit)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := treeDepth(doc); d > limit+slack {
			t.Errorf("%s: flattened to %d levels, parsed %d deep", name, limit, d)
		}
	}
}

// treeDepth returns how many levels of nodes lie below n.
func treeDepth(n *html.Node) int {
	d := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		d = max(d, 1+treeDepth(c))
	}
	return d
}
