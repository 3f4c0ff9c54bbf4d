package extract

import "testing"

// The rules below came from the mag-*.html pages; these cases hold each
// one on a small page of another shape, and check the side where it must
// not act. The lead picture closing an article's header and the weighing
// of siblings by their only-child chains are held by mag-longform and by
// mag-squarespace without names: a small page of either shape was caught
// by older rules (figures rejoined, siblings by prose) before reaching
// them.

// TestMeteredParagraphs checks that paragraphs named "paywall" stay, and
// that a box so named (the prompt to subscribe) still goes.
func TestMeteredParagraphs(t *testing.T) {
	page := `<html><body><article><h1>Harbour wall rebuilt</h1>
<p>Free part. ` + stackProse + `</p>
<p class="paywall">Metered part one. ` + stackProse + `</p>
<p class="paywall">Metered part two. ` + stackProse + `</p>
<div class="paywall"><p>Subscribe to keep reading this story and everything else we publish.</p></div>
</article></body></html>`
	checkKept(t, extractString(t, page), []string{"Free part.", "Metered part one.", "Metered part two."},
		[]string{"Subscribe to keep reading"})
}

// TestStopHeadingCueLine checks that a heading that is both a cue line
// and a stop cue, with a count after it, ends the article in its last
// half (the replies under it go), and that in the first half it goes
// alone.
func TestStopHeadingCueLine(t *testing.T) {
	page := `<html><body><div><h1>Harbour wall rebuilt</h1>
<p>One. ` + stackProse + `</p><p>Two. ` + stackProse + `</p><p>Three. ` + stackProse + `</p>
<h2>Comments (2)</h2><p>Reader: I walked that wall every day as a child, and I am glad to see it rebuilt.</p>
</div></body></html>`
	checkKept(t, extractString(t, page), []string{"One.", "Three."}, []string{"Comments", "I walked that wall"})

	page = `<html><body><div><h1>Harbour wall rebuilt</h1>
<p>One. ` + stackProse + `</p><h2>Reacties</h2>
<p>Two. ` + stackProse + `</p><p>Three. ` + stackProse + `</p><p>Four. ` + stackProse + `</p>
</div></body></html>`
	checkKept(t, extractString(t, page), []string{"One.", "Two.", "Four."}, []string{"Reacties"})
}

// TestStandfirstThenMetaBar checks that the head trim goes on past a
// standfirst kept inside the container, so the byline and date under it
// go, and that it stops at the first paragraph of prose.
func TestStandfirstThenMetaBar(t *testing.T) {
	page := `<html><head><meta name="description" content="The harbour wall is whole again after a winter of work by masons from three villages."></head>
<body><article><header><h1>Harbour wall rebuilt</h1>
<p>The harbour wall is whole again after a winter of work by masons from three villages.</p>
<div>Ada Lind Publicerad 1 december 2026 05:45</div></header>
<div><p>` + stackProse + `</p><p>Short line of the story.</p><p>` + stackProse + `</p></div></article></body></html>`
	checkKept(t, extractString(t, page),
		[]string{"The harbour wall is whole again", "The harbour wall was rebuilt", "Short line of the story."},
		[]string{"Publicerad", "Ada Lind"})
}

// TestEmbedMarker checks which bracketed lines are markers.
func TestEmbedMarker(t *testing.T) {
	for line, want := range map[string]bool{
		"[Gambas:Video 20detik]":           true,
		"[youtube=https://v.example/x]":    true,
		"[embed_video:4411]":               true,
		"[Update: the council replied.]":   false,
		"[Applause]":                       false,
		"[1]":                              false,
		"[See the map: harbour.example/a]": false,
		"Text [Gambas:Video] around":       false,
	} {
		if got := embedMarker(line); got != want {
			t.Errorf("embedMarker(%q) = %v, want %v", line, got, want)
		}
	}
}
