// Package extractors compares newshound's article extractor with two
// anchors, codeberg.org/readeck/go-readability/v2 and
// github.com/markusmobius/go-trafilatura, on the same pages in the same
// run. It is its own module so that the anchors never become dependencies
// of the product. See run.sh for the full measurement.
package extractors

import (
	"fmt"
	"os"
	"path/filepath"

	"newshound/bench/extractors/anchors/readability"
	"newshound/bench/extractors/anchors/trafilatura"
	"newshound/internal/extract"
	"newshound/internal/extract/metascore"
)

// Extractor is one library under comparison: a name and functions from
// page bytes to the article's text and to its HTML.
type Extractor struct {
	Name string
	Text func(page []byte, pageURL string) (string, error)
	HTML func(page []byte, pageURL string) (string, error)
}

// All lists the extractors compared, newshound first.
func All() []Extractor {
	return []Extractor{
		{"newshound", newshoundText, newshoundHTML},
		{"readability", readability.Text, readability.HTML},
		{"trafilatura", trafilatura.Text, trafilatura.HTML},
	}
}

func newshoundText(page []byte, pageURL string) (string, error) {
	art, err := extract.FromHTML(page, pageURL)
	return art.BodyText, err
}

func newshoundHTML(page []byte, pageURL string) (string, error) {
	art, err := extract.FromHTML(page, pageURL)
	return art.BodyHTML, err
}

// CorpusDir returns the dev corpus directory: NEWSHOUND_EXTRACT_CORPUS, or
// shared/corpus/extract-dev beside the project's work tree.
func CorpusDir() (string, error) {
	dir := os.Getenv("NEWSHOUND_EXTRACT_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus", "extract-dev")
	}
	if st, err := os.Stat(filepath.Join(dir, "readability")); err != nil || !st.IsDir() {
		return "", fmt.Errorf("dev corpus not found at %s: set NEWSHOUND_EXTRACT_CORPUS", dir)
	}
	return dir, nil
}

// ReadabilitySources finds the dev corpus and lists the pages of its
// readability set, whose folders also hold the expected structure and
// metadata beside each source.html.
func ReadabilitySources() ([]string, error) {
	dir, err := CorpusDir()
	if err != nil {
		return nil, err
	}
	return filepath.Glob(filepath.Join(dir, "readability", "*", "source.html"))
}

// TruthOf reads the expected metadata (Readability.js's own output) of
// the readability page whose source.html is src.
func TruthOf(src string) (metascore.Truth, error) {
	b, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected-metadata.json"))
	if err != nil {
		return metascore.Truth{}, err
	}
	t, err := metascore.ReadTruth(b)
	if err != nil {
		return metascore.Truth{}, fmt.Errorf("%s: %w", src, err)
	}
	return t, nil
}

// Pages reads the HTML of both scored dev sets (readability and
// trafilatura), in a stable order.
func Pages(dir string) ([][]byte, error) {
	var paths []string
	for _, pat := range []string{"readability/*/source.html", "trafilatura/html/*.html"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			return nil, err
		}
		paths = append(paths, m...)
	}
	pages := make([][]byte, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		pages = append(pages, b)
	}
	return pages, nil
}
