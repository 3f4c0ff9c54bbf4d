package signup

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"newshound/internal/news"
)

// Signup is a person who signed up, as stored; the type lives in package
// news with the other domain types.
type Signup = news.Signup

// CSVHeader is the first row WriteCSV writes.
var CSVHeader = []string{
	"id", "email", "name", "phone", "city", "country", "status", "note",
	"first_signed_up", "last_signed_up", "times_signed_up", "article_ids",
	"consent", "message",
}

// WriteCSV writes people as CSV with a header row: one row per person, with
// the dates of their first and latest sign-up, every article they signed
// up from, and the consent wording of the latest sign-up. Times are UTC,
// RFC 3339.
//
// Cells that a spreadsheet would run as a formula (starting with = + - @,
// a tab or a carriage return) are prefixed with an apostrophe: the export
// holds text typed by strangers and is opened by organisers.
func WriteCSV(w io.Writer, people []Signup) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("signup: write csv: %w", err)
	}
	for _, p := range people {
		if err := cw.Write(csvRow(p)); err != nil {
			return fmt.Errorf("signup: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("signup: write csv: %w", err)
	}
	return nil
}

func csvRow(p news.Signup) []string {
	var articles []string
	seen := map[int64]bool{}
	consent := ""
	for _, e := range p.Events {
		if e.ArticleID != 0 && !seen[e.ArticleID] {
			seen[e.ArticleID] = true
			articles = append(articles, strconv.FormatInt(e.ArticleID, 10))
		}
		consent = e.Consent
	}
	row := []string{
		strconv.FormatInt(p.ID, 10), p.Email, p.Name, p.Phone, p.City, p.Country,
		string(p.Status), p.Note, csvTime(p.CreatedAt), csvTime(lastSignup(p)),
		strconv.Itoa(len(p.Events)), strings.Join(articles, " "), consent, p.Message,
	}
	for i, c := range row {
		row[i] = defuse(c)
	}
	return row
}

// lastSignup is the time of the latest event; organiser edits move
// UpdatedAt but not this.
func lastSignup(p news.Signup) time.Time {
	last := p.CreatedAt
	for _, e := range p.Events {
		if e.At.After(last) {
			last = e.At
		}
	}
	return last
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// defuse keeps a cell from being read as a formula.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
