package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// lazySrcAttrs are the attributes lazy-loading scripts read the real image
// URL from, most specific first.
var lazySrcAttrs = [...]string{
	"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url",
	"data-hi-res-src", "data-full-src", "data-orig-src", "data-actualsrc",
	"data-img-src", "data-image", "data-echo", "data-pagespeed-lazy-src",
}

// lazySrcsetAttrs carry a lazy srcset.
var lazySrcsetAttrs = [...]string{"data-srcset", "data-lazy-srcset", "data-original-srcset"}

// fixLazyImage gives an <img> (or <source>) its real src: the largest
// candidate of its srcset, or the URL a lazy loader would have put in, when
// the current src is missing or a placeholder.
func fixLazyImage(n *html.Node) {
	src := attr(n, "src")
	srcset := attr(n, "srcset")
	for _, k := range lazySrcsetAttrs {
		if v := attr(n, k); v != "" {
			srcset = v
			setAttr(n, "srcset", v)
			break
		}
	}
	if src == "" || placeholder(src) {
		real := ""
		for _, k := range lazySrcAttrs {
			if v := strings.TrimSpace(attr(n, k)); v != "" && !placeholder(v) {
				real = v
				break
			}
		}
		if real == "" && srcset != "" {
			real = largestSrc(srcset)
		}
		if real == "" {
			// Some loaders use an unnamed data-* attribute holding a URL.
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "data-") && looksLikeImageURL(a.Val) {
					real = a.Val
					break
				}
			}
		}
		if real != "" {
			setAttr(n, "src", real)
		}
	}
}

// placeholder reports an image URL that is a stand-in: a tiny data: URL or
// a named blank/spacer image.
func placeholder(src string) bool {
	s := lowerASCII(src)
	if strings.HasPrefix(s, "data:") {
		return len(s) < 512 || strings.Contains(s, "svg")
	}
	return strings.Contains(s, "blank.") || strings.Contains(s, "spacer.") ||
		strings.Contains(s, "pixel.") || strings.Contains(s, "placeholder") ||
		strings.Contains(s, "lazy.") || strings.Contains(s, "loading.gif") ||
		strings.Contains(s, "grey.gif") || strings.Contains(s, "transparent.")
}

// looksLikeImageURL reports a value that is plausibly an image URL.
func looksLikeImageURL(v string) bool {
	v = lowerASCII(strings.TrimSpace(v))
	if strings.ContainsAny(v, " \n{}") {
		return false
	}
	if !(strings.HasPrefix(v, "http") || strings.HasPrefix(v, "/")) {
		return false
	}
	for _, ext := range [...]string{".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"} {
		if strings.Contains(v, ext) {
			return true
		}
	}
	return false
}

// largestSrc picks the widest (or densest) candidate of a srcset.
func largestSrc(srcset string) string {
	best, bestW := "", -1.0
	for _, cand := range splitSrcset(srcset) {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		w := 1.0
		if len(f) > 1 {
			d := f[len(f)-1]
			if v, err := strconv.ParseFloat(d[:len(d)-1], 64); err == nil && (strings.HasSuffix(d, "w") || strings.HasSuffix(d, "x")) {
				w = v
				if strings.HasSuffix(d, "x") {
					w *= 1000 // densities rank above unlabeled, below nothing else
				}
			}
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	return best
}

// splitSrcset splits a srcset into candidates. Commas inside URLs (common
// in image-CDN paths) are kept: a candidate ends at a comma that follows a
// descriptor or is followed by whitespace.
func splitSrcset(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\n' && s[i+1] != '\t' {
			continue
		}
		out = append(out, s[start:i])
		start = i + 1
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}

// setAttr sets (or adds) attribute key of n.
func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key && n.Attr[i].Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// videoHosts are the hosts whose embedded players are kept.
var videoHosts = [...]string{
	"youtube.com", "youtube-nocookie.com", "player.vimeo.com", "dailymotion.com",
	"player.twitch.tv", "w.soundcloud.com", "open.spotify.com", "player.ted.com",
	"embed.ted.com", "archive.org", "bandcamp.com",
}

// videoHost reports whether src points at an allowed video host.
func videoHost(src string) bool {
	s := lowerASCII(src)
	if strings.HasPrefix(s, "//") {
		s = "https:" + s
	}
	if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
		return false
	}
	host := s[strings.Index(s, "//")+2:]
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	for _, h := range videoHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// ampImage turns an accelerated mobile page's <amp-img> or <amp-anim>
// into the <img> it stands for. Its children are the fallback and
// placeholder copies, which go.
func ampImage(n *html.Node) {
	if n.DataAtom != 0 || n.Data != "amp-img" && n.Data != "amp-anim" {
		return
	}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
	}
	n.Data, n.DataAtom = "img", atom.Img
}

// asFigure turns a picture set without <figure> markup into one: a div
// whose first content is one <img> and whose rest is a caption's length
// of plain text in one or two elements (a caption and a credit), with no
// link, picture or heading. Script-built pages and old templates set
// their pictures so ("div > img + div.css-tv3bpn"); as a figure, the
// caption and credit are read as such (lead image, credit split, the
// lead picture before the body), where as loose text the caption was a
// paragraph or lost. A small or icon-named image (an avatar beside a
// name) is no picture of the story.
func asFigure(n *html.Node) bool {
	if n.DataAtom != atom.Div || n.Parent == nil || n.Parent.DataAtom == atom.Figure {
		return false
	}
	var img *html.Node
	var caps []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
		case c.Type != html.ElementNode:
			return false // text beside the picture: no caption of its own
		case img == nil && soleImage(c) != nil:
			img = soleImage(c)
		case img != nil && len(caps) < 2 && captionShape(c):
			caps = append(caps, c)
		default:
			return false
		}
	}
	if img == nil || len(caps) == 0 || iconImg(img) {
		return false
	}
	l := 0
	for _, c := range caps {
		n, ok := textLenUpTo(c, 300)
		if !ok {
			return false
		}
		l += n
	}
	if l < 20 || l > 300 {
		return false
	}
	n.Data, n.DataAtom = "figure", atom.Figure
	if len(caps) == 1 {
		caps[0].Data, caps[0].DataAtom, caps[0].Namespace = "figcaption", atom.Figcaption, ""
		return true
	}
	fc := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
	n.InsertBefore(fc, caps[0])
	for _, c := range caps {
		n.RemoveChild(c)
		fc.AppendChild(c)
	}
	return true
}

// soleImage returns c when it is an <img>, or the one <img> that a
// wrapper (a div, span or <picture> holding nothing else, one level
// deep: "div.InlineImage-wrapper > img") stands for; else nil.
func soleImage(c *html.Node) *html.Node {
	if c.DataAtom == atom.Img {
		return c
	}
	switch c.DataAtom {
	case atom.Div, atom.Span, atom.Picture:
	default:
		return nil
	}
	var img *html.Node
	for x := c.FirstChild; x != nil; x = x.NextSibling {
		switch {
		case x.Type == html.TextNode && strings.TrimSpace(x.Data) == "", x.Type == html.CommentNode:
		case img == nil && x.DataAtom == atom.Img:
			img = x
		case x.DataAtom == atom.Source:
		default:
			return nil
		}
	}
	return img
}

// captionShape reports an element that could hold a caption: a div,
// span, p or small of text and inline markup only, no link or picture,
// and at most one line break (a card of lines under a portrait, name,
// phone and address, is a contact box). It looks at no more than 50
// elements.
func captionShape(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Span, atom.P, atom.Small:
	default:
		return false
	}
	budget, breaks := 50, 0
	var ok func(n *html.Node) bool
	ok = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if budget--; budget < 0 {
				return false
			}
			switch c.DataAtom {
			case atom.Br:
				if breaks++; breaks > 1 {
					return false
				}
			case atom.Span, atom.Small, atom.Em, atom.I, atom.B, atom.Strong, atom.Cite:
			default:
				return false
			}
			if !ok(c) {
				return false
			}
		}
		return true
	}
	return ok(n)
}
