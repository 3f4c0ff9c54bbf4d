package extract

import (
	"strings"
	"testing"
)

func TestFigureCredit(t *testing.T) {
	tests := []struct {
		name, in         string
		caption, credit  string
		wantCreditMarkup bool
	}{
		{
			name:    "credit marked by class",
			in:      `<figure><img src="/a.jpg"><figcaption>Sandbags by the river. <span class="credit">Jo Smith/Agency</span></figcaption></figure>`,
			caption: "Sandbags by the river.", credit: "Jo Smith/Agency", wantCreditMarkup: true,
		},
		{
			name:    "trailing Photo: line",
			in:      `<figure><img src="/a.jpg"><figcaption>Sandbags by the river. Photo: Jo Smith</figcaption></figure>`,
			caption: "Sandbags by the river.", credit: "Photo: Jo Smith", wantCreditMarkup: true,
		},
		{
			name:    "German Foto: credit",
			in:      `<figure><img src="/a.jpg"><figcaption>Sandsäcke am Fluss (Foto: Jo Schmidt)</figcaption></figure>`,
			caption: "Sandsäcke am Fluss", credit: "Foto: Jo Schmidt", wantCreditMarkup: true,
		},
		{
			name:    "credit label followed by the name, inside the caption span",
			in:      `<figure><img src="/a.jpg"><figcaption><span itemprop="caption">Cranes at dawn. <span class="image-copyright-label">Credit:</span> Jo Smith/AFP</span></figcaption></figure>`,
			caption: "Cranes at dawn.", credit: "Credit: Jo Smith/AFP", wantCreditMarkup: true,
		},
		{
			name:    "caption that is only a credit",
			in:      `<figure><img src="/a.jpg"><figcaption>Thomas Jackson/Digital Vision/Getty Images</figcaption></figure>`,
			caption: "", credit: "Thomas Jackson/Digital Vision/Getty Images", wantCreditMarkup: true,
		},
		{
			name:    "no credit",
			in:      `<figure><img src="/a.jpg"><figcaption>Sandbags by the river.</figcaption></figure>`,
			caption: "Sandbags by the river.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bodyOf(t, prose+tt.in+prose, "https://news.example/a.html")
			i := strings.Index(got, "<figcaption>")
			j := strings.Index(got, "</figcaption>")
			if i < 0 || j < i {
				t.Fatalf("no figcaption in:\n%s", got)
			}
			fc := got[i:j]
			if !strings.Contains(fc, tt.caption) {
				t.Errorf("caption %q missing from %q", tt.caption, fc)
			}
			hasMarkup := strings.Contains(fc, `<small class="credit">`+tt.credit+`</small>`)
			if hasMarkup != tt.wantCreditMarkup {
				t.Errorf("credit markup for %q = %v, want %v, in %q", tt.credit, hasMarkup, tt.wantCreditMarkup, fc)
			}
		})
	}
}

func TestFootnotesKeepAnchors(t *testing.T) {
	in := `<p>The flood was the worst since 1953.<sup id="fnref1"><a href="#fn1">1</a></sup> Records began in 1900.</p>` +
		prose + `<ol class="footnotes-list"><li id="fn1">Met Office records, 2024. <a href="#fnref1">↩</a></li></ol>`
	got := bodyOf(t, prose+in, "https://news.example/flood.html")
	for _, w := range []string{`id="fnref1"`, `href="#fn1"`, `id="fn1"`, `href="#fnref1"`} {
		if !strings.Contains(got, w) {
			t.Errorf("footnote markup lacks %q:\n%s", w, got)
		}
	}
}

func TestAbsoluteSelfLinksBecomeInPage(t *testing.T) {
	in := `<p>Note<sup><a href="https://news.example/flood.html#n1">1</a></sup> here.</p>` + prose +
		`<p id="n1">Note one: the gauge at the bridge was replaced in 2019.</p>`
	got := bodyOf(t, prose+in, "https://news.example/flood.html")
	if !strings.Contains(got, `href="#n1"`) || !strings.Contains(got, `id="n1"`) {
		t.Errorf("self link not made in-page:\n%s", got)
	}
}

func TestSplitCredit(t *testing.T) {
	tests := []struct {
		in, caption, credit string
		ok                  bool
	}{
		{"A bridge. Photo: Ann Lee", "A bridge.", "Photo: Ann Lee", true},
		{"A bridge (Bild: dpa)", "A bridge", "Bild: dpa", true},
		{"A bridge at dusk.Photograph: Ann Lee/Agency", "A bridge at dusk.", "Photograph: Ann Lee/Agency", true},
		{"A bridge over the river", "", "", false},
		{"Старые рельсы под асфальтом Фото: Ирина Лебедева", "Старые рельсы под асфальтом", "Фото: Ирина Лебедева", true},
		{"試験運行のワゴン車＝役場前で（撮影：佐伯美咲）", "試験運行のワゴン車＝役場前で", "撮影：佐伯美咲", true},
		{"会場の様子。写真：みなと新報", "会場の様子。", "写真：みなと新報", true},
		{"На фото: новый вагон", "", "", false}, // "on the photo:" opens a caption
		// A two-word label is one label, not a word of the caption.
		{"Hubs on a bench. Image Credits: Ann Lee / Site", "Hubs on a bench.", "Image Credits: Ann Lee / Site", true},
		{"Image Credits: Coldframe", "", "Image Credits: Coldframe", true},
		// A bracketed agency credit with no label.
		{"Dolphins near Kampi (Getty Images/iStockphoto)", "Dolphins near Kampi", "Getty Images/iStockphoto", true},
		{"A march in Lyon (Jean Roux via AFP)", "A march in Lyon", "Jean Roux via AFP", true},
		{"The case, left, and the earbuds (Harbor Audio)", "", "", false}, // a maker's name, no agency
		{"Sales by region (north/south)", "", "", false},
		{"The branch on Elm Avenue. (Dana Kowalczyk/Hometown Wire)", "The branch on Elm Avenue.", "Dana Kowalczyk/Hometown Wire", true},
		{"Results for the year (Q1/Q2 2025)", "", "", false},
		{"A dam in 2024. AGENCY/Carla Monteiro/File Photo", "A dam in 2024.", "AGENCY/Carla Monteiro/File Photo", true},
		{"Okafor scores. Image source, Sportsimage", "Okafor scores.", "Image source, Sportsimage", true},
		{"Rates rose in spring. Buyers and sellers/agents disagreed", "", "", false},
		{"Prices fell on hundreds of items. (Ellen M. Banner / The Times", "", "", false},
	}
	for _, tt := range tests {
		c, cr, ok := splitCredit(tt.in)
		if ok != tt.ok || c != tt.caption || cr != tt.credit {
			t.Errorf("splitCredit(%q) = %q, %q, %v; want %q, %q, %v", tt.in, c, cr, ok, tt.caption, tt.credit, tt.ok)
		}
	}
}

func TestDataTableCellsKept(t *testing.T) {
	table := `<table><thead><tr><th>App</th><th>Size</th></tr></thead><tbody>` +
		`<tr><td><div><a href="/a">Maps</a></div></td><td><div>32.7 MB</div></td></tr>` +
		`<tr><td><div><a href="/b">Mail</a></div></td><td><div>17.8 MB</div></td></tr></tbody></table>`
	got := bodyOf(t, prose+table+prose, "https://news.example/a.html")
	for _, w := range []string{"Maps", "32.7 MB", "Mail", "17.8 MB"} {
		if !strings.Contains(got, w) {
			t.Errorf("table lost %q:\n%s", w, got)
		}
	}
}

// TestFootnoteIDNamedAfterSource checks that a footnote whose id is made
// from the cited work ("w3counter", "statcounter": "counter" names a view
// counter elsewhere) stays, with its reference's link, while an element
// that nothing links back to under the same kind of name still goes.
func TestFootnoteIDNamedAfterSource(t *testing.T) {
	in := `<p>The browser was the fourth most used.<sup id="cite_ref-w3counter_1"><a href="#cite_note-w3counter-1">[1]</a></sup> Its share fell.</p>` +
		prose + `<ol class="references"><li id="cite_note-w3counter-1"><a href="#cite_ref-w3counter_1">^</a> Browser market share trends, W3Counter, 2012.</li></ol>` +
		`<div id="view-counter">Visited 12 times today, thank you for reading</div>`
	got := bodyOf(t, prose+in, "https://news.example/browsers.html")
	for _, w := range []string{`id="cite_note-w3counter-1"`, `href="#cite_note-w3counter-1"`, "Browser market share trends"} {
		if !strings.Contains(got, w) {
			t.Errorf("footnote markup lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "Visited 12 times") {
		t.Errorf("the view counter was kept:\n%s", got)
	}
}

// TestSponsoredButtons checks that a paid link set as a line of its own
// (an affiliate button between the items of a list) goes, while one
// inside a sentence stays with the sentence.
func TestSponsoredButtons(t *testing.T) {
	const (
		p1 = "<p>The path climbs steadily through the oak woods, and from the top you can see across the water to the hills on the far side.</p>"
		p2 = "<p>The second walk follows the river from the mill to the weir, an easy hour on a good path, with a tea room at the far end.</p>"
		p3 = "<p>The last walk crosses the moor to the old mine workings, which are fenced off; keep to the path, which is marked with posts.</p>"
	)
	page := `<html><body><article>` + p1 +
		`<a class="btn" rel="sponsored nofollow" href="https://shop.example/a">Walking map, £10.99</a>` + p2 +
		`<p><span><a rel="sponsored" href="https://shop.example/b">Folding poles, £39</a></span></p>` +
		`<p>We carried <a rel="sponsored" href="https://shop.example/c">a paper map</a> as well as a phone.</p>` +
		`<p><a rel="nofollow" href="https://example.org/route">Route card for the walk</a></p>` + p3 +
		`</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Walking map", "Folding poles"} {
		if strings.Contains(art.BodyText, gone) {
			t.Errorf("kept the affiliate button %q:\n%s", gone, art.BodyText)
		}
	}
	for _, kept := range []string{"We carried a paper map as well as a phone.", "Route card for the walk"} {
		if !strings.Contains(art.BodyText, kept) {
			t.Errorf("lost %q:\n%s", kept, art.BodyText)
		}
	}
}
