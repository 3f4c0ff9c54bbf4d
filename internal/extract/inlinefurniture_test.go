package extract

import "testing"

// TestInlineFurniture checks the furniture set inside a paragraph's text:
// a bracketed or parenthesised teaser link after a teaser label goes with
// its label, an ad label in a span goes; a bracketed link after any other
// label, and "Advertisement" in italics (a title), stay.
func TestInlineFurniture(t *testing.T) {
	page := `<html><body><article>
<p>` + boundsProse + `The quay was rebuilt in 1990. [Related: <a href="/q">Quay repairs begin</a>] Boats still run.</p>
<p>` + boundsProse + `Fares rose twice. (READ MORE: <a href="/f">Fares to rise</a>)</p>
<p>` + boundsProse + `The timetable <span class="slot-label">Advertisement</span> changed in May.</p>
<p>` + boundsProse + `The report [see: <a href="/r">the full report</a>] was short, and her film <i>Advertisement</i> ran an hour.</p>
</article></body></html>`
	text := extractString(t, page)
	checkKept(t, text,
		[]string{"rebuilt in 1990. Boats still run.", "Fares rose twice.\n", "The timetable changed in May.",
			"[see: the full report]", "her film Advertisement ran"},
		[]string{"Related", "Quay repairs begin", "READ MORE", "Fares to rise", "timetable Advertisement"})
}
