package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"newshound/internal/news"
	"newshound/internal/store"
)

// snippetWords is the length of a result's snippet, in words.
const snippetWords = 32

// searchPage is search.html: the search form, and results when a query
// was given.
type searchPage struct {
	Layout
	Query   string // what the visitor typed, as shown back in the box
	Asked   bool   // a query was given (even one with no words in it)
	Message string // a friendly note: nothing to search for, query cut, no results
	Total   int
	Results []searchResult
	Pager   pager
}

// searchResult is one found article with its highlighted title and snippet.
type searchResult struct {
	Slug        string
	Title       []segment
	Snippet     []segment
	Source      news.Source
	PublishedAt time.Time
}

// segment is a run of text, highlighted or not. Templates write Text
// escaped like any other text and wrap highlighted runs in <mark>, so no
// markup can come from an article or a query.
type segment struct {
	Text string
	Hit  bool
}

// search serves /search?q=: full-text search over published articles.
// Whatever the query holds, the answer is results or a friendly message;
// ParseSearch keeps operators and odd bytes away from the database.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	raw, hasQ := r.URL.Query()["q"]
	text := ""
	if hasQ {
		text = raw[0]
	}
	pg, err := pageNumber(r)
	if err != nil {
		return err
	}
	q := store.ParseSearch(text)
	shown := text
	if len(shown) > store.MaxSearchBytes {
		shown = shown[:store.MaxSearchBytes]
	}
	shown = strings.ToValidUTF8(strings.ReplaceAll(shown, "\x00", ""), "")
	p := searchPage{Layout: s.layout("Search", "Search the articles on "+s.site), Query: shown, Asked: hasQ}
	w.Header().Set("Cache-Control", "no-cache")
	switch {
	case !hasQ:
		return s.render(w, http.StatusOK, "search.html", p)
	case q.Empty():
		p.Message = "Type a word or two to search for, such as a name or a place."
		return s.render(w, http.StatusOK, "search.html", p)
	}
	p.Title = "Search: " + clip(q.String(), 60) + " — " + s.site
	arts, total, err := s.store.Search(r.Context(), q, s.pageSize, (pg-1)*s.pageSize)
	if err != nil {
		return fmt.Errorf("web: search: %w", err)
	}
	p.Total = total
	pages := (total + s.pageSize - 1) / s.pageSize
	switch {
	case total == 0:
		p.Message = "Nothing matched. Try fewer words, or the start of a word followed by * (harb* finds harbour)."
	case pg > pages:
		p.Message = "There are no more results."
	case q.Cut:
		p.Message = fmt.Sprintf("Your search was long, so only its first %d words were used.", store.MaxSearchWords)
	}
	cards, err := s.cards(r.Context(), arts)
	if err != nil {
		return err
	}
	for i, a := range arts {
		text := a.BodyText
		if !hasHit(text, q) && hasHit(a.Standfirst, q) {
			text = a.Standfirst
		}
		p.Results = append(p.Results, searchResult{
			Slug:        a.Slug,
			Title:       highlight(a.Title, q, 0),
			Snippet:     highlight(text, q, snippetWords),
			Source:      cards[i].Source,
			PublishedAt: a.PublishedAt,
		})
	}
	p.Pager = searchPager(pg, pages, text)
	return s.render(w, http.StatusOK, "search.html", p)
}

// searchPager links the pages of results; the query goes along encoded.
func searchPager(page, pages int, text string) pager {
	p := pager{Page: page, Pages: max(pages, 1)}
	link := func(n int) string {
		v := url.Values{"q": {text}}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		return "/search?" + v.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, max(pages, 1)))
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p
}

// word is a word's byte span in a text.
type word struct{ start, end int }

// words finds the words of text as search sees them.
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		in := store.IsWordRune(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text)})
	}
	return out
}

func hasHit(text string, q store.SearchQuery) bool {
	for _, w := range words(text) {
		if q.Matches(text[w.start:w.end]) {
			return true
		}
	}
	return false
}

// highlight splits text into segments with the query's words marked. With
// limit > 0 it keeps a window of about limit words around the first hit
// (or the start), with "…" where text was left out.
func highlight(text string, q store.SearchQuery, limit int) []segment {
	ws := words(text)
	from, to := 0, len(ws)
	if limit > 0 && len(ws) > limit {
		first := 0
		for i, w := range ws {
			if q.Matches(text[w.start:w.end]) {
				first = i
				break
			}
		}
		from = max(0, first-limit/4)
		to = min(len(ws), from+limit)
		from = max(0, to-limit)
	}
	if len(ws) == 0 {
		return []segment{{Text: text}}
	}
	startByte, endByte := 0, len(text)
	var segs []segment
	if from > 0 {
		startByte = ws[from].start
		segs = append(segs, segment{Text: "… "})
	}
	if to < len(ws) {
		endByte = ws[to-1].end
	}
	pos := startByte
	for _, w := range ws[from:to] {
		if !q.Matches(text[w.start:w.end]) {
			continue
		}
		if w.start > pos {
			segs = append(segs, segment{Text: text[pos:w.start]})
		}
		segs = append(segs, segment{Text: text[w.start:w.end], Hit: true})
		pos = w.end
	}
	if endByte > pos {
		segs = append(segs, segment{Text: text[pos:endByte]})
	}
	if to < len(ws) {
		segs = append(segs, segment{Text: " …"})
	}
	return segs
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
