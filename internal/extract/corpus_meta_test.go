package extract

import (
	"path/filepath"
	"testing"

	"newshound/internal/extract/metascore"
)

// Metadata floors, per field: the share of readability pages whose
// expected value (Readability.js's own output) ours matches, as package
// metascore defines it. Raise them when the extractor improves.
var floorMeta = [metascore.NumFields]float64{
	metascore.Title:     0.744, // 70 of 94 reached (see docs/extraction.md: the truth keeps site names)
	metascore.Byline:    0.859, // 61 of 71
	metascore.Published: 1,     // 32 of 32
	metascore.Lang:      1,     // 71 of 71
	metascore.SiteName:  0.983, // 61 of 62
	metascore.Excerpt:   0.763, // 71 of 93
}

// TestCorpusMetadata measures title, byline, published time, language,
// site name and excerpt against the readability set's
// expected-metadata.json. Where the truth is empty it counts, apart,
// whether we are empty too or give a value; those values are for the eye
// (Readability misses dates we find), not for the score.
func TestCorpusMetadata(t *testing.T) {
	dir := requireCorpus(t)
	var total metascore.Tally
	for _, p := range loadReadability(t, dir) {
		want, err := metascore.ReadTruth(mustRead(t, filepath.Join(dir, "readability", p.name, "expected-metadata.json")))
		if err != nil {
			t.Fatalf("%s: expected-metadata.json: %v", p.name, err)
		}
		art, _ := FromHTML(p.source, "")
		got := metascore.OfArticle(art)
		res := total.Add(want, got)
		if !*corpusPagesFlag {
			continue
		}
		for f := range metascore.NumFields {
			if o := res[f]; o == metascore.Miss || o == metascore.Missing || o == metascore.Extra {
				t.Logf("page %-28s %-9s %-7s want %.120q got %.120q", p.name, f, o, want[f], metascore.Got(f, got))
			}
		}
	}
	for f := range metascore.NumFields {
		share := total.Share(f)
		t.Logf("metadata %-9s match %5.1f%% (%d of %d; missing %d)  truth empty: %d, we too %d, we give one %d", f,
			100*share, total.Count(f, metascore.Match), total.WithTruth(f), total.Count(f, metascore.Missing),
			total.Count(f, metascore.BothEmpty)+total.Count(f, metascore.Extra), total.Count(f, metascore.BothEmpty), total.Count(f, metascore.Extra))
		if share < floorMeta[f] {
			t.Errorf("%s matches on %.1f%% of pages, below the floor %.1f%%", f, 100*share, 100*floorMeta[f])
		}
	}
}
