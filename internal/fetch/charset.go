package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how far into a document we look for a <meta> charset
// declaration. The HTML standard asks for 1024 bytes; real pages put long
// scripts and comments first, so we look a little further.
const sniffLen = 4096

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}

	// xmlDeclEncoding finds the encoding pseudo-attribute of an XML
	// declaration at the very start of a document.
	xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)
)

// ToUTF8 converts a document to UTF-8 and returns it with the canonical
// (WHATWG) name of the charset it was written in, e.g. "windows-1252" or
// "shift_jis".
//
// The charset is taken, in this order, from a byte order mark, the charset
// parameter of contentType, the encoding of an XML declaration, a <meta
// charset> or <meta http-equiv="Content-Type"> in the first 4 KiB, and
// finally guessed: UTF-8 when the bytes are valid UTF-8, windows-1252 when
// not (the web's most common legacy charset). Unknown labels are skipped.
//
// The result never has a BOM, and an XML declaration in it is rewritten to
// say encoding="UTF-8" so that XML parsers do not decode it a second time.
// Bytes invalid in the charset become U+FFFD; ToUTF8 never fails.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	enc, name, rest := detectCharset(body, contentType)
	var out []byte
	if name == "utf-8" {
		out = rest
		if !utf8.Valid(out) {
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
	} else {
		var err error
		out, err = enc.NewDecoder().Bytes(rest)
		if err != nil {
			// x/text decoders replace bad input rather than fail; should
			// one fail anyway, keep what is readable rather than nothing.
			out = bytes.ToValidUTF8(rest, []byte("\uFFFD"))
		}
	}
	return rewriteXMLDecl(out), name
}

// DetectCharset returns the canonical name of the charset ToUTF8 would
// decode body from.
func DetectCharset(body []byte, contentType string) string {
	_, name, _ := detectCharset(body, contentType)
	return name
}

// detectCharset returns the encoding, its canonical name and the body with
// any byte order mark removed.
func detectCharset(body []byte, contentType string) (encoding.Encoding, string, []byte) {
	switch {
	case bytes.HasPrefix(body, bomUTF8):
		return unicode.UTF8, "utf-8", body[len(bomUTF8):]
	case bytes.HasPrefix(body, bomUTF16LE):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", body[2:]
	case bytes.HasPrefix(body, bomUTF16BE):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", body[2:]
	}
	// An XML document in UTF-16 without a BOM still starts with "<?".
	switch {
	case bytes.HasPrefix(body, []byte("<\x00?\x00")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", body
	case bytes.HasPrefix(body, []byte("\x00<\x00?")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", body
	}
	if enc, name := lookup(headerCharset(contentType)); enc != nil {
		return enc, name, body
	}
	head := body
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	label := ""
	if m := xmlDeclEncoding.FindSubmatch(head); m != nil {
		label = string(m[1])
	} else if !looksLikeData(head, contentType) {
		label = metaCharset(head)
	}
	if enc, name := lookup(label); enc != nil {
		// A document that declares UTF-16 in ASCII-compatible bytes is not
		// UTF-16; the HTML standard says to read it as UTF-8.
		if strings.HasPrefix(name, "utf-16") {
			return unicode.UTF8, "utf-8", body
		}
		return enc, name, body
	}
	if utf8.Valid(body) {
		return unicode.UTF8, "utf-8", body
	}
	enc, _ := htmlindex.Get("windows-1252")
	return enc, "windows-1252", body
}

// dataRoots start XML and JSON documents that have no XML declaration.
var dataRoots = []string{"<?xml", "{", "[", "<rss", "<feed", "<rdf:rdf", "<urlset", "<sitemapindex", "<opml"}

// looksLikeData reports whether a document is XML or JSON rather than
// HTML. A <meta charset> in such a document belongs to HTML embedded in
// its content (a feed entry's page, say), not to the document itself.
func looksLikeData(head []byte, contentType string) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		if strings.HasSuffix(mt, "xml") || strings.HasSuffix(mt, "json") {
			return mt != "application/xhtml+xml"
		}
	}
	start := strings.ToLower(string(bytes.TrimLeft(head[:min(len(head), 64)], " \t\r\n")))
	for _, root := range dataRoots {
		if strings.HasPrefix(start, root) {
			return true
		}
	}
	return false
}

// lookup maps a charset label to its encoding and canonical name, or nil
// when the label is empty or unknown.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	if name == "utf-8" {
		return unicode.UTF8, name
	}
	return enc, name
}

// headerCharset returns the charset parameter of a Content-Type value.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// metaCharset scans the start of an HTML document for a charset declared
// in a <meta> element and returns its label, or "".
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if !hasAttr {
					continue
				}
				if label := metaAttrsCharset(z); label != "" {
					return label
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		}
	}
}

// metaAttrsCharset reads the attributes of the current <meta> token.
func metaAttrsCharset(z *html.Tokenizer) string {
	var charset, httpEquiv, content string
	for {
		key, val, more := z.TagAttr()
		switch string(key) {
		case "charset":
			charset = string(val)
		case "http-equiv":
			httpEquiv = strings.ToLower(string(val))
		case "content":
			content = string(val)
		}
		if !more {
			break
		}
	}
	if charset != "" {
		return charset
	}
	if httpEquiv == "content-type" {
		return contentCharset(content)
	}
	return ""
}

// contentCharset pulls the charset out of a meta content attribute such as
// "text/html; charset=windows-1252", which is looser than a MIME value.
func contentCharset(content string) string {
	lower := strings.ToLower(content)
	i := strings.Index(lower, "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.Trim(strings.TrimLeft(rest[1:], " \t"), `"'`)
	if end := strings.IndexAny(rest, `;"' `); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// rewriteXMLDecl changes the encoding named in a leading XML declaration to
// UTF-8, the encoding the body now has.
func rewriteXMLDecl(body []byte) []byte {
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	loc := xmlDeclEncoding.FindSubmatchIndex(head)
	if loc == nil || strings.EqualFold(string(body[loc[2]:loc[3]]), "utf-8") {
		return body
	}
	out := make([]byte, 0, len(body))
	out = append(out, body[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, body[loc[3]:]...)
}
