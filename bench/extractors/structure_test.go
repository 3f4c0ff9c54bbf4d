package extractors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStructureOf(t *testing.T) {
	got := StructureOf([]byte(`<h2>A  Heading!</h2><blockquote><p>Quoted words</p></blockquote>
<ul><li>One</li><li>Two <b>bold</b><ol><li>sub</li></ol></li></ul><figure><img src=x><figcaption>The cap</figcaption></figure><p>not counted</p>`))
	want := Structure{{"a heading"}, {"quoted words"}, {"one", "two bold", "sub"}, {"the cap"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("StructureOf (-want +got):\n%s", diff)
	}
}

func TestKept(t *testing.T) {
	for _, tc := range []struct {
		name      string
		want, got []string
		kept      int
	}{
		{"exact", []string{"a b c"}, []string{"a b c"}, 1},
		{"each got used once for exact", []string{"x", "x"}, []string{"x"}, 1},
		{"a few words more", []string{"one two three four five"}, []string{"one two three four five six"}, 1},
		{"far shorter", []string{"one two three four five six seven eight nine ten"}, []string{"one two"}, 0},
		{"missing", []string{"gone"}, []string{"here"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Kept(tc.want, tc.got); got != tc.kept {
				t.Errorf("Kept = %d, want %d", got, tc.kept)
			}
		})
	}
}
