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

// TestLinkHeavyFootnotes checks that notes made mostly of links (sources,
// citations) stay when the article's text points at them and they point
// back, while a link list of the same shape that nothing points at goes.
func TestLinkHeavyFootnotes(t *testing.T) {
	prose := "The survey counted the birds on the island twice a year, in spring and in autumn, for eleven years. "
	page := `<html><head><title>Birds</title></head><body><article>
<p>` + prose + `<a href="#note-1" id="ref-1">[1]</a> ` + prose + `</p>
<p>` + prose + `<a href="#note-2" id="ref-2">[2]</a> ` + prose + `</p>
<p>` + prose + prose + `</p>
<div class="notes"><ol>
 <li id="note-1"><a href="#ref-1">^</a> <a href="https://survey.example/report-2019">Island bird survey, annual report 2019</a></li>
 <li id="note-2"><a href="#ref-2">^</a> <a href="https://survey.example/method">Survey method, counting protocol</a></li>
</ol></div>
<p>The counts fell by a third over the period, most of all among the gulls that nest on the northern cliffs.</p>
<div class="more"><a href="https://other.example/a">Another story about birds</a> <a href="https://other.example/b">And one about fish</a></div>
</article></body></html>`
	art, err := FromHTML([]byte(page), "https://birds.example/survey")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<li id="note-1">`, "Island bird survey, annual report 2019", "Survey method, counting protocol", `href="#ref-2"`} {
		if !strings.Contains(art.BodyHTML, want) {
			t.Errorf("BodyHTML lacks %q:\n%s", want, art.BodyHTML)
		}
	}
	if strings.Contains(art.BodyText, "Another story about birds") {
		t.Errorf("the unlinked link list was kept:\n%s", art.BodyText)
	}
}

// TestCaptionNamedAsFurniture checks that a figure's caption stays when
// its styling classes read like furniture ("meta"), and that its credit is
// still split from it.
func TestCaptionNamedAsFurniture(t *testing.T) {
	prose := "The harbour wall was rebuilt over the winter with stone taken from the old quarry above the town. "
	page := `<html><head><title>Harbour</title></head><body><article>
<p>` + prose + prose + `</p>
<figure><img src="/wall.jpg" alt=""><figcaption class="mt-15 t-meta c-gray-3">The new wall at low tide. <span class="credit">Ana Ruiz/Harbour Press</span></figcaption></figure>
<p>` + prose + `The work cost less than planned.</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "https://harbour.example/")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<figcaption>The new wall at low tide.", `<small class="credit">Ana Ruiz/Harbour Press</small>`} {
		if !strings.Contains(art.BodyHTML, want) {
			t.Errorf("BodyHTML lacks %q:\n%s", want, art.BodyHTML)
		}
	}
}

// TestSectionHeader checks that a <header> heading a section of the body
// stays, while the page's own header goes.
func TestSectionHeader(t *testing.T) {
	prose := "Each tool opens in its own panel and remembers its layout between sessions, so work can pick up where it stopped. "
	page := `<html><head><title>Tools</title></head><body>
<header class="site"><a href="/">Example Tools</a> <p>Tools for people who build the web, every day</p></header>
<main>
<section><header><h1>Welcome to the tools</h1><p>Get to know what each panel does before you start.</p></header><p>` + prose + prose + `</p><p>` + prose + `</p></section>
<section><header><h2>Features and tools</h2></header><p>` + prose + `The inspector shows the page as it is.</p><p>` + prose + `The console runs code.</p></section>
</main></body></html>`
	art, err := FromHTML([]byte(page), "https://tools.example/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyHTML, "<h2>Features and tools</h2>") {
		t.Errorf("section header lost:\n%s", art.BodyHTML)
	}
	if !strings.Contains(art.BodyText, "Get to know what each panel does") {
		t.Errorf("the first section's header (h1 and standfirst) lost:\n%s", art.BodyText)
	}
	if strings.Contains(art.BodyText, "Tools for people who build the web") {
		t.Errorf("page header kept:\n%s", art.BodyText)
	}
}

// TestNamedListNotSparedForSize checks that a gallery of captions in a list
// named as furniture goes even when its text outweighs the article's.
func TestNamedListNotSparedForSize(t *testing.T) {
	var gallery strings.Builder
	for i := range 30 {
		gallery.WriteString(`<li><h2>Picture ` + string(rune('A'+i%26)) + ` of the week</h2><p>A caption of a picture from another story, about markets, ministers and ` +
			`the weather, written long enough to count as a paragraph of text in its own right, number ` + string(rune('a'+i%26)) + `.</p></li>`)
	}
	page := `<html><head><title>Hotels</title></head><body><div class="page">
<div class="text">
<p>Even expensive hotel rooms are not always cleaned as often as they should be, a housekeeping manager said, and guests can check a few things themselves.</p>
<p>Take the blankets off the bed first: they are washed far less often than the sheets, and anything that touches skin should be fresh.</p>
<p>Look at the peep hole in the door, and keep luggage off the floor and away from the bed, where insects hide during the day.</p>
</div>
<div class="gallery"><h2>Business news in pictures</h2><ul class="legends">` + gallery.String() + `</ul></div>
</div></body></html>`
	art, err := FromHTML([]byte(page), "https://hotels.example/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "Take the blankets off the bed") {
		t.Errorf("article lost:\n%s", art.BodyText)
	}
	if strings.Contains(art.BodyText, "A caption of a picture from another story") {
		t.Errorf("gallery captions kept:\n%.600s", art.BodyText)
	}
}

// TestMathFormula checks that a formula typeset by MathJax keeps its text:
// the drawn copy is hidden from readers, the MathML copy beside it holds
// the formula, and its wrapper's classes ("CtxtMenu_Attached", a context
// menu) do not make it furniture. The symbols come out words apart.
func TestMathFormula(t *testing.T) {
	formula := `<mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML">` +
		`<mjx-math aria-hidden="true"><mjx-mi><mjx-c class="mjx-c1D44E"></mjx-c></mjx-mi></mjx-math>` +
		`<mjx-assistive-mml display="inline"><math xmlns="http://www.w3.org/1998/Math/MathML">` +
		`<msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>y</mi><mo>=</mo><mn>1</mn></math></mjx-assistive-mml></mjx-container>`
	page := `<html><body><article>` + prose + `<div>The points of the circle satisfy ` + formula + `, whatever the angle.</div>` + prose + `</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "satisfy x 2 + y = 1, whatever") {
		t.Errorf("formula text lost or run together:\n%s", art.BodyText)
	}
}

// TestTextStraightInList checks that text set straight inside a list
// (an old way to indent a paragraph) is kept, as a paragraph when the list
// holds nothing else and as an item beside real items.
func TestTextStraightInList(t *testing.T) {
	got := bodyOf(t, prose+`<ul> (My real goal is to <i>record</i> video, but playback came first.) </ul>`+
		`<ol><li>First step</li> then a loose <b>second</b> step </ol>`+prose, "")
	for _, want := range []string{"<p>(My real goal is to <i>record</i> video, but playback came first.)</p>",
		"<li>First step</li><li>then a loose <b>second</b> step</li>"} {
		if !strings.Contains(got, want) {
			t.Errorf("body lacks %q:\n%s", want, got)
		}
	}
}

// TestShortLineInDiv checks that a div holding nothing but a short line of
// text (dialogue set one line per div) is a paragraph, not a scrap.
func TestShortLineInDiv(t *testing.T) {
	got := bodyOf(t, prose+`<div><div><span>“Gotcha.”</span></div></div><div><div><span>“Do you want to come?”</span></div></div>`+prose, "")
	for _, want := range []string{"“Gotcha.”", "“Do you want to come?”"} {
		if !strings.Contains(got, want) {
			t.Errorf("body lacks %q:\n%s", want, got)
		}
	}
}
