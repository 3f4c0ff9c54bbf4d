package extract

import (
	"strings"
	"testing"
)

// The rules below came from the bounds-*.html pages; these cases hold
// each one on a small page of another shape, and check the side where it
// must not act.

// boundsProse is a paragraph's worth of prose, over 200 characters.
const boundsProse = "The ferry from the mainland ran twice a day through the summer, and the islanders who worked in town " +
	"caught the early boat and came back on the late one, which left the quay at half past six. "

// extractString runs FromHTML on page and fails the test on an error.
func extractString(t *testing.T, page string) string {
	t.Helper()
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	return art.BodyText
}

// checkKept fails for every keep missing from text and every gone in it.
func checkKept(t *testing.T, text string, keep, gone []string) {
	t.Helper()
	for _, k := range keep {
		if !strings.Contains(text, k) {
			t.Errorf("lost %q:\n%s", k, text)
		}
	}
	for _, g := range gone {
		if strings.Contains(text, g) {
			t.Errorf("kept %q:\n%s", g, text)
		}
	}
}

// TestStoriesBeside checks that a second story appended below the first
// (its own <article> and <h1>) stays out, while a live page whose posts
// are <article>s with their own smaller headings stays whole.
func TestStoriesBeside(t *testing.T) {
	story := func(h, tag string) string {
		return `<article class="story"><h1>` + h + `</h1><div class="story-text"><p>` + tag + boundsProse +
			`</p><p>` + boundsProse + `</p><p>` + boundsProse + `</p></div></article>`
	}
	text := extractString(t, `<html><body><div class="feed">`+story("First headline", "Alpha. ")+
		story("Second headline", "Bravo. ")+`</div></body></html>`)
	checkKept(t, text, []string{"Alpha."}, []string{"Bravo.", "Second headline"})

	post := func(h, tag string) string {
		return `<article class="post"><h2>` + h + `</h2><p>` + tag + boundsProse + `</p><p>` + boundsProse +
			`</p><p>` + boundsProse + `</p></article>`
	}
	text = extractString(t, `<html><body><main><h1>Live: the ferry strike</h1>`+post("10:02", "Alpha. ")+
		post("10:15", "Bravo. ")+post("10:40", "Charlie. ")+post("11:05", "Delta. ")+`</main></body></html>`)
	checkKept(t, text, []string{"Alpha.", "Bravo.", "Charlie.", "Delta."}, nil)
}

// TestTeaserCards checks that a short card in the body's class that
// opens with a linked headline stays out, while a longer part of the body
// whose heading links to its source stays in.
func TestTeaserCards(t *testing.T) {
	text := extractString(t, `<html><body><div class="page">
<div class="body-text"><p>Alpha. `+boundsProse+`</p><p>`+boundsProse+`</p><p>`+boundsProse+`</p></div>
<div class="body-text"><h3><a href="/report">The inspectors' report</a></h3><p>Bravo. `+boundsProse+`</p><p>`+boundsProse+`</p><p>`+boundsProse+`</p></div>
<div class="body-text"><h3><a href="/other">Bus lanes on the coast road</a></h3><p>Charlie. The council will paint new lanes in the spring.</p></div>
</div></body></html>`)
	checkKept(t, text, []string{"Alpha.", "Bravo.", "The inspectors' report"}, []string{"Charlie.", "Bus lanes"})
}

// TestRevealedRest checks that prose hidden by its style right after the
// visible paragraphs stays (a "Continue reading" button shows it), and
// that hidden prose elsewhere goes.
func TestRevealedRest(t *testing.T) {
	rest := `<p>Bravo. ` + boundsProse + `</p><p>` + boundsProse + `</p><p>` + boundsProse + `</p>`
	text := extractString(t, `<html><body><article><div class="text"><p>Alpha. `+boundsProse+`</p></div>
<a href="#more">Continue reading</a><div style="display: none">`+rest+`</div></article></body></html>`)
	checkKept(t, text, []string{"Alpha.", "Bravo."}, []string{"Continue reading"})

	text = extractString(t, `<html><body><article><div style="display:none"><ul><li>Menu</li></ul>`+
		strings.Replace(rest, "Bravo.", "Charlie.", 1)+`</div><div class="text"><p>Alpha. `+boundsProse+`</p><p>`+
		boundsProse+`</p></div></article></body></html>`)
	checkKept(t, text, []string{"Alpha."}, []string{"Charlie."})
}

// TestQuoteBox checks that a quote set in a named div goes when it
// repeats the body, and stays as a block quote when it does not.
func TestQuoteBox(t *testing.T) {
	art, err := FromHTML([]byte(`<html><body><article><p>Alpha. `+boundsProse+`The ferry is the island's road to the world.</p>
<div class="pull-quote"><p>The ferry is the island's road to the world.</p></div>
<p>`+boundsProse+`</p>
<div class="quote-box"><p>"We will not sell the boats," the harbour master told the meeting.</p></div>
<p>`+boundsProse+`</p></article></body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(art.BodyText, "road to the world"); n != 1 {
		t.Errorf("the repeated sentence is there %d times, want once:\n%s", n, art.BodyText)
	}
	if !strings.Contains(art.BodyHTML, `<blockquote><p>&#34;We will not sell the boats,`) {
		t.Errorf("the quote box is not a block quote:\n%s", art.BodyHTML)
	}
}
