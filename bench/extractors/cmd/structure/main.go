// Command structure prints, for newshound, go-readability and
// go-trafilatura, the share of expected headings, block quotes, list items
// and figure captions of the readability dev set that each one's HTML
// keeps, and of the section headings (structure.SectionHeadings: the
// headings less headline and standfirst repeats), measured by
// newshound/internal/extract/structure, as the corpus test of
// internal/extract measures newshound.
//
//	go run ./cmd/structure
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"newshound/bench/extractors"
	"newshound/internal/extract/metascore"
	"newshound/internal/extract/structure"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "structure: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	srcs, err := extractors.ReadabilitySources()
	if err != nil {
		return err
	}
	fmt.Printf("%-12s", "extractor")
	for k := range structure.NumKinds {
		fmt.Printf(" %14s", k)
	}
	fmt.Printf(" %14s\n", "sections")
	for _, x := range extractors.All() {
		var c structure.Count
		var sections structure.Count // only its Heading row is used
		for _, src := range srcs {
			page, err := os.ReadFile(src)
			if err != nil {
				return err
			}
			exp, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected.html"))
			if err != nil {
				return err
			}
			out, err := x.HTML(page, "")
			var got structure.Items
			if err == nil {
				got = structure.Of([]byte(out))
			}
			want := structure.Of(exp)
			c.Add(want, got)
			truth, err := extractors.TruthOf(src)
			if err != nil {
				return err
			}
			var sec structure.Items
			sec[structure.Heading] = structure.SectionHeadings(want, exp, truth[metascore.Title], truth[metascore.Excerpt])
			sections.Add(sec, got)
		}
		fmt.Printf("%-12s", x.Name)
		for k := range structure.NumKinds {
			fmt.Printf(" %13.1f%%", 100*c.Share(k))
		}
		fmt.Printf(" %13.1f%%\n", 100*sections.Share(structure.Heading))
	}
	return nil
}
