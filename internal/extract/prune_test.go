package extract

import (
	"strings"
	"testing"
)

func TestHiddenClass(t *testing.T) {
	tests := []struct {
		class string
		want  bool
	}{
		{"", false},
		{"hidden", true},
		{"z-1 w-full hidden", true},
		{"cookie_notice Hidden", true},
		{"d-none", true},
		{"gallery-widget is-hidden", true},
		{"hidden md:block", false},    // shown from medium screens up
		{"d-none d-lg-block", false},  // the same in Bootstrap's words
		{"hidden visible-lg", false},  // and in Bootstrap 3's
		{"hidden-xs col-md-4", false}, // hidden on phones only
		{"overflow-hidden", false},    // clips, does not hide
		{"visually-hidden", false},    // screen-reader text: pruned by name instead
		{"article-body hiddenText", false},
	}
	for _, tt := range tests {
		if got := hiddenClass(tt.class); got != tt.want {
			t.Errorf("hiddenClass(%q) = %v, want %v", tt.class, got, tt.want)
		}
	}
}

// A picture whose second copy waits, hidden by class, for a zoom view is
// one figure with its caption, not a gallery; a list hidden by class
// (topics for the ad server) is not read; what is shown on large screens
// only is read.
func TestHiddenByClass(t *testing.T) {
	zoom := `<div class="media"><div role="button" aria-label="Zoom"><figure><img src="/a.jpg" alt=""></figure></div>` +
		`<div class="z-1 w-full hidden"><figure><img src="/a.jpg" alt=""></figure></div>` +
		`<div class="media-caption"><figcaption>The bridge at dawn, before the water rose.</figcaption></div></div>`
	topics := `<ul id="topics" class="hidden"><li>Politics &amp; Government</li><li>Arts &amp; Entertainment</li></ul>`
	wide := `<p class="hidden md:block">The mayor said the defences had held better than anyone had feared, and thanked the volunteers.</p>`
	got := bodyOf(t, prose+zoom+prose+wide+topics, "https://news.example/a.html")
	if !strings.Contains(got, "<figcaption>The bridge at dawn") {
		t.Errorf("the figure's caption is missing:\n%s", got)
	}
	if n := strings.Count(got, "<img"); n != 1 {
		t.Errorf("%d images, want the one shown:\n%s", n, got)
	}
	if strings.Contains(got, "Politics") {
		t.Errorf("the hidden topics list was read:\n%s", got)
	}
	if !strings.Contains(got, "The mayor said") {
		t.Errorf("the paragraph shown on large screens is missing:\n%s", got)
	}
}

// An article that a script is to reveal, hidden by class until then,
// still comes back: the second try, which judges no names, keeps it.
func TestHiddenByClassWholeArticle(t *testing.T) {
	got := bodyOf(t, `<div class="article-body hidden">`+prose+prose+`</div>`, "https://news.example/a.html")
	if !strings.Contains(got, "The river rose two metres") {
		t.Errorf("the article hidden by class was lost:\n%s", got)
	}
}

// The rest of an article behind a "read more" button, hidden by class
// until then, is read: paragraphs of some length are not furniture.
func TestHiddenByClassReadMore(t *testing.T) {
	rest := `<div class="article-rest hidden"><p>The council met again in the evening and agreed to pay for new flood gates on the lower streets, at a cost it did not give.</p>` +
		`<p>Shopkeepers on the riverside said they had lost a week of trade, and asked whether the insurers would pay for the stock they had moved upstairs.</p>` +
		`<p>The river authority said another band of rain was due on Sunday, but that it did not expect the water to reach the level of this week again.</p></div>`
	got := bodyOf(t, prose+`<button>Read more</button>`+rest, "https://news.example/a.html")
	for _, want := range []string{"The council met again", "Shopkeepers on the riverside", "The river authority said"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q, hidden until a reader asks for more, is missing:\n%s", want, got)
		}
	}
}

// TestSignupBoxWithoutForm checks that a newsletter box with a bare email
// field goes with its pitch, mid-article, and that the article around it
// stays whole.
func TestSignupBoxWithoutForm(t *testing.T) {
	box := `<div><div><p>The Morning Brief</p><p>Our best stories in your inbox every weekday.</p>` +
		`<input type="email" placeholder="Your email"><button>Sign up</button></div></div>`
	after := "<p>Insurers said claims from the flood would be settled within a month, and the council offered grants for new doors.</p>"
	page := "<html><body><article>" + prose + box + after + "</article></body></html>"
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"The Morning Brief", "inbox every weekday"} {
		if strings.Contains(art.BodyText, gone) {
			t.Errorf("kept %q:\n%s", gone, art.BodyText)
		}
	}
	for _, kept := range []string{"The river rose two metres", "the bridge would reopen on Friday", "Insurers said claims"} {
		if !strings.Contains(art.BodyText, kept) {
			t.Errorf("lost %q around the box:\n%s", kept, art.BodyText)
		}
	}
}

// TestControlWidgets checks that a prompt set beside its buttons (a
// reaction or feedback widget) goes with them wherever it stands, while a
// gallery or a code sample with buttons keeps its content.
func TestControlWidgets(t *testing.T) {
	const (
		p1 = "<p>The pier reopened on Saturday after two years of repairs to its iron legs, which had rusted through in three places.</p>"
		p2 = "<p>Engineers replaced forty of the legs and the whole of the deck at the seaward end, where the storms did most damage.</p>"
		p3 = "<p>The café at the end of the pier will open at Easter, and the council hopes to bring back the summer concerts.</p>"
	)
	page := `<html><body><article>` + p1 +
		`<div class="r"><span>What did you think?</span> <button>LOL</button> <button>Love</button> <button>Wow</button></div>` + p2 +
		`<div class="g"><button>Previous</button><img src="/pier-1926.jpg" alt=""><button>Next</button><p>The pier in 1926.</p></div>` +
		`<div class="c"><button>Copy</button><button>Run</button><pre><code>pier --legs 40</code></pre></div>` + p3 +
		`</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.BodyText, "What did you think") {
		t.Errorf("kept the reaction widget's prompt:\n%s", art.BodyText)
	}
	for _, kept := range []string{"The pier in 1926.", "pier --legs 40", "The café at the end"} {
		if !strings.Contains(art.BodyText, kept) {
			t.Errorf("lost %q:\n%s", kept, art.BodyText)
		}
	}
	if !strings.Contains(art.BodyHTML, "pier-1926.jpg") {
		t.Errorf("lost the gallery's picture:\n%s", art.BodyHTML)
	}
}

// An aside in the flow of the article's prose with a heading or list of
// its own, or an editor's note or correction, and few links is the
// article's; one of links to other stories, one named as furniture, or a
// pull quote goes as asides do.
func TestAsideInArticleFlow(t *testing.T) {
	after := "<p>Insurers said claims from the flood would be settled within a month, and the council offered grants for new doors.</p>"
	tests := []struct {
		name, aside, probe string
		kept               bool
	}{
		{"key facts", `<aside class="box"><h2>Key facts</h2><ul><li>The river peaked at 4.1 metres on Tuesday night.</li>` +
			`<li>Forty homes were evacuated in two streets.</li></ul></aside>`, "peaked at 4.1", true},
		{"related links", `<aside><h2>Read next</h2><ul><li><a href="/a">Flood defences were cut in last year's budget, papers show</a></li>` +
			`<li><a href="/b">How to claim for flood damage to your home</a></li></ul></aside>`, "How to claim", false},
		{"named furniture", `<aside class="newsletter-promo"><h2>Our river newsletter</h2><ul><li>Weekly news from the valley and its towns.</li>` +
			`<li>Free, every Friday morning, no advertising.</li></ul></aside>`, "every Friday morning", false},
		{"pull quote", `<aside><p>"We had forty minutes to get everyone out of the two streets before the water came."</p></aside>`, "forty minutes", false},
		{"teaser card", `<aside><a href="/c"><h3>How the valley flooded in 1968</h3></a><p>Our archive tells the story of the last great flood, ` +
			`street by street, from the first sandbags to the clean-up that took the rest of the year.</p></aside>`, "street by street", false},
		{"correction", `<aside><p>Correction: An earlier version of this story gave the wrong date for the evacuation.</p></aside>`,
			"gave the wrong date", true},
		{"editor's note first", `<aside><p>Editor's note: Our reporter lives in one of the evacuated streets.</p></aside>`,
			"Our reporter lives", true},
		{"key facts first", `<aside><h2>Key facts</h2><ul><li>The river peaked at 4.1 metres on Tuesday night.</li></ul></aside>`,
			"peaked at 4.1", true},
	}
	for _, tt := range tests {
		page := "<html><body><article>" + prose + tt.aside + after + "</article></body></html>"
		if strings.HasSuffix(tt.name, " first") {
			page = "<html><body><article>" + tt.aside + prose + after + "</article></body></html>"
		}
		art, err := FromHTML([]byte(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(art.BodyText, tt.probe); got != tt.kept {
			t.Errorf("%s: box kept = %v, want %v:\n%s", tt.name, got, tt.kept, art.BodyText)
		}
		if !strings.Contains(art.BodyText, "Insurers said claims") {
			t.Errorf("%s: lost the paragraph after the box:\n%s", tt.name, art.BodyText)
		}
	}
}

// TestPlayerCards checks that a video card left without its player goes
// (named for video, a headline and a running time), while a live page's
// post headings with their times of day stay, set in a <time> or not.
func TestPlayerCards(t *testing.T) {
	const (
		p1 = "<p>The storm reached the coast shortly after dawn, with gusts of up to 90 miles an hour recorded at the harbour, and the council opened two rest centres.</p>"
		p2 = "<p>All ferries to the islands have been cancelled for the rest of the day, the operator said, and passengers were told to check again in the morning.</p>"
		p3 = "<p>About 12,000 homes are without power across the county, the network said, and engineers will not be sent out until the wind drops.</p>"
	)
	card := `<div class="video-card"><img src="/thumb.jpg" alt=""><div class="details"><h3>Watch the waves hit the harbour wall</h3><div class="length">01:48</div></div></div>`
	page := `<html><body><article>` + p1 + card +
		`<h3>Ferries cancelled</h3><p>14:05</p>` + p2 +
		`<div class="post-header"><time>13:40</time><h3>Power cuts spread</h3></div>` + p3 +
		`</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Watch the waves", "01:48", "thumb.jpg"} {
		if strings.Contains(art.BodyHTML, gone) {
			t.Errorf("kept the video card's %q:\n%s", gone, art.BodyHTML)
		}
	}
	for _, kept := range []string{"Ferries cancelled", "14:05", "Power cuts spread", "All ferries", "About 12,000 homes"} {
		if !strings.Contains(art.BodyText, kept) {
			t.Errorf("lost %q:\n%s", kept, art.BodyText)
		}
	}
}
