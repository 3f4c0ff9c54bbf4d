package extract

import (
	"os"
	"testing"

	"newshound/internal/extract/pagebench"
)

// Speed and memory are measured here, never asserted in unit tests. Run
// on one core, as the targets are stated:
//
//	GOMAXPROCS=1 go test -run '^$' -bench . -benchmem ./internal/extract/
//
// Targets (issue 3): pages/s at least readeck go-readability's and three
// times go-trafilatura's in the same run (bench/extractors/run.sh runs the
// three side by side); hostile pages (10,000 levels of nesting, 10 MB)
// finish in time and memory proportional to their size.

// BenchmarkFromHTML extracts every page of both scored dev sets once per
// iteration and reports pages/s and bytes allocated per page.
func BenchmarkFromHTML(b *testing.B) {
	dir, ok := findCorpus()
	if !ok {
		b.Skip("dev corpus not found: set NEWSHOUND_EXTRACT_CORPUS")
	}
	var pages [][]byte
	for _, p := range corpusPages(b, dir) {
		if isFixture(p) {
			continue // tiny synthetic pages would flatter pages/s
		}
		page, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	pagebench.Run(b, pages, func(page []byte) { FromHTML(page, "") })
}

// BenchmarkHostile measures the pages the bound tests in fuzz_test.go
// only check for a sane answer (hostileCases).
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases() {
		page := c.page()
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				FromHTML(page, "https://bench.example/")
			}
		})
	}
}
