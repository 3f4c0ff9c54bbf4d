// Command trafilatura prints the article text that the trafilatura anchor extracts
// from one HTML file (or standard input, "-"), for the scorer:
//
//	extractscore -set DIR -cmd 'bin/trafilatura {file}'
//
// It links only that one library, so that its start-up time is the
// library's own when one process runs per page.
package main

import (
	"fmt"
	"io"
	"os"

	"newshound/bench/extractors/anchors/trafilatura"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: trafilatura FILE (or - for standard input)")
		os.Exit(2)
	}
	page, err := read(os.Args[1])
	if err == nil {
		var text string
		text, err = trafilatura.Text(page, "")
		if err == nil {
			_, err = fmt.Println(text)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "trafilatura: %v\n", err)
		os.Exit(1)
	}
}

// read returns the bytes of the named file, or of standard input for "-".
func read(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(name)
}
