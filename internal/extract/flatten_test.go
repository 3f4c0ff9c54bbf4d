package extract

import (
	"strings"
	"testing"
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
