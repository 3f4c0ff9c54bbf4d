package extract

import (
	"strings"
	"testing"
)

// TestHeadingsInsideBlocks checks that a heading inside a list item, a
// table cell or a block quote stays a heading instead of running into the
// item's text.
func TestHeadingsInsideBlocks(t *testing.T) {
	prose := "The tool lets you examine the markup and the styles of any page, change them in place, and see the result at once. "
	page := `<html><head><title>Tools</title></head><body><article>
<p>` + prose + prose + `</p>
<ul class="features">
 <li><img src="/a.jpg" alt=""><h2>Inspector</h2><p>` + prose + `</p></li>
 <li><img src="/b.jpg" alt=""><h3>Console</h3><p>` + prose + `</p></li>
</ul>
<blockquote><h4>A note</h4><p>` + prose + `</p></blockquote>
<p>` + prose + prose + `</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "https://tools.example/")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<li><img", "<h2>Inspector</h2>", "<h3>Console</h3>", "<blockquote><h4>A note</h4>"} {
		if !strings.Contains(art.BodyHTML, want) {
			t.Errorf("BodyHTML lacks %q:\n%s", want, art.BodyHTML)
		}
	}
}
