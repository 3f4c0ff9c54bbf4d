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

	"newshound/internal/extract/metascore"
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

// Meta returns the library's metadata for page in the terms of
// newshound's metadata measure: its byline is one string, which the
// measure splits into names as it does the expected byline; the excerpt
// is the library's (the description, else the first paragraph).
func Meta(page []byte, pageURL string) (metascore.Values, error) {
	art, err := parse(page, pageURL)
	if err != nil {
		return metascore.Values{}, err
	}
	v := metascore.Values{Title: art.Title(), Lang: art.Language(), SiteName: art.SiteName(), Excerpt: art.Excerpt()}
	if b := art.Byline(); b != "" {
		v.Authors = []string{b}
	}
	if t, err := art.PublishedTime(); err == nil {
		v.Published = t
	}
	return v, nil
}

func parse(page []byte, pageURL string) (readeck.Article, error) {
	if pageURL == "" {
		pageURL = fallbackURL
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return readeck.Article{}, fmt.Errorf("readability: page URL: %w", err)
	}
	p := readeck.NewParser()
	art, err := p.Parse(bytes.NewReader(page), u)
	if err != nil {
		return readeck.Article{}, fmt.Errorf("readability: %w", err)
	}
	return art, nil
}

func render(page []byte, pageURL string, out func(readeck.Article, io.Writer) error) (string, error) {
	art, err := parse(page, pageURL)
	if err != nil {
		return "", err
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
