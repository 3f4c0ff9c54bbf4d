package related

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stopwords are English words too common to say what an article is about.
// Built on first use; other languages rely on IDF alone, which also pushes
// their commonest words to near-zero weight.
var stopwords = sync.OnceValue(func() map[string]bool {
	words := strings.Fields(`
		a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do
		does doing down during each even few for from further get got had has
		have having he her here hers herself him himself his how however if in
		into is it its itself just last like made make many may me might more
		most much must my myself new no nor not now of off on once one only or
		other our ours ourselves out over own per said same say says she should
		since so some still such than that the their theirs them themselves
		then there these they this those through to too two under until up upon
		us very was we were what when where whether which while who whom whose
		why will with within without would year years yet you your yours
		yourself yourselves`)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
})

// maxBodyTokens bounds the work and weight of very long bodies: the top of
// an article says what it is about.
const maxBodyTokens = 3000

// tokens splits text into normalised terms and calls add for each: runs of
// Unicode letters and digits, lower-cased, stopwords and one-letter words
// and bare numbers dropped, English plurals folded. It stops after limit
// terms (limit <= 0: no limit).
func tokens(text string, limit int, add func(term string)) {
	n := 0
	start := -1
	var b strings.Builder
	emit := func(word string) bool {
		t := normalise(word, &b)
		if t == "" {
			return true
		}
		add(t)
		n++
		return limit <= 0 || n < limit
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !emit(text[start:i]) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		emit(text[start:])
	}
}

// normalise lower-cases and stems one word, returning "" for words that
// carry no topic.
func normalise(word string, b *strings.Builder) string {
	b.Reset()
	letters := 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			letters++
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if letters == 0 {
		return "" // numbers alone (years, counts) join unrelated stories
	}
	w := b.String()
	if utf8.RuneCountInString(w) < 2 || stopwords()[w] {
		return ""
	}
	return stem(w)
}

// stem folds the commonest English plural forms onto the singular, so
// "elections" and "election" meet. Deliberately light: a wrong fold costs
// more than a missed one.
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case n > 3 && strings.HasSuffix(w, "s") && endsInLetter(w[:len(w)-1]):
		return w[:len(w)-1] // not "000s": a plural needs a word to be plural of
	}
	return w
}

func endsInLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}
