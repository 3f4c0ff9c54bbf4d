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

// flattenShapes are pages aimed at the paragraph flatten keeps beyond its
// limit: left open, under formatting, around tables.
var flattenShapes = map[string]string{
	"paragraphs left open in closed divs": strings.Repeat("<div>", 100) + strings.Repeat("<div><p>x</div>", 1000),
	"list items left open in closed divs": strings.Repeat("<div>", 100) + strings.Repeat("<div><dd>x</div><div><li>y</div>", 500),
	"formatting around paragraphs":        strings.Repeat("<div>", 100) + strings.Repeat("<b><i><u><p>x</p>", 300),
	"tables in paragraphs":                strings.Repeat("<span>", 100) + strings.Repeat("<p><table><tr><td>x", 300),
}

// flattenLimit is the depth the flatten bound tests flatten to.
const flattenLimit = 16

// TestFlattenBoundsDepth checks the bound flatten is for: the parser's
// tree of a page flattened to flattenLimit levels is at most a few levels
// deeper (elements the parser implies, the paragraph kept beyond the
// limit), on the dev pages and flattenShapes.
func TestFlattenBoundsDepth(t *testing.T) {
	pages := map[string][]byte{}
	for name, page := range flattenShapes {
		pages[name] = []byte(page)
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
		checkFlattenDepth(t, name, page, 8)
	}
}

// FuzzFlatten checks flatten's bound on any input. The slack is wider
// than the dev pages need: the parser reopens up to three of each of 14
// formatting elements that an end tag closed, which flatten counts as
// closed; what must hold is a constant bound, never the parser's refusal.
//
//	go test -run '^$' -fuzz FuzzFlatten -fuzztime 3m ./internal/extract/
func FuzzFlatten(f *testing.F) {
	for _, s := range syntheticSeeds {
		f.Add([]byte(s))
	}
	for _, s := range flattenShapes {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		checkFlattenDepth(t, "input", page, 64)
		// flatten copies the page up to its first dropped token by
		// offset, which holds only if the tokens' raw bytes lie end to
		// end from the start of the page.
		if raw := rawTokens(page); !bytes.HasPrefix(page, raw) {
			t.Errorf("the tokens' raw bytes are not the page's start:\n%q\n%q", raw, page)
		}
	})
}

// rawTokens returns the raw bytes of every token of page, end to end.
func rawTokens(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []byte
	for z.Next() != html.ErrorToken {
		out = append(out, z.Raw()...)
	}
	return out
}

// checkFlattenDepth flattens page to flattenLimit levels, parses it and
// fails unless the tree is at most slack levels deeper.
func checkFlattenDepth(t *testing.T, name string, page []byte, slack int) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(flatten(page, flattenLimit)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if d := treeDepth(doc); d > flattenLimit+slack {
		t.Errorf("%s: flattened to %d levels, parsed %d deep", name, flattenLimit, d)
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
