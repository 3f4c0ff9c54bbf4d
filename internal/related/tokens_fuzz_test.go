package related

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzTokens feeds arbitrary text to the tokenizer: it must not panic, and
// every term must be two or more lower-case letters or digits with at least
// one letter.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "The Elections, 2024", "Café déjà-vu", "\xff\xfe broken utf8 \xc3", "İstanbul ΣΊΣΥΦΟΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tokens(s, 0, func(term string) {
			if utf8.RuneCountInString(term) < 2 {
				t.Errorf("term %q shorter than two characters", term)
			}
			letters := 0
			for _, r := range term {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					t.Errorf("term %q holds %q", term, r)
				}
				if unicode.IsLetter(r) {
					letters++
				}
				if unicode.ToLower(r) != r {
					t.Errorf("term %q is not lower-cased", term)
				}
			}
			if letters == 0 {
				t.Errorf("term %q has no letter", term)
			}
		})
	})
}
