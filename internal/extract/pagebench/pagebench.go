// Package pagebench times an article extractor over a set of pages and
// reports the two numbers the speed targets of issue 3 are stated in:
// pages extracted per second and bytes allocated per page.
//
// Both newshound's own benchmark (internal/extract) and the side-by-side
// comparison with other extractors (bench/extractors) report through it,
// so that their pages/s and B/page mean the same thing.
package pagebench

import (
	"runtime"
	"testing"
)

// Run extracts every page once per benchmark iteration and reports
// pages/s and B/page beside the usual ns/op, MB/s and allocs/op.
// extract's result is ignored: checking answers is for tests.
func Run(b *testing.B, pages [][]byte, extract func(page []byte)) {
	b.Helper()
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n := 0
	for b.Loop() {
		for _, p := range pages {
			extract(p)
		}
		n++
	}
	runtime.ReadMemStats(&after)
	total := float64(n * len(pages))
	if total == 0 {
		return // no pages: nothing per page to report
	}
	b.ReportMetric(total/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/total, "B/page")
}
