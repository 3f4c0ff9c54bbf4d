package extract

import (
	"bytes"

	"golang.org/x/net/html"
)

// The HTML parser refuses documents nested deeper than 512 elements. Real
// articles stay far shallower, so a page that is refused is flattened: start
// tags beyond flattenDepth are dropped (their text stays, in the deepest
// kept element) with their end tags, and the page is parsed again.
const flattenDepth = 256

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
// one pass of the tokenizer: time linear in the page, memory one copy.
func flatten(page []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	out := bytes.NewBuffer(make([]byte, 0, len(page)))
	var stack []openRun
	depth := 0
	skipRaw := ""
	push := func(name string) {
		if k := len(stack) - 1; k >= 0 && stack[k].name == name {
			stack[k].n++
		} else {
			stack = append(stack, openRun{name, 1})
		}
		depth++
	}
	// pop closes the innermost open element named name, and the ones above
	// it; it reports whether that element was within the kept depth.
	pop := func(name string) (found, kept bool) {
		seen := 0
		for k := len(stack) - 1; k >= 0 && seen < endTagSearch; k-- {
			if stack[k].name == name {
				depth -= seen + 1
				kept = depth < limit
				stack[k].n--
				if stack[k].n == 0 {
					stack = stack[:k]
				} else {
					stack = stack[:k+1]
				}
				return true, kept
			}
			seen += stack[k].n
		}
		return false, false
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			// The parser ignores the self-closing slash on HTML elements.
			name, _ := z.TagName()
			void := voidElement(string(name))
			if len(stack) > 0 && closedByItself[string(name)] && stack[len(stack)-1].name == string(name) {
				pop(string(name))
			}
			if void && depth >= limit {
				continue
			}
			if void {
				break
			}
			push(string(name))
			if depth > limit {
				if rawText[string(name)] {
					skipRaw = string(name)
				}
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			found, kept := pop(string(name))
			if string(name) == skipRaw {
				skipRaw = ""
			}
			if found && !kept {
				continue
			}
		case html.TextToken:
			if skipRaw != "" {
				continue
			}
		}
		out.Write(raw)
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
