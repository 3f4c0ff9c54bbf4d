package news

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlugLen keeps URLs short enough to read and share.
const maxSlugLen = 80

// Slugify turns a title or name into a readable URL segment: lower case,
// accents folded, words joined by hyphens. It returns "" when nothing
// usable is left, so callers can fall back to another value.
func Slugify(s string) string {
	out := FoldWords(s)
	if len(out) > maxSlugLen {
		out = out[:maxSlugLen]
		if i := strings.LastIndexByte(out, '-'); i > maxSlugLen/2 {
			out = out[:i]
		}
		out = strings.ToValidUTF8(out, "")
	}
	return out
}

// FoldWords keeps only the words of s, lower case, accents folded, joined
// by hyphens: two texts that differ in typography alone (quotes, dashes,
// spacing, case) fold alike. Slugify is FoldWords cut to a URL's length.
func FoldWords(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining marks left behind by folding "é" to "e"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}
