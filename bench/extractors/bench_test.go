package extractors

import (
	"strings"
	"testing"

	"newshound/internal/extract/pagebench"
)

// BenchmarkExtractors runs newshound, go-readability and go-trafilatura
// over the same dev-corpus pages in the same run. One iteration extracts
// every page once; pages/s and B/page are the numbers to compare.
//
//	GOMAXPROCS=1 go test -run '^$' -bench . -benchmem
func BenchmarkExtractors(b *testing.B) {
	dir, err := CorpusDir()
	if err != nil {
		b.Skip(err)
	}
	pages, err := Pages(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, x := range All() {
		b.Run(x.Name, func(b *testing.B) {
			pagebench.Run(b, pages, func(page []byte) { x.Text(page, "") })
		})
	}
}

// TestExtractorsAnswer checks that each extractor, as wired here, returns
// text for a plain article page, so that a broken adapter cannot pass as a
// fast one in the benchmark.
func TestExtractorsAnswer(t *testing.T) {
	page := []byte(`<html><head><title>Ferry</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Ferry timetable approved</h1>
<p>The harbour council voted on Thursday to adopt a winter ferry timetable with a boat every forty minutes between the old pier and the island terminal.</p>
<p>The new schedule starts in December and adds a late crossing on Fridays and Saturdays, which the island's residents had asked for since the night service was withdrawn.</p>
<p>Season tickets will be honoured on every sailing, and single fares stay at their current price until the spring review of the second vessel's running costs.</p>
</article><footer>Harbour Times</footer></body></html>`)
	for _, x := range All() {
		t.Run(x.Name, func(t *testing.T) {
			text, err := x.Text(page, "https://harbour.example/ferry")
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"The harbour council voted on Thursday", "Season tickets will be honoured"} {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q:\n%s", want, text)
				}
			}
		})
	}
}
