package pagebench

import (
	"testing"
)

var sink []byte

// TestRunReportsPerPage runs Run under testing.Benchmark with an
// extractor that allocates a known amount per page, and checks that every
// page is extracted each iteration and that the per-page numbers follow.
func TestRunReportsPerPage(t *testing.T) {
	pages := [][]byte{[]byte("<p>one</p>"), []byte("<p>two</p>"), []byte("<p>three</p>")}
	calls := 0
	var iterations int
	res := testing.Benchmark(func(b *testing.B) {
		calls = 0
		Run(b, pages, func(page []byte) {
			calls++
			sink = make([]byte, 4096+len(page))
		})
		iterations = b.N
	})
	if res.N == 0 || calls != iterations*len(pages) {
		t.Fatalf("%d calls in %d iterations of %d pages", calls, iterations, len(pages))
	}
	if got := res.Extra["pages/s"]; got <= 0 {
		t.Errorf("pages/s = %v, want > 0", got)
	}
	// At least what the extractor allocated; the benchmark's own
	// bookkeeping adds a little, never 16 times as much.
	if got := res.Extra["B/page"]; got < 4096 || got > 16*4096 {
		t.Errorf("B/page = %v, want between 4096 and %d", got, 16*4096)
	}
	if want := int64(len("<p>one</p><p>two</p><p>three</p>")); res.Bytes != want {
		t.Errorf("bytes per op = %d, want %d (the pages' size)", res.Bytes, want)
	}
}

// TestRunNoPages: without pages there is no per-page number to report,
// and no division by zero.
func TestRunNoPages(t *testing.T) {
	res := testing.Benchmark(func(b *testing.B) {
		Run(b, nil, func([]byte) { t.Error("extract called without pages") })
	})
	if _, ok := res.Extra["pages/s"]; ok {
		t.Errorf("pages/s reported without pages: %v", res.Extra)
	}
}
