// Package metascore measures an extractor's metadata against a page's
// expected metadata (the readability dev set's expected-metadata.json):
// per field, the share of pages whose value matches, under a normalisation
// stated field by field below, and apart from it, what the extractor does
// where the truth is empty.
//
// It is the one definition of the measure behind both the corpus test of
// internal/extract and the extractor comparison in bench/extractors.
//
//	want, _ := metascore.ReadTruth(jsonBytes)
//	var t metascore.Tally
//	res := t.Add(want, metascore.Values{Title: art.Title, ...})
//	t.Share(metascore.Title)
package metascore

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"newshound/internal/news"
)

// Field is one metadata field measured.
type Field int

// The fields, in report order.
const (
	Title     Field = iota // title, exact after normalising space, quotes, dashes
	Byline                 // every expected name among ours
	Published              // same instant, or same day when the truth has no time or zone
	Lang                   // same primary language subtag
	SiteName               // equal ignoring case and space
	Excerpt                // equal, or one a prefix of the other
	NumFields
)

var fieldNames = [NumFields]string{"title", "byline", "published", "lang", "siteName", "excerpt"}

// truthKeys name the fields in expected-metadata.json.
var truthKeys = [NumFields]string{"title", "byline", "publishedTime", "lang", "siteName", "excerpt"}

// String names the field in reports.
func (f Field) String() string {
	if f < 0 || f >= NumFields {
		return "unknown"
	}
	return fieldNames[f]
}

// Truth is a page's expected metadata, as read from expected-metadata.json;
// null fields read as "".
type Truth [NumFields]string

// ReadTruth parses an expected-metadata.json file.
func ReadTruth(b []byte) (Truth, error) {
	var j map[string]any
	var t Truth
	if err := json.Unmarshal(b, &j); err != nil {
		return t, err
	}
	for f := range NumFields {
		if s, ok := j[truthKeys[f]].(string); ok {
			t[f] = strings.TrimSpace(s)
		}
	}
	return t, nil
}

// Values is what an extractor found. Authors holds one name each; an
// extractor that gives a byline as one string puts it in as one element,
// and it is split the way the truth is.
type Values struct {
	Title     string
	Authors   []string
	Published time.Time
	Lang      string
	SiteName  string
	Excerpt   string // the standfirst or description
}

// OfArticle is what newshound's extractor found, in the measure's terms.
func OfArticle(art news.Article) Values {
	v := Values{Title: art.Title, Published: art.PublishedAt, Lang: art.Language,
		SiteName: art.SiteName, Excerpt: art.Standfirst}
	for _, a := range art.Authors {
		v.Authors = append(v.Authors, a.Name)
	}
	return v
}

// Outcome is how one field of one page compares.
type Outcome int

// The outcomes. Match, Miss and Missing happen where the truth has a value;
// BothEmpty and Extra where it has none.
const (
	Match     Outcome = iota // ours equals the truth
	Miss                     // ours differs
	Missing                  // we give nothing
	BothEmpty                // neither gives a value
	Extra                    // we give a value the truth lacks (right or wrong: look by eye)
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"match", "miss", "missing", "both empty", "extra"}

func (o Outcome) String() string { return outcomeNames[o] }

// Result is one page's outcome per field.
type Result [NumFields]Outcome

// Tally counts outcomes per field over pages.
type Tally [NumFields][numOutcomes]int

// Add compares one page and counts it.
func (t *Tally) Add(want Truth, got Values) Result {
	var r Result
	for f := range NumFields {
		r[f] = Compare(f, want[f], got)
		t[f][r[f]]++
	}
	return r
}

// Share is the share of pages with a truth value for f that match.
func (t *Tally) Share(f Field) float64 {
	n := t.WithTruth(f)
	if n == 0 {
		return 0
	}
	return float64(t[f][Match]) / float64(n)
}

// WithTruth is the number of pages whose truth has a value for f.
func (t *Tally) WithTruth(f Field) int { return t[f][Match] + t[f][Miss] + t[f][Missing] }

// Count is the number of pages with outcome o for f.
func (t *Tally) Count(f Field, o Outcome) int { return t[f][o] }

// Compare judges one field: want is the truth's value.
func Compare(f Field, want string, got Values) Outcome {
	g := Got(f, got)
	switch {
	case want == "" && g == "":
		return BothEmpty
	case want == "":
		return Extra
	case g == "":
		return Missing
	}
	var ok bool
	switch f {
	case Title:
		ok = normText(want) == normText(g)
	case Byline:
		ok = namesFound(want, got.Authors)
	case Published:
		ok = sameTime(want, got.Published)
	case Lang:
		ok = primaryTag(want) == primaryTag(g)
	case SiteName:
		ok = strings.ToLower(normText(want)) == strings.ToLower(normText(g))
	case Excerpt:
		w, o := trimEllipsis(normText(want)), trimEllipsis(normText(g))
		ok = strings.HasPrefix(w, o) || strings.HasPrefix(o, w)
	}
	if ok {
		return Match
	}
	return Miss
}

// Got renders our value of f as a string, "" when we have none.
func Got(f Field, v Values) string {
	switch f {
	case Title:
		return strings.TrimSpace(v.Title)
	case Byline:
		return strings.Join(v.Authors, "; ")
	case Published:
		if v.Published.IsZero() {
			return ""
		}
		return v.Published.Format(time.RFC3339)
	case Lang:
		return strings.TrimSpace(v.Lang)
	case SiteName:
		return strings.TrimSpace(v.SiteName)
	case Excerpt:
		return strings.TrimSpace(v.Excerpt)
	}
	return ""
}

// normText folds white space, quotation marks and dashes, which differ
// between a page's markup and its text without changing what it says.
func normText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`', '\u00b4':
			return '\''
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			return '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			return '-'
		}
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// trimEllipsis cuts the "..." a truncated excerpt ends with.
func trimEllipsis(s string) string {
	s = strings.TrimSuffix(s, "…")
	s = strings.TrimSuffix(s, "...")
	return strings.TrimSpace(s)
}

// primaryTag is a language tag's first subtag, lowercased: "en" of "en-US".
func primaryTag(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	return s
}
