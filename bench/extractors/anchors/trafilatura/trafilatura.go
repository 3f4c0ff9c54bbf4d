// Package trafilatura runs github.com/markusmobius/go-trafilatura, one of
// the anchors newshound's extractor is measured against, and returns the
// article's plain text.
package trafilatura

import (
	"bytes"
	"fmt"
	"net/url"

	gotraf "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Text extracts the article body of page as plain text with the library's
// default settings (fallback extractors on) and comments left out, since
// only the body is scored.
func Text(page []byte, pageURL string) (string, error) {
	res, err := run(page, pageURL)
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}

// HTML extracts the article body of page as the library's HTML, with the
// same settings as Text.
func HTML(page []byte, pageURL string) (string, error) {
	res, err := run(page, pageURL)
	if err != nil || res.ContentNode == nil {
		return "", err
	}
	var b bytes.Buffer
	if err := html.Render(&b, res.ContentNode); err != nil {
		return "", fmt.Errorf("trafilatura: render: %w", err)
	}
	return b.String(), nil
}

func run(page []byte, pageURL string) (*gotraf.ExtractResult, error) {
	opts := gotraf.Options{EnableFallback: true, ExcludeComments: true}
	if pageURL != "" {
		u, err := url.Parse(pageURL)
		if err != nil {
			return nil, fmt.Errorf("trafilatura: page URL: %w", err)
		}
		opts.OriginalURL = u
	}
	res, err := gotraf.Extract(bytes.NewReader(page), opts)
	if err != nil {
		return nil, fmt.Errorf("trafilatura: %w", err)
	}
	return res, nil
}
