package structure

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		want Items
	}{
		{
			name: "one of each, text normalised",
			doc: `<h2>A  Heading!</h2><blockquote><p>Quoted words</p></blockquote>
<ul><li>One</li><li>Two <b>bold</b></li></ul><figure><img src=x><figcaption>The cap</figcaption></figure><p>not counted</p>`,
			want: Items{{"a heading"}, {"quoted words"}, {"one", "two bold"}, {"the cap"}},
		},
		{
			name: "every heading level, inline runs joined, blocks apart",
			doc:  `<h1>Top</h1><h6>Deep<br>down</h6><h3>in<em>line</em></h3>`,
			want: Items{Heading: {"top", "deep down", "inline"}},
		},
		{
			name: "a list item leaves out its sub-list, whose items count on their own",
			doc:  `<ul><li>Fruit<ul><li>Apple</li><li>Pear<ol><li>Conference</li></ol></li></ul></li><li>Bread</li></ul>`,
			want: Items{ListItem: {"fruit", "apple", "pear", "conference", "bread"}},
		},
		{
			name: "a quote keeps its attribution",
			doc:  `<blockquote><p>We sail at dawn.</p><footer>— Ann Lee, <cite>Harbour Log</cite></footer></blockquote>`,
			want: Items{Quote: {"we sail at dawn ann lee harbour log"}},
		},
		{
			name: "a quote inside a quote counts twice",
			doc:  `<blockquote><p>She wrote:</p><blockquote>Come home.</blockquote></blockquote>`,
			want: Items{Quote: {"she wrote come home", "come home"}},
		},
		{
			name: "only figcaption is a caption",
			doc:  `<figure><img src=x><figcaption>Boats <small>Photo: J. Doe</small></figcaption></figure><table><caption>Tide table</caption></table>`,
			want: Items{Caption: {"boats photo j doe"}},
		},
		{
			name: "elements without words are left out",
			doc:  `<h2> — </h2><li><img src=x></li><figcaption></figcaption>`,
			want: Items{},
		},
		{name: "empty", doc: ``, want: Items{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Of([]byte(tc.doc))); diff != "" {
				t.Errorf("Of (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMissedTexts(t *testing.T) {
	for _, tc := range []struct {
		name      string
		want, got []string
		missed    []string
	}{
		{"exact", []string{"a b c"}, []string{"a b c"}, nil},
		{"each got used once", []string{"x", "x"}, []string{"x"}, []string{"x"}},
		{"a few words more", []string{"one two three four five"}, []string{"one two three four five six"}, nil},
		{"a few words less", []string{"one two three four five six"}, []string{"two three four five six"}, nil},
		{"far shorter", []string{"one two three four five six seven eight nine ten"}, []string{"one two"}, []string{"one two three four five six seven eight nine ten"}},
		{"not contained", []string{"one two three four"}, []string{"one two three five"}, []string{"one two three four"}},
		{"missing", []string{"gone", "here"}, []string{"here"}, []string{"gone"}},
		{
			// "a b c d" is near "a b c d e", but the exact match takes
			// it first, so "a b c d e" is kept too.
			"exact before near",
			[]string{"a b c d", "a b c d e"}, []string{"a b c d e", "a b c d"}, nil,
		},
		{"nothing wanted", nil, []string{"extra"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.missed, MissedTexts(tc.want, tc.got)); diff != "" {
				t.Errorf("MissedTexts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCountExpectedVsGot measures one extraction against its expected
// HTML the way the corpus test and the benchmark do.
func TestCountExpectedVsGot(t *testing.T) {
	expected := `<article>
<h2>Winter timetable</h2>
<p>The council voted.</p>
<blockquote><p>A boat every forty minutes is what the island asked for, and now it has one.</p><p>— Mayor Ann Lee</p></blockquote>
<ul><li>Boats<ul><li>Old pier</li><li>Island terminal</li></ul></li><li>Fares unchanged</li></ul>
<figure><img src=a.jpg><figcaption>The second vessel leaving the old pier on its first winter crossing</figcaption></figure>
<figure><img src=b.jpg><figcaption>The terminal</figcaption></figure>
</article>`
	// The extraction kept the heading with an anchor sign, the quote
	// with its attribution moved to a caption, the nested list flattened
	// beside its item, the first caption with a credit appended; it lost
	// the second caption to a paragraph and dropped a list item.
	got := `<h2>Winter timetable #</h2>
<p>The council voted.</p>
<figure><blockquote><p>A boat every forty minutes is what the island asked for, and now it has one.</p></blockquote><figcaption>Mayor Ann Lee</figcaption></figure>
<ul><li>Boats</li><ul><li>Old pier</li></ul><li>Fares unchanged</li></ul>
<figure><img src=a.jpg><figcaption>The second vessel leaving the old pier on its first winter crossing. Photo: J. Doe</figcaption></figure>
<p>The terminal</p>`
	var c Count
	missed := c.Add(Of([]byte(expected)), Of([]byte(got)))
	wantMissed := Items{ListItem: {"island terminal"}, Caption: {"the terminal"}}
	if diff := cmp.Diff(wantMissed, missed); diff != "" {
		t.Errorf("missed (-want +got):\n%s", diff)
	}
	// The got caption "mayor ann lee" is not expected: extra items cost
	// nothing, the measure is of what was kept.
	wantCount := Count{{1, 1}, {1, 1}, {4, 3}, {2, 1}}
	if diff := cmp.Diff(wantCount, c); diff != "" {
		t.Errorf("count (-want +got):\n%s", diff)
	}
	for k, share := range [NumKinds]float64{1, 1, 0.75, 0.5} {
		if got := c.Share(Kind(k)); got != share {
			t.Errorf("Share(%v) = %v, want %v", Kind(k), got, share)
		}
	}

	// A second page adds to the same tally.
	c.Add(Of([]byte(`<h3>Fares</h3>`)), Items{})
	if c[Heading] != (struct{ Want, Kept int }{2, 1}) {
		t.Errorf("after a page that lost its heading: %+v, want {2 1}", c[Heading])
	}
}

func TestShareWithNothingWanted(t *testing.T) {
	var c Count
	c.Add(Items{}, Of([]byte(`<h2>Extra</h2>`)))
	if got := c.Share(Heading); got != 1 {
		t.Errorf("Share with nothing wanted = %v, want 1", got)
	}
}

func TestKindString(t *testing.T) {
	var names []string
	for k := range NumKinds {
		names = append(names, k.String())
	}
	if got, want := strings.Join(names, ", "), "headings, block quotes, list items, captions"; got != want {
		t.Errorf("kind names = %q, want %q", got, want)
	}
	if got := NumKinds.String(); got != "unknown" {
		t.Errorf("NumKinds.String() = %q, want unknown", got)
	}
}

// TestOfDeepNesting: a document the HTML parser refuses has nothing to
// count, and no panic.
func TestOfDeepNesting(t *testing.T) {
	doc := strings.Repeat("<div>", 1000) + "<h2>Deep</h2>"
	var total int
	for _, items := range Of([]byte(doc)) {
		total += len(items)
	}
	if total != 0 {
		t.Errorf("Of on a page nested past the parser's limit found %d items, want 0", total)
	}
}

func TestSectionHeadings(t *testing.T) {
	doc := []byte(`<h2 itemprop="headline">Why the Tide Turned</h2>
<h2 itemprop="description">A dek set as a heading, said once.</h2>
<h3>The Harbour Master's Log</h3><h3>What Comes Next</h3><h4>Ferry Times: Summer</h4>`)
	want := Of(doc)
	// Title and excerpt repeat a heading each, in other case and
	// punctuation; microdata names the first two.
	got := SectionHeadings(want, doc, "Ferry times - summer", "What comes next?")
	if diff := cmp.Diff([]string{"the harbour master s log"}, got); diff != "" {
		t.Errorf("SectionHeadings (-want +got):\n%s", diff)
	}
	// Without metadata only the marked headings go.
	if got := SectionHeadings(want, doc, "", ""); len(got) != 3 {
		t.Errorf("with no title or excerpt: %q, want the 3 unmarked headings", got)
	}
}

func TestWithoutNearMatch(t *testing.T) {
	items := []string{"minecraft 1 8 the bountiful update", "how it was found", "see also"}
	got := Without(items, "Minecraft 1.8 – The Bountiful Update | The Block Game Blog", "See also")
	// The heading is 6 of the title's 10 words: under the 80% a near
	// match needs, so it stays.
	if diff := cmp.Diff([]string{"minecraft 1 8 the bountiful update", "how it was found"}, got); diff != "" {
		t.Errorf("Without (-want +got):\n%s", diff)
	}
	got = Without(items, "Minecraft 1.8: the Bountiful Update")
	if diff := cmp.Diff([]string{"how it was found", "see also"}, got); diff != "" {
		t.Errorf("Without, same words (-want +got):\n%s", diff)
	}
}
