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
// opts go to the parser (fromNoscript turns scripting off).
func parse(page []byte, opts ...html.ParseOption) (*html.Node, error) {
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
	page, tags := capElements(page, maxElements, maxTags)
	if limit := depthBudget / max(tags, 1); limit < parserDepth {
		page = flatten(page, limit)
	}
	doc, err := html.ParseWithOptions(bytes.NewReader(page), opts...)
	if err == nil {
		return doc, nil
	}
	// Too deeply nested for the parser: flatten the deepest levels and try
	// again, shallower once more if the parser's count ran ahead of ours.
	for limit := flattenDepth; limit >= flattenDepth/4; limit /= 2 {
		if doc, err2 := html.ParseWithOptions(bytes.NewReader(flatten(page, limit)), opts...); err2 == nil {
			return doc, nil
		}
	}
	return nil, err
}

// maxElements caps how many start tags of a page are parsed. The largest
// page of the dev corpus has under 10,000 elements; ten times that leaves
// real articles whole, and bounds the tree, and so every pass over it, on
// hostile pages (10 MB of links is over half a million elements).
const maxElements = 100_000

// maxTags caps start and end tags together, ten times the dev corpus's
// most (19,216). End tags count because a stray </p> makes an element
// and any end tag may walk the parser's stack: 10 MB of "</p>" was 2.6
// million elements.
const maxTags = 200_000

// depthBudget bounds a page's tags times its depth. Each tag may walk the
// parser's stack of open elements (scope checks: a <p> looks for a
// paragraph to close, an end tag for its element), so a page with more
// than depthBudget/parserDepth tags (23,437) is flattened first to
// depthBudget/tags levels: 60 at the tag cap. The dev corpus has at most
// 19,216 tags, and 38 levels.
const depthBudget = 12_000_000

// capElements returns page cut before its (maxStart+1)th start tag or its
// (maxAll+1)th tag of either kind, and the number of tags kept; the parser
// closes whatever is open at the cut. Comments and the content of
// raw-text elements (script, style, noscript, ...) hold no tags, however
// they look. The count is a byte scan, not a parse: a "<" inside an
// attribute value may count, which only moves the cut earlier.
func capElements(page []byte, maxStart, maxAll int) ([]byte, int) {
	n, all := 0, 0
	for i := 0; i < len(page); i++ {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := page[i+1:]
		if bytes.HasPrefix(rest, []byte("!--")) {
			k := bytes.Index(rest[3:], []byte("-->"))
			if k < 0 {
				break // the rest of the page is one comment
			}
			i += 3 + k + 3
			continue
		}
		if len(rest) > 1 && rest[0] == '/' && isASCIILetter(rest[1]) {
			if all++; all > maxAll {
				return page[:i], maxAll
			}
			continue
		}
		if len(rest) == 0 || !isASCIILetter(rest[0]) {
			continue
		}
		n++
		if all++; n > maxStart || all > maxAll {
			return page[:i], all - 1
		}
		name := rawTextTag(rest)
		if name == "plaintext" {
			break // the rest of the page is text
		}
		if name != "" {
			k := rawTextEnd(rest, name)
			if k < 0 {
				break
			}
			i += k
		}
	}
	return page, all
}

// isASCIILetter reports whether c opens a tag name after "<".
func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// rawTextNames are the keys of rawText, for a scan that allocates nothing.
var rawTextNames = [...]string{"script", "style", "textarea", "title", "xmp", "iframe",
	"noembed", "noframes", "noscript", "plaintext"}

// rawTextTag returns the name of the raw-text element whose start tag b
// begins with (b follows the "<"), or "".
func rawTextTag(b []byte) string {
	switch b[0] | 0x20 {
	case 's', 't', 'x', 'i', 'n', 'p':
	default:
		return ""
	}
	for _, name := range rawTextNames {
		if len(b) > len(name) && bytes.EqualFold(b[:len(name)], []byte(name)) {
			switch b[len(name)] {
			case ' ', '\t', '\n', '\r', '\f', '/', '>':
				return name
			}
		}
	}
	return ""
}

// rawTextEnd returns the offset in b of the end tag that closes the
// raw-text element name, or -1 when there is none.
func rawTextEnd(b []byte, name string) int {
	for k := 0; ; {
		j := bytes.Index(b[k:], []byte("</"))
		if j < 0 {
			return -1
		}
		k += j + 2
		if len(b)-k >= len(name) && bytes.EqualFold(b[k:k+len(name)], []byte(name)) {
			return k
		}
	}
}
