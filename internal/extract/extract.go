// Package extract turns one HTML page into a news.Article: its metadata
// (title, standfirst, authors, dates, language, site name, lead image,
// canonical URL) and its body as sanitized structured HTML plus plain text.
// It is pure: no I/O, no globals beyond lazily built read-only tables.
package extract

import (
	"errors"
	"fmt"

	"newshound/internal/news"
)

// ErrNoArticle reports a page in which no article body could be found.
var ErrNoArticle = errors.New("extract: no article body found")

// ErrEmpty reports empty input.
var ErrEmpty = errors.New("extract: empty input")

// FromHTML extracts the article in page, a complete HTML document as fetched
// from pageURL (which may be empty). Relative links are resolved against the
// page's <base> or pageURL. Declared non-UTF-8 charsets are decoded.
func FromHTML(page []byte, pageURL string) (news.Article, error) {
	if len(page) == 0 {
		return news.Article{}, ErrEmpty
	}
	doc, err := parse(page)
	if err != nil {
		return news.Article{}, fmt.Errorf("extract: parse: %w", err)
	}
	return fromDoc(doc, pageURL)
}
