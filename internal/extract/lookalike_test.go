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
