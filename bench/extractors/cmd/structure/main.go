// Command structure prints, for newshound, go-readability and
// go-trafilatura, the share of expected headings, block quotes, list items
// and figure captions of the readability dev set that each one's HTML
// keeps.
//
//	go run ./cmd/structure
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"newshound/bench/extractors"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "structure: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := extractors.CorpusDir()
	if err != nil {
		return err
	}
	srcs, err := filepath.Glob(filepath.Join(dir, "readability", "*", "source.html"))
	if err != nil {
		return err
	}
	fmt.Printf("%-12s", "extractor")
	for _, n := range extractors.KindNames {
		fmt.Printf(" %14s", n)
	}
	fmt.Println()
	for _, x := range extractors.All() {
		var want, kept [extractors.NumKinds]int
		for _, src := range srcs {
			page, err := os.ReadFile(src)
			if err != nil {
				return err
			}
			exp, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected.html"))
			if err != nil {
				return err
			}
			w := extractors.StructureOf(exp)
			out, err := x.HTML(page, "")
			var g extractors.Structure
			if err == nil {
				g = extractors.StructureOf([]byte(out))
			}
			for k := range extractors.NumKinds {
				want[k] += len(w[k])
				kept[k] += extractors.Kept(w[k], g[k])
			}
		}
		fmt.Printf("%-12s", x.Name)
		for k := range extractors.NumKinds {
			fmt.Printf(" %13.1f%%", 100*float64(kept[k])/float64(max(want[k], 1)))
		}
		fmt.Println()
	}
	return nil
}
