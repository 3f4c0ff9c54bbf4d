package demo

import (
	"strings"

	"golang.org/x/net/html"
)

// blocks are the elements whose text stands as its own paragraph.
var blocks = map[string]bool{
	"p": true, "h2": true, "h3": true, "li": true, "blockquote": true,
	"figcaption": true, "footer": true, "section": true,
}

// plainText turns a body of our own HTML into plain text: one paragraph per
// block element, paragraphs split by blank lines, whitespace folded.
func plainText(body string) string {
	z := html.NewTokenizer(strings.NewReader(body))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			cur.Write(z.Text())
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			if blocks[string(name)] {
				flush()
			}
		}
	}
}
