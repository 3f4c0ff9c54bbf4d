package extract

import (
	"strings"
	"testing"
)

// The rules below came from the stack-*.html template pages; these cases
// hold each one on a small page of other shapes, so that it is the rule
// and not the page that is tested.

const stackProse = "The harbour wall was rebuilt over the winter with stone taken from the old quarry above the town, " +
	"and the fishing boats came back to the inner basin in March, a month earlier than anyone expected. "

// TestBodyLabelLines checks that an ad slot's "continues below" label and a
// slideshow counter go wherever they stand, while sentences that use the
// same words stay.
func TestBodyLabelLines(t *testing.T) {
	page := `<html><body><article>
<p>` + stackProse + `</p>
<p class="x1">Article continues after this ad</p>
<p>` + stackProse + `The road to the quay stays closed.</p>
<div><span>Photo 2 of 12</span></div>
<p>` + stackProse + `Two of 3 berths reopened.</p>
<p>Weiterlesen nach der Anzeige</p>
<p>The queue continues below the bridge on market days.</p>
<p>` + stackProse + `The council will meet in June.</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{"The road to the quay", "Two of 3 berths", "The queue continues below the bridge", "The council will meet"} {
		if !strings.Contains(art.BodyText, keep) {
			t.Errorf("lost %q:\n%s", keep, art.BodyText)
		}
	}
	for _, gone := range []string{"continues after this ad", "Photo 2 of 12", "nach der Anzeige"} {
		if strings.Contains(art.BodyText, gone) {
			t.Errorf("kept %q:\n%s", gone, art.BodyText)
		}
	}
}

// TestLineNumberGutter checks that the numbers a highlighter sets beside
// code go, and that code which is only numbers, out of sequence, stays.
func TestLineNumberGutter(t *testing.T) {
	page := `<html><body><article>
<p>` + stackProse + `</p>
<table class="gutter-table"><tr><td><pre>1
2
3</pre></td><td><pre>let a = 1
let b = 2
print(a + b)</pre></td></tr></table>
<p>` + stackProse + `</p>
<pre>3
1
2</pre>
<p>` + stackProse + `</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.BodyText, "1\n2\n3") {
		t.Errorf("kept the line numbers:\n%s", art.BodyText)
	}
	for _, keep := range []string{"let a = 1\nlet b = 2", "3\n1\n2"} {
		if !strings.Contains(art.BodyText, keep) {
			t.Errorf("lost %q:\n%s", keep, art.BodyText)
		}
	}
}

// TestCreditOverImage checks a credit set beside the picture rather than in
// its caption: kept as the caption's credit, without its screen-reader
// label, and read into the lead image.
func TestCreditOverImage(t *testing.T) {
	page := `<html><head><meta property="og:image" content="https://cdn.example/1200/harbour-wall-7731.jpg"></head><body><article>
<figure><div><img src="https://cdn.example/640/harbour-wall-7731.jpg.webp" alt="">
<span class="img-copyright"><span class="sr-only">Image source, </span>Ana Ruiz</span></div>
<figcaption><span class="sr-only">Image caption, </span>The new wall at low tide</figcaption></figure>
<p>` + stackProse + stackProse + `</p>
<p>` + stackProse + `</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := `<figcaption>The new wall at low tide <small class="credit">Ana Ruiz</small></figcaption>`
	if !strings.Contains(art.BodyHTML, want) {
		t.Errorf("BodyHTML lacks %q:\n%s", want, art.BodyHTML)
	}
	if art.LeadImage == nil || art.LeadImage.Caption != "The new wall at low tide" || art.LeadImage.Credit != "Ana Ruiz" {
		t.Errorf("LeadImage = %+v, want the figure's caption and credit without labels", art.LeadImage)
	}
}

func TestSameImage(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://x.example/a/photo-of-the-wall.jpg?w=1200", "https://x.example/a/photo-of-the-wall.jpg", true},
		{"https://x.example/1024/branded/_1318_cliff-edge.jpg", "https://x.example/480/cps/_1318_cliff-edge.jpg.webp", true},
		{"https://x.example/uploads/lead-pipes.jpg", "https://x.example/uploads/lead-pipes-1024x576.jpg", true},
		// A bare number names a crop size, not a picture.
		{"https://x.example/media/aaa/master/4000.jpg", "https://x.example/media/bbb/master/4000.jpg", false},
		{"https://x.example/uploads/lead-pipes.jpg", "https://x.example/uploads/lead-valves.jpg", false},
		// A width mark after the name (density-brief.html), but no year.
		{"https://x.example/media/moor-fire.jpg", "https://x.example/media/moor-fire-800.jpg", true},
		{"https://x.example/media/moor-fire_1200w.jpg", "https://x.example/media/moor-fire.jpg", true},
		{"https://x.example/media/moor-fire-2024.jpg", "https://x.example/media/moor-fire.jpg", false},
	}
	for _, tt := range tests {
		if got := sameImage(tt.a, tt.b); got != tt.want {
			t.Errorf("sameImage(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestAppealAfterBody checks that a box asking for support, set beside the
// article after it, does not join it, while a closing section that links
// on stays.
func TestAppealAfterBody(t *testing.T) {
	body := `<div class="body"><p>` + stackProse + `</p>` +
		`<p>Divers spent six weeks setting the lowest course of stone, which had to be laid at the bottom of spring tides, when the water drops far enough, and they worked through two storms.</p>` +
		`<p>The cost, shared by the harbour board, the county and a fund raised by the town, came in below the estimate, because the quarry's stone was cut on the spot rather than shipped in.</p></div>`
	appeal := `<div class="slot"><h2>Before you go</h2><p>We keep our reporting free for everyone to read, and we rely on readers ` +
		`like you to pay for it, so please consider a small regular contribution, which helps us plan, report and investigate for the years ahead.</p>` +
		`<p>Every contribution, however big or small, keeps this work open to all, and means we can go on covering the stories that matter to the town.</p>` +
		`<p><a href="/support">Support us</a> <span>Remind me later</span></p></div>`
	closing := `<div class="slot"><h2>What comes next</h2><p>The harbour board publishes its accounts every spring, and the next meeting, ` +
		`which is open to the public, will be held at the harbour office on the quay, where the plans for the outer wall will be shown.</p>` +
		`<p>Work on the outer wall, which is older and in worse repair, is due to start in two years, if the board can raise the money for it, and the quarry can supply the stone.</p>` +
		`<p><a href="/board">The board's plans</a> <span>PDF, 2 MB</span></p></div>`
	for _, tt := range []struct {
		name, after, keep, gone string
	}{
		{"appeal", appeal, "", "please consider"},
		{"closing section", closing, "The harbour board publishes", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			art, err := FromHTML([]byte(`<html><body><div class="page">`+body+tt.after+`</div></body></html>`), "")
			if err != nil {
				t.Fatal(err)
			}
			if tt.keep != "" && !strings.Contains(art.BodyText, tt.keep) {
				t.Errorf("lost %q:\n%s", tt.keep, art.BodyText)
			}
			if tt.gone != "" && strings.Contains(art.BodyText, tt.gone) {
				t.Errorf("kept %q:\n%s", tt.gone, art.BodyText)
			}
		})
	}
}
