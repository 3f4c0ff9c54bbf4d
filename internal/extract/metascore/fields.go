package metascore

import (
	"strings"
	"time"
	"unicode"
)

// namesFound reports whether every name of the byline want is among ours.
// Both sides are split the same way (see nameKeys), so "A, B and C" is
// three names on either side, and one-string bylines compare like lists.
func namesFound(want string, ours []string) bool {
	have := map[string]bool{}
	for _, o := range ours {
		for _, k := range nameKeys(o) {
			have[k] = true
		}
	}
	keys := nameKeys(want)
	for _, k := range keys {
		if !have[k] {
			return false
		}
	}
	return len(keys) > 0
}

// nameSeps join names in a byline; a line break parts name from role.
var nameSeps = strings.NewReplacer(" and ", ",", " und ", ",", " et ", ",", "&", ",", ";", ",", "/", ",", "|", ",", "\n", ",")

// nameKeys splits a byline into names and reduces each to its words,
// lowercased, without punctuation, web addresses or a leading "By";
// parts with digits are dates and go.
func nameKeys(s string) []string {
	var kept []string
	for _, line := range strings.Split(s, "\n") {
		var words []string
		for _, w := range strings.Fields(line) {
			if !strings.Contains(w, "://") && !strings.HasPrefix(strings.Trim(w, "()<>"), "www.") {
				words = append(words, w)
			}
		}
		kept = append(kept, strings.Join(words, " "))
	}
	var keys []string
	for _, part := range strings.Split(nameSeps.Replace(strings.Join(kept, "\n")), ",") {
		var words []string
		for _, w := range strings.Fields(part) {
			w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
			if w == "" || len(words) == 0 && byWords[w] {
				continue
			}
			words = append(words, w)
		}
		// A part with a digit is a date or time ("March 25, 2015"), which
		// Readability leaves in its byline text: not a name.
		if len(words) > 0 && !strings.ContainsAny(part, "0123456789") {
			keys = append(keys, strings.Join(words, " "))
		}
	}
	return keys
}

// byWords introduce a byline in the languages of the corpus.
var byWords = map[string]bool{"by": true, "par": true, "von": true, "por": true, "door": true, "di": true, "av": true}

// Truth date forms: those with a zone name an instant, the rest a day.
var (
	zonedLayouts = [...]string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04Z07:00", time.RFC1123Z, time.RFC1123}
	localLayouts = [...]string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999", "2006-01-02 15:04", "2006-01-02"}
)

// sameTime reports whether got is the time want names: the same second
// when want has a zone, else the same calendar day (ours read in its own
// zone, as the page wrote it).
func sameTime(want string, got time.Time) bool {
	for _, l := range zonedLayouts {
		if w, err := time.Parse(l, want); err == nil {
			return w.Truncate(time.Second).Equal(got.Truncate(time.Second))
		}
	}
	for _, l := range localLayouts {
		if w, err := time.Parse(l, want); err == nil {
			return w.Format(time.DateOnly) == got.Format(time.DateOnly)
		}
	}
	return false
}
