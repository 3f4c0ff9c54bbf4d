package extract

import (
	"strings"
	"testing"
)

// The rules below came from the density-*.html pages; these cases hold
// each one on a small page of other shapes, so that it is the rule and
// not the page that is tested.

// TestTitleShownPart checks that the part of a <title> the page shows as
// a line of its own is the headline when nothing else names one, and
// that the <title> stays whole when the page shows two of its parts.
func TestTitleShownPart(t *testing.T) {
	body := `<body><div><font size="4"><b>%s</b></font><br><div>` + stackProse + stackProse + `</div></div></body>`
	cases := []struct{ title, shown, want string }{
		{"Harbour Post Online - Harbour wall rebuilt with quarry stone", "Harbour wall rebuilt with quarry stone",
			"Harbour wall rebuilt with quarry stone"},
		// A site name too long to be cut as one.
		{"Harbour wall rebuilt with quarry stone | The Harbour Post, news for the north coast",
			"Harbour wall rebuilt with quarry stone", "Harbour wall rebuilt with quarry stone"},
		// Nothing on the page is a part of the title: it stays as it is.
		{"Harbour Post Online - Harbour wall rebuilt with quarry stone", "Harbour wall rebuilt",
			"Harbour Post Online - Harbour wall rebuilt with quarry stone"},
		// Both parts shown: the choice is open, the title stays whole.
		{"Harbour Post Online - Harbour wall rebuilt with quarry stone",
			"Harbour Post Online</b><b>Harbour wall rebuilt with quarry stone",
			"Harbour Post Online - Harbour wall rebuilt with quarry stone"},
	}
	for _, c := range cases {
		page := "<html><head><title>" + c.title + "</title></head>" + strings.Replace(body, "%s", c.shown, 1) + "</html>"
		art, err := FromHTML([]byte(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if art.Title != c.want {
			t.Errorf("title %q showing %q: got %q, want %q", c.title, c.shown, art.Title, c.want)
		}
	}
}
