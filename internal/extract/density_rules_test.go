package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"
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

// TestPictureWithoutFigure checks that a div of one picture and a
// caption's line of text is read as a figure (caption and credit in the
// body, the lead image's caption), and that the same shape is left alone
// when it is a contact card, an avatar beside a name or a linked teaser.
func TestPictureWithoutFigure(t *testing.T) {
	page := `<html><head><meta property="og:image" content="https://x.example/m/quay-wall.jpg"></head><body>
<div class="a1"><div class="b2"><img src="https://x.example/m/quay-wall-640.jpg" width="640" height="360">
<div class="c3">Masons set the last stone of the quay wall. Photo: Ana Ruiz</div></div>
<div class="d4"><p>` + stackProse + `</p><p>` + stackProse + `</p><p>` + stackProse + `</p></div></div>
</body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := `<figcaption>Masons set the last stone of the quay wall. <small class="credit">Photo: Ana Ruiz</small></figcaption>`
	if !strings.Contains(art.BodyHTML, want) {
		t.Errorf("BodyHTML lacks %q:\n%s", want, art.BodyHTML)
	}
	if art.LeadImage == nil || art.LeadImage.Caption != "Masons set the last stone of the quay wall." || art.LeadImage.Credit != "Photo: Ana Ruiz" {
		t.Errorf("LeadImage = %+v, want the picture's caption and credit", art.LeadImage)
	}

	notFigures := []string{
		// A contact card: a portrait over lines of name, phone, address.
		`<div><img src="/p/press-officer.jpg" width="300" height="200"><p>Ana Ruiz<br>Tel. 0123 456 789<br>press@x.example</p></div>`,
		// An avatar beside a name and a line about the writer.
		`<div><img src="/p/ana.jpg" width="48" height="48"><div>Ana Ruiz writes about the coast and its harbours.</div></div>`,
		// A teaser: picture and linked headline.
		`<div><img src="/p/pier.jpg" width="300" height="200"><div><a href="/pier">Pier reopens after the winter storms</a></div></div>`,
	}
	for _, shape := range notFigures {
		div := firstDescendant(parseBody(t, shape), atom.Div)
		if asFigure(div) || div.DataAtom == atom.Figure {
			t.Errorf("asFigure took %s", shape)
		}
	}
	// The same harness on a picture and its caption says yes.
	div := firstDescendant(parseBody(t, `<div><img src="/p/pier.jpg" width="300" height="200"><div>The pier after the winter storms.</div></div>`), atom.Div)
	if !asFigure(div) || div.DataAtom != atom.Figure || firstDescendant(div, atom.Figcaption) == nil {
		t.Errorf("asFigure left a captioned picture alone")
	}
}

// TestStoryInLayoutCell checks that a story set straight in a layout
// table's cell, paragraphs parted by <br><br>, is found in that cell and
// not in the row around it, beside a column of other news whose
// one-sentence summaries together outweigh any single paragraph.
func TestStoryInLayoutCell(t *testing.T) {
	var other strings.Builder
	for i := range 8 {
		fmt.Fprintf(&other, `<tr><td><a href="/s%d"><b>Other story number %d</b></a><br>A summary of that other story, in one sentence, with a comma or two, as old sites wrote them.</td></tr>`, i, i)
	}
	var story strings.Builder
	for i := range 6 {
		fmt.Fprintf(&story, "Paragraph %d of the story. %s<br><br>\n", i, stackProse)
	}
	page := `<html><body><table><tr>
<td><a href="/">Home</a><br><a href="/news">News</a><br>Weather today: showers, ten degrees, wind from the west.</td>
<td><font size="2"><b>Harbour wall rebuilt</b><br><br>` + story.String() + `</font></td>
<td><table>` + other.String() + `</table></td>
</tr></table></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{"Paragraph 0 of the story.", "Paragraph 5 of the story."} {
		if !strings.Contains(art.BodyText, keep) {
			t.Errorf("lost %q:\n%s", keep, art.BodyText)
		}
	}
	for _, gone := range []string{"Other story number", "A summary of that other story", "Weather today"} {
		if strings.Contains(art.BodyText, gone) {
			t.Errorf("kept %q:\n%s", gone, art.BodyText)
		}
	}
}

// TestRepliesLongerThanStory checks that a heading counting replies ends
// the article even when the replies under it, in the same container and
// named for nothing, are longer than the story; and that a count in the
// meta bar under the headline ends nothing.
func TestRepliesLongerThanStory(t *testing.T) {
	var replies strings.Builder
	for i := range 8 {
		fmt.Fprintf(&replies, `<div class="r%d"><img src="/a.png" width="40" height="40"><p>Reader %d wrote: I walked that harbour wall every day as a child, and I am glad, truly glad, to see it rebuilt with the old stone.</p></div>`, i, i)
	}
	page := `<html><body><div class="x"><h1>Harbour wall rebuilt</h1><h4>3 comments</h4>
<p>` + stackProse + `</p><p>Masons worked through the spring tides. ` + stackProse + `</p><p>The council paid for the stone. ` + stackProse + `</p>
<h3>8 replies</h3>` + replies.String() + `</div></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "The harbour wall was rebuilt") {
		t.Errorf("lost the story:\n%s", art.BodyText)
	}
	for _, gone := range []string{"8 replies", "Reader 0 wrote", "Reader 7 wrote", "3 comments"} {
		if strings.Contains(art.BodyText, gone) {
			t.Errorf("kept %q:\n%s", gone, art.BodyText)
		}
	}
}

// TestTeaserListWithSummaries checks that a list of linked headlines
// with a summary under each goes with the cue line that introduces it,
// in the middle of the body too, while a list of sources, each a link and
// a description, stays with its label.
func TestTeaserListWithSummaries(t *testing.T) {
	item := `<li><a href="/s%d">Other story number %d</a><div>A summary of that other story that runs to about twenty words, as such rails show them.</div></li>`
	var teasers, sources strings.Builder
	for i := range 4 {
		fmt.Fprintf(&teasers, item, i, i)
		fmt.Fprintf(&sources, `<li><a href="/r%d">Harbour survey part %d</a>, the county's own report on the state of the wall, with its drawings and costs.</li>`, i, i)
	}
	page := `<html><body><div>
<p>Masons worked through the spring tides. ` + stackProse + `</p>
<div>Most read</div><ol>` + teasers.String() + `</ol>
<p>The council paid for the stone. ` + stackProse + `</p>
<p>Sources:</p><ul>` + sources.String() + `</ul>
<p>The wall opens in May. ` + stackProse + `</p>
</div></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{"The council paid for the stone.", "Harbour survey part 0", "Harbour survey part 3", "The wall opens in May."} {
		if !strings.Contains(art.BodyText, keep) {
			t.Errorf("lost %q:\n%s", keep, art.BodyText)
		}
	}
	for _, gone := range []string{"Most read", "Other story number", "A summary of that other story"} {
		if strings.Contains(art.BodyText, gone) {
			t.Errorf("kept %q:\n%s", gone, art.BodyText)
		}
	}
}

// TestTableSourceNote checks that a "Source:" line under a table stays,
// short or long, in the middle of the body or closing it, while a bare
// "Source:" line under a paragraph at the tail goes as before.
func TestTableSourceNote(t *testing.T) {
	table := `<table><caption>Boats in the inner basin</caption><tr><th>Year</th><th>Boats</th></tr><tr><td>2024</td><td>31</td></tr><tr><td>2025</td><td>44</td></tr></table>`
	page := `<html><body><article>
<p>Masons worked through the spring tides. ` + stackProse + `</p>` + table + `
<p>Source: harbour office</p>
<p>The council paid for the stone. ` + stackProse + `</p>` + strings.ReplaceAll(table, "Boats", "Berths") + `
<p>Source: harbour office returns for each year, counted on the first Monday of May.</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(art.BodyText, "Source: harbour office"); n != 2 {
		t.Errorf("kept %d of the 2 table notes:\n%s", n, art.BodyText)
	}
	page = `<html><body><article><p>Masons worked through the spring tides. ` + stackProse + `</p>
<p>The council paid for the stone. ` + stackProse + `</p><p>Source: Harbour Post</p></article></body></html>`
	if art, err = FromHTML([]byte(page), ""); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.BodyText, "Source:") {
		t.Errorf("kept the closing source line:\n%s", art.BodyText)
	}
}
