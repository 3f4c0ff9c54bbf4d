// Package readability runs codeberg.org/readeck/go-readability/v2, one of
// the anchors newshound's extractor is measured against, and returns the
// article's plain text.
package readability

import (
	"bytes"
	"fmt"
	"io"
	"net/url"

	readeck "codeberg.org/readeck/go-readability/v2"
)

// fallbackURL stands in for the page address when none is known; the
// library needs one to resolve links.
const fallbackURL = "http://localhost/"

// Text extracts the article body of page as plain text, the way the
// library's own command does with its text output, minus the
// "readerable" pre-check, so that every page gets an answer.
func Text(page []byte, pageURL string) (string, error) {
	return render(page, pageURL, readeck.Article.RenderText)
}

// HTML extracts the article body of page as the library's HTML.
func HTML(page []byte, pageURL string) (string, error) {
	return render(page, pageURL, readeck.Article.RenderHTML)
}

func render(page []byte, pageURL string, out func(readeck.Article, io.Writer) error) (string, error) {
	if pageURL == "" {
		pageURL = fallbackURL
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return "", fmt.Errorf("readability: page URL: %w", err)
	}
	p := readeck.NewParser()
	art, err := p.Parse(bytes.NewReader(page), u)
	if err != nil {
		return "", fmt.Errorf("readability: %w", err)
	}
	if art.Node == nil {
		return "", nil
	}
	var b bytes.Buffer
	if err := out(art, &b); err != nil {
		return "", fmt.Errorf("readability: render: %w", err)
	}
	return b.String(), nil
}
