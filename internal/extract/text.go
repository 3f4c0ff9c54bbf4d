package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainText renders the clean body as plain text: every paragraph,
// heading, list item, caption, quote paragraph and table cell on its own
// paragraph, separated by blank lines, whitespace collapsed; <br> and
// <pre> line breaks kept. Photo credits are left out.
func plainText(root *html.Node) string {
	var t textWriter
	t.walk(root)
	t.flush()
	return strings.Join(t.paras, "\n\n")
}

type textWriter struct {
	cur   strings.Builder
	paras []string
	pre   int
}

func (t *textWriter) flush() {
	s := t.cur.String()
	t.cur.Reset()
	var lines []string
	for _, ln := range strings.Split(s, "\n") {
		if t.pre == 0 {
			ln = collapse(ln)
		} else {
			ln = strings.TrimRight(ln, " \t\r")
		}
		if strings.TrimSpace(ln) != "" {
			lines = append(lines, ln)
		}
	}
	if len(lines) > 0 {
		t.paras = append(t.paras, strings.Join(lines, "\n"))
	}
}

func (t *textWriter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if t.pre > 0 {
				t.cur.WriteString(c.Data)
			} else {
				t.cur.WriteString(strings.ReplaceAll(c.Data, "\n", " "))
			}
		case html.ElementNode:
			if c.DataAtom == atom.Br {
				t.cur.WriteByte('\n')
				continue
			}
			block := isBlock(c.DataAtom) || c.DataAtom == atom.Dl
			if block {
				t.flush()
			}
			if c.DataAtom == atom.Pre {
				t.pre++
			}
			if c.DataAtom == atom.Small && attr(c, "class") == "credit" {
				// A photo credit is attribution, like a byline: the HTML
				// keeps it, the article text does not.
				continue
			}
			t.walk(c)
			if c.DataAtom == atom.Pre {
				t.flush()
				t.pre--
			}
			if block {
				t.flush()
			}
		}
	}
}
