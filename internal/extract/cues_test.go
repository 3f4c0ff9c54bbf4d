package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestNameWeight(t *testing.T) {
	tests := []struct {
		name string
		sign int // -1 furniture, 0 neutral, +1 content
	}{
		{"article-body", 1},
		{"post-content entry", 1},
		{"post-body-bio", -1},  // a bio, placed in the post body
		{"article__tags", -1},  // tags of the article
		{"story-share", -1},    // the story's share bar
		{"right-rail", -1},     // the side column of news sites
		{"article-author", -1}, // the author box
		{"story-date", -1},
		{"biography", 0},
		{"content tags", 0},            // a content wrapper that also carries a tag class
		{"mt-35 border-top", 0},        // utility classes: how it is drawn
		{"flush-top flush-bottom", 0},  // the same
		{"top", -1},                    // a page's top bar
		{"border-top top-stories", -1}, // the utility class spares no other name
		{"card-header", 0},             // the title bar of a card or accordion panel
		{"site-header", -1},            // the page's header
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := nameWeight(tt.name).w
			got := 0
			if w > 0 {
				got = 1
			} else if w < 0 {
				got = -1
			}
			if got != tt.sign {
				t.Errorf("nameWeight(%q) = %d, want sign %d", tt.name, w, tt.sign)
			}
		})
	}
}

// TestHeadingAnchorID checks that an anchor span whose id is its own
// heading text ("See_also", "Related_work") is not taken for furniture.
func TestHeadingAnchorID(t *testing.T) {
	for _, id := range []string{"See_also", "Related_work", "Share-prices", "Comments", "eliminating-repeating-alerts"} {
		t.Run(id, func(t *testing.T) {
			text := strings.ReplaceAll(strings.ReplaceAll(id, "_", " "), "-", " ")
			doc, err := html.Parse(strings.NewReader(`<h2><span id="` + id + `">` + text + `</span></h2>`))
			if err != nil {
				t.Fatal(err)
			}
			span := firstDescendant(doc, atom.Span)
			if w, _ := (cueCache{}).judge(span); w != 0 {
				t.Errorf("span: weight %d, want 0", w)
			}
			// The same id on the heading itself.
			doc, err = html.Parse(strings.NewReader(`<h3 id="` + id + `">` + text + `</h3>`))
			if err != nil {
				t.Fatal(err)
			}
			if w, _ := (cueCache{}).judge(firstDescendant(doc, atom.H3)); w != 0 {
				t.Errorf("heading: weight %d, want 0", w)
			}
		})
	}
}

// TestSectionIDWithSuffix checks that a section whose id is its heading's
// slug plus a short unique suffix keeps its text, even when a word of the
// topic reads as furniture ("alerting") and pruning takes the heading
// itself for its class ("subheaders").
func TestSectionIDWithSuffix(t *testing.T) {
	section := `<section id="a-tale-of-over-alerting-dbsXtjSM"><h2 class="subheaders">A Tale of Over-Alerting</h2>` +
		`<p>The pager went off every night that winter, and most of the alerts needed nothing done at all; the team learned to sleep through them.</p>` +
		`<p>So they cut the alerts to the ones a person had to act on, and the nights went quiet while the service got no worse.</p></section>`
	page := `<html><body><article>` + prose + section + prose + `</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The pager went off", "the nights went quiet"} {
		if !strings.Contains(art.BodyText, want) {
			t.Errorf("lost %q:\n%s", want, art.BodyText)
		}
	}
}
