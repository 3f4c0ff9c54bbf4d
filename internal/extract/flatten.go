package extract

import (
	"bytes"

	"golang.org/x/net/html"
)

// The HTML parser refuses documents nested deeper than parserDepth
// elements. Real articles stay far shallower, so a page that is refused is
// flattened: start tags beyond flattenDepth are dropped (their text stays,
// in the deepest kept element) with their end tags, and the page is parsed
// again.
const (
	parserDepth  = 512
	flattenDepth = 256
)

// endTagSearch bounds how far down the open-element stack an end tag looks
// for its start tag, so that stray end tags cost constant time.
const endTagSearch = 64

// openRun is a run of n open elements of one name: a stack of runs stays
// small on the hostile pages that nest one tag thousands of times.
type openRun struct {
	name string
	n    int
}

// closedByItself names the elements whose start tag closes an open element
// of the same name (<p><p>, <li><li>), so that unclosed paragraphs and
// list items do not count as nesting.
var closedByItself = map[string]bool{"p": true, "li": true, "dt": true, "dd": true,
	"tr": true, "td": true, "th": true, "option": true}

// rawText names the elements whose content the tokenizer reads as raw
// text; when their start tag is dropped the content must go too, or a
// script would turn into visible text.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true}

// flatten rewrites page so that no element is opened deeper than limit
// levels, counting open elements the way the parser roughly does. It takes
// one pass of the tokenizer: time linear in the page, memory one copy,
// made only once a token is dropped (a page within the limit and without
// stray end tags comes back as it is).
func flatten(page []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	f := flattener{limit: limit, open: map[string]int{}}
	var out []byte // nil while nothing is dropped
	read := 0      // bytes of page tokenized so far
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if out == nil {
				return page
			}
			return out
		}
		raw := z.Raw()
		read += len(raw)
		if !f.keep(tt, z) {
			if out == nil {
				out = append(make([]byte, 0, len(page)), page[:read-len(raw)]...)
			}
			continue
		}
		if out != nil {
			out = append(out, raw...)
		}
	}
}

// flattener follows the open elements of one page through flatten.
type flattener struct {
	limit   int
	stack   []openRun
	open    map[string]int // open elements by name, all runs together
	depth   int
	leaf    int    // the depth of the one paragraph kept beyond limit, or 0
	skipRaw string // the raw-text element whose dropped content is skipped
}

// keep reports whether the current token of z stays in the page.
func (f *flattener) keep(tt html.TokenType, z *html.Tokenizer) bool {
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		// The parser ignores the self-closing slash on HTML elements.
		name, _ := z.TagName()
		return f.start(string(name))
	case html.EndTagToken:
		name, _ := z.TagName()
		if f.open[string(name)] == 0 && string(name) != "br" {
			// It closes nothing: the parser would walk its whole stack to
			// find that out, and make an empty paragraph of a </p>. (A
			// </br> is a line break.)
			return false
		}
		found, kept := f.pop(string(name))
		if string(name) == f.skipRaw {
			f.skipRaw = ""
		}
		return !found || kept
	case html.TextToken:
		return f.skipRaw == ""
	}
	return true
}

// start opens element name and reports whether its start tag is kept.
func (f *flattener) start(name string) bool {
	if k := len(f.stack) - 1; k >= 0 && closedByItself[name] && f.stack[k].name == name {
		f.pop(name)
	}
	if voidElement(name) {
		return f.depth < f.limit || f.depth == f.leaf
	}
	f.push(name)
	if f.depth <= f.limit {
		return true
	}
	if f.leaf == 0 && name == "p" {
		// A paragraph beyond the limit stays, one at a time, so that the
		// text keeps its breaks. It adds at most one level in the parser,
		// even left open: the next paragraph, list item or block closes
		// it.
		f.leaf = f.depth
		return true
	}
	if rawText[name] {
		f.skipRaw = name
	}
	return false
}

// push opens an element named name.
func (f *flattener) push(name string) {
	if k := len(f.stack) - 1; k >= 0 && f.stack[k].name == name {
		f.stack[k].n++
	} else {
		f.stack = append(f.stack, openRun{name, 1})
	}
	f.open[name]++
	f.depth++
}

// pop closes the innermost open element named name, and the ones above it;
// it reports whether that element was within the kept depth.
func (f *flattener) pop(name string) (found, kept bool) {
	seen := 0
	for k := len(f.stack) - 1; k >= 0 && seen < endTagSearch; k-- {
		if f.stack[k].name == name {
			d := f.depth - seen // the depth of the element closed
			f.depth = d - 1
			kept = d <= f.limit || d == f.leaf
			if d <= f.leaf {
				f.leaf = 0
			}
			f.close(k)
			return true, kept
		}
		seen += f.stack[k].n
	}
	return false, false
}

// close closes the innermost element of run k and every run above it.
func (f *flattener) close(k int) {
	for _, r := range f.stack[k+1:] {
		f.open[r.name] -= r.n
	}
	f.open[f.stack[k].name]--
	f.stack[k].n--
	if f.stack[k].n == 0 {
		f.stack = f.stack[:k]
	} else {
		f.stack = f.stack[:k+1]
	}
}

// voidElement reports whether name never has content or an end tag.
func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr", "keygen":
		return true
	}
	return false
}
