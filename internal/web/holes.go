package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// holeKind names what fills a hole in a cached page.
type holeKind int

const (
	holeCounter holeKind = iota // the visit counter's text
	holeToken                   // the join form's fresh time token
	numHoles
)

// holeMarks are the placeholders templates write where a hole goes: a
// random word drawn at start, so that no article text can contain one by
// chance or on purpose. Letters and digits only, so html/template passes
// them through unchanged in text and in attribute values.
type holeMarks [numHoles][]byte

func newHoleMarks() holeMarks {
	var m holeMarks
	var b [12]byte
	for k := range m {
		rand.Read(b[:]) // never fails (crypto/rand panics rather than return short)
		m[k] = []byte("nh" + hex.EncodeToString(b[:]) + strconv.Itoa(k))
	}
	return m
}

// mark returns the placeholder of hole k for a template.
func (m *holeMarks) mark(k holeKind) string { return string(m[k]) }

// split cuts body at the placeholders into static parts and the kinds of
// the holes between them, in page order. Each kind makes one hole, at its
// first placeholder, so a page has at most numHoles.
func (m *holeMarks) split(body []byte) ([][]byte, []holeKind) {
	var parts [][]byte
	var holes []holeKind
	var seen [numHoles]bool
	for {
		at, kind := -1, holeKind(0)
		for k := range m {
			if seen[k] {
				continue
			}
			if i := bytes.Index(body, m[k]); i >= 0 && (at < 0 || i < at) {
				at, kind = i, holeKind(k)
			}
		}
		if at < 0 {
			return append(parts, body), holes
		}
		seen[kind] = true
		parts = append(parts, body[:at])
		holes = append(holes, kind)
		body = body[at+len(m[kind]):]
	}
}

// fill appends the text of hole k for this response, HTML-escaped, to dst.
func (s *Server) fill(dst []byte, r *http.Request, e *entry, k holeKind) []byte {
	switch k {
	case holeCounter:
		return s.counterText(dst, r, e.articleID)
	case holeToken:
		if s.join != nil {
			return append(dst, s.joinToken()...)
		}
	}
	return dst
}

// tokenReuse is how long one join-form token is handed out. A token is the
// signed time it was minted, in milliseconds, so tokens minted within one
// millisecond are the same anyway; reusing one for a tenth of a second
// moves a form's apparent age by at most that, against a minimum fill-in
// time of seconds, and saves an HMAC and a dozen allocations per view.
const tokenReuse = 100 * time.Millisecond

// mintedToken is a join-form token, HTML-escaped, and when it was minted.
type mintedToken struct {
	text string
	at   time.Time
}

// joinToken returns a current join-form token for a page hole.
func (s *Server) joinToken() string {
	now := time.Now()
	if t := s.token.Load(); t != nil && now.Sub(t.at) < tokenReuse && now.After(t.at) {
		return t.text
	}
	t := &mintedToken{text: html.EscapeString(s.join.Token()), at: now}
	s.token.Store(t)
	return t.text
}

// counterFormat is the counter's wording, compiled once: literal text
// (already escaped) and the numbers between.
type counterFormat []counterPart

type counterPart struct {
	text             string // HTML-escaped literal, when num is ""
	num              string // "views" or "today"
	singular, plural string // optional words chosen by the number
}

// DefaultCounterText is the counter's default wording.
const DefaultCounterText = "Visited {views} {views|time|times}, {today} {today|visit|visits} today"

// ParseCounterText compiles a counter wording: text with {views} (views of
// the article over all time) and {today} (unique visitors today), and
// {views|one|many} or {today|one|many} for a word that follows the number.
func ParseCounterText(s string) (counterFormat, error) {
	var f counterFormat
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			f = append(f, counterPart{text: html.EscapeString(s)})
			break
		}
		if i > 0 {
			f = append(f, counterPart{text: html.EscapeString(s[:i])})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return nil, errCounterText("a { without its }")
		}
		fields := strings.Split(s[i+1:i+j], "|")
		if fields[0] != "views" && fields[0] != "today" {
			return nil, errCounterText("unknown {" + s[i+1:i+j] + "}; use {views} or {today}")
		}
		switch len(fields) {
		case 1:
			f = append(f, counterPart{num: fields[0]})
		case 3:
			f = append(f, counterPart{num: fields[0], singular: html.EscapeString(fields[1]), plural: html.EscapeString(fields[2])})
		default:
			return nil, errCounterText("{" + s[i+1:i+j] + "} should be {" + fields[0] + "} or {" + fields[0] + "|one|many}")
		}
		s = s[i+j+1:]
	}
	return f, nil
}

type errCounterText string

func (e errCounterText) Error() string { return "counter text: " + string(e) }

// counterText is the filled-in counter of an article for this response.
// The view being served was recorded just before, so it is included.
func (s *Server) counterText(dst []byte, r *http.Request, articleID int64) []byte {
	if s.counter == nil {
		return dst
	}
	views, today, err := s.counter.Totals(r.Context(), articleID)
	if err != nil {
		// Totals still returns this process's counts; show those.
		s.log.Warn("web: visit counts", "article", articleID, "err", err)
	}
	return s.counterFmt.appendText(dst, views, today)
}

func (f counterFormat) appendText(b []byte, views, today int64) []byte {
	for _, p := range f {
		n := views
		if p.num == "today" {
			n = today
		}
		switch {
		case p.num == "":
			b = append(b, p.text...)
		case p.singular != "" || p.plural != "":
			if n == 1 {
				b = append(b, p.singular...)
			} else {
				b = append(b, p.plural...)
			}
		default:
			b = strconv.AppendInt(b, n, 10)
		}
	}
	return b
}
