// Command metadata prints, for newshound and go-readability, the share of
// the readability dev set's pages whose expected metadata (title, byline,
// published time, language, site name, excerpt) each one matches, by
// newshound/internal/extract/metascore, as the corpus test of
// internal/extract measures newshound. go-trafilatura is left out: its
// metadata is another library's, and the expected values are
// Readability.js's.
//
//	go run ./cmd/metadata
package main

import (
	"fmt"
	"os"

	"newshound/bench/extractors"
	"newshound/bench/extractors/anchors/readability"
	"newshound/internal/extract"
	"newshound/internal/extract/metascore"
)

// metaFunc reads one page's metadata.
type metaFunc func(page []byte, pageURL string) (metascore.Values, error)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "metadata: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	srcs, err := extractors.ReadabilitySources()
	if err != nil {
		return err
	}
	fmt.Printf("%-12s", "extractor")
	for f := range metascore.NumFields {
		fmt.Printf(" %10s", f)
	}
	fmt.Println("   (share matched; then, where the truth is empty, pages given a value)")
	for _, x := range []struct {
		name string
		meta metaFunc
	}{{"newshound", newshound}, {"readability", readability.Meta}} {
		var t metascore.Tally
		for _, src := range srcs {
			page, err := os.ReadFile(src)
			if err != nil {
				return err
			}
			want, err := extractors.TruthOf(src)
			if err != nil {
				return err
			}
			got, _ := x.meta(page, "") // a failed page scores as empty
			t.Add(want, got)
		}
		fmt.Printf("%-12s", x.name)
		for f := range metascore.NumFields {
			fmt.Printf(" %9.1f%%", 100*t.Share(f))
		}
		fmt.Printf("\n%-12s", "")
		for f := range metascore.NumFields {
			fmt.Printf(" %5d of %2d", t.Count(f, metascore.Extra), t.Count(f, metascore.Extra)+t.Count(f, metascore.BothEmpty))
		}
		fmt.Println()
	}
	return nil
}

func newshound(page []byte, pageURL string) (metascore.Values, error) {
	art, err := extract.FromHTML(page, pageURL)
	return metascore.OfArticle(art), err
}
