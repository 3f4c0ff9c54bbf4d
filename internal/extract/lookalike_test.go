package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestNewsThatLooksLikeFurniture holds sentences and boxes of real news
// that resemble the furniture rules added for the template pages (found
// by a review of those rules): each must stay, with the paragraph after it.
func TestNewsThatLooksLikeFurniture(t *testing.T) {
	var lead strings.Builder
	for i := range 5 {
		fmt.Fprintf(&lead, "<p>Flood water reached the ground floors of %d streets overnight, and crews worked until dawn to pump out the school, the library and the health centre.</p>", i+3)
	}
	const after = "The council will meet on Monday to decide how to spend the emergency fund"
	for _, tc := range []struct{ name, html, probe string }{
		{"affiliation linked", `<p>The gunman's affiliation with the militia was linked by investigators to two earlier attacks on the valley road.</p>`, "affiliation with the militia"},
		{"affiliate provision", `<p>The company's Chinese affiliate said the new provision would take effect next year.</p>`, "Chinese affiliate"},
		{"stop word heading in Indonesian", `<h2>Komentar Presiden</h2><p>Presiden meminta warga tetap tenang dan mengikuti arahan petugas di lapangan.</p>`, "Komentar Presiden"},
		{"stop word bold line", `<p><strong>Komentar Presiden</strong></p><p>Presiden meminta warga tetap tenang dan mengikuti arahan petugas di lapangan.</p>`, "Komentar Presiden"},
		{"relief fund box", `<div><h3>How to help</h3><p>The Red Cross has opened a fund for the 40 families who lost their homes, and the town hall is collecting blankets.</p><p><a href="https://relief.example/fund">Donate now</a></p></div>`, "The Red Cross has opened a fund"},
		{"provided by in a sentence", `<p>Provided by the county, the shelters will open on Monday and stay open through March.</p>`, "Provided by the county"},
		{"footnote toggles", `<p>The court ruled 5–4 that the flood defences were the state's to pay for.<button class="fn">1</button><button class="fn">2</button></p>`, "The court ruled 5–4"},
		{"a word of the sentence in a span", `<p>Ruiz worked for twenty years in <span class="term">advertising</span> before she joined the council in 2019, she said.</p>`, "years in advertising before"},
		{"live post with video", `<div class="live-post post-with-video"><span>14:05</span><p>Firefighters have reached the flooded school.</p></div>`, "Firefighters have reached"},
	} {
		for _, where := range []string{"middle", "end"} {
			body := lead.String()[:len(lead.String())/2] + tc.html + lead.String()[len(lead.String())/2:] + "<p>" + after + ", the mayor said.</p>"
			if where == "end" {
				body = lead.String() + tc.html + "<p>" + after + ", the mayor said.</p>"
			}
			art, err := FromHTML([]byte("<html><body><article>"+body+"</article></body></html>"), "")
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{tc.probe, after} {
				if !strings.Contains(art.BodyText, want) {
					t.Errorf("%s, in the %s: lost %q:\n%s", tc.name, where, want, art.BodyText)
				}
			}
		}
	}
}

// TestHiddenStoryBeforeNoscriptNotice checks the order of the tries: a
// story hidden by a utility class (a script was to show it) on a page
// whose <noscript> holds a notice about JavaScript comes from the try
// without names, not from the page read with scripting off.
func TestHiddenStoryBeforeNoscriptNotice(t *testing.T) {
	page := `<html><head><title>Harbour bridge to close</title></head><body><noscript><div class="notice"><p>You need JavaScript enabled to use all the features of this website, including the video player, the interactive maps and the crossword. Please turn JavaScript on in the settings of your browser and reload this page to continue.</p></div></noscript>
<main><h1>Harbour bridge to close</h1><div class="story-body d-none"><p>The city council voted on Tuesday to close the old harbour bridge for repairs, a decision that will divert traffic for most of next year.</p><p>Engineers found corrosion in three of the bridge's main supports during an inspection in the spring, according to a report.</p></div></main></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "Engineers found corrosion") || strings.Contains(art.BodyText, "JavaScript") {
		t.Errorf("want the hidden story, not the notice:\n%s", art.BodyText)
	}
}

// TestBareCueHeadingOverProse checks that a bare cue heading over the
// story's prose in the first half ("Reacties": reactions) does not end
// the article, as a count of replies would. In the second half such a
// heading still ends it: without names, a comment thread under a bare
// "Comments" reads the same (see TestStopHeadingCueLine).
func TestBareCueHeadingOverProse(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article>")
	for i := range 5 { // over 600 characters: a count of replies here would end the story
		fmt.Fprintf(&b, "<p>De dijk bij het dorp brak op %d plaatsen door, en het water stond in de nacht tot aan de ramen van de lage huizen aan de rivier.</p>", i+2)
	}
	b.WriteString("<h2>Reacties</h2><p>De burgemeester zei dat de gemeente de schade aan de dijk zo snel mogelijk wil laten herstellen.</p>")
	for i := range 6 {
		fmt.Fprintf(&b, "<p>Bewoners van de lage straten krijgen een vergoeding voor hun kapotte vloeren en deuren, deel %d van de regeling.</p>", i+1)
	}
	b.WriteString("</article></body></html>")
	art, err := FromHTML([]byte(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"De burgemeester zei", "deel 6 van de regeling"} {
		if !strings.Contains(art.BodyText, want) {
			t.Errorf("lost %q:\n%s", want, art.BodyText)
		}
	}
}
