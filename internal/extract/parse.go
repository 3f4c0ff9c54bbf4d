package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// maxInput caps how much of a page is parsed; real articles are far smaller
// and the cap bounds time and memory on hostile input.
const maxInput = 12 << 20

// parse decodes page to UTF-8 and parses it into a DOM. A page that is valid
// UTF-8 is read as UTF-8 whatever it declares (saved pages often keep a
// stale declaration); otherwise the BOM or <meta> charset decides, with
// windows-1252 as the last resort, so broken bytes never stop the parse.
func parse(page []byte) (*html.Node, error) {
	if len(page) > maxInput {
		page = page[:maxInput]
	}
	if !utf8.Valid(page) {
		if enc, _, _ := charset.DetermineEncoding(page, "text/html"); enc != nil {
			if dec, _, err := transform.Bytes(enc.NewDecoder(), page); err == nil {
				page = dec
			}
		}
		// Whatever is still broken (a UTF-8 page cut mid-character, stray
		// bytes) becomes U+FFFD, so that no invalid text reaches the output.
		if !utf8.Valid(page) {
			page = bytes.ToValidUTF8(page, []byte("\uFFFD"))
		}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err == nil {
		return doc, nil
	}
	// Too deeply nested for the parser: flatten the deepest levels and try
	// again, shallower once more if the parser's count ran ahead of ours.
	for limit := flattenDepth; limit >= flattenDepth/4; limit /= 2 {
		if doc, err2 := html.Parse(bytes.NewReader(flatten(page, limit))); err2 == nil {
			return doc, nil
		}
	}
	return nil, err
}
