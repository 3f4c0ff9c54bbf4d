package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"newshound/internal/news"
)

// Search limits. A query is cut to these sizes rather than refused: a
// visitor who pastes a paragraph still gets results.
const (
	MaxSearchBytes = 512 // of the query text looked at
	MaxSearchWords = 12  // words used, phrases counted word by word
	maxWordRunes   = 64  // longer "words" are noise (hashes, base64), dropped
	minPrefixRunes = 2   // "a*" would match half the index; it means "a"
)

// SearchQuery is a visitor's search, parsed into terms that every term of
// which a result must contain (AND). It is built only by ParseSearch, from
// letters and digits, so no database query syntax ever comes from a visitor.
type SearchQuery struct {
	Terms []SearchTerm
	// Cut reports that the text was longer than MaxSearchBytes or had more
	// than MaxSearchWords words, and only the first part was used.
	Cut bool
}

// SearchTerm is one word, a "quoted phrase" (several words in a row), or
// either ending in a prefix (word*).
type SearchTerm struct {
	Words  []string // lower case
	Prefix bool     // the last word is a prefix
}

// Empty reports whether the query has nothing to search for.
func (q SearchQuery) Empty() bool { return len(q.Terms) == 0 }

// String is the query as a visitor could type it again.
func (q SearchQuery) String() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		s := strings.Join(t.Words, " ")
		if t.Prefix {
			s += "*"
		}
		if len(t.Words) > 1 {
			s = `"` + s + `"`
		}
		parts[i] = s
	}
	return strings.Join(parts, " ")
}

// Matches reports whether word (as found in a text, any case) is one the
// query looks for, for highlighting. A phrase's words match one by one.
func (q SearchQuery) Matches(word string) bool {
	w := strings.ToLower(word)
	for _, t := range q.Terms {
		for i, tw := range t.Words {
			if w == tw || t.Prefix && i == len(t.Words)-1 && strings.HasPrefix(w, tw) {
				return true
			}
		}
	}
	return false
}

// ParseSearch reads what a visitor typed: words, "quoted phrases" and
// prefixes (word*). Everything else — operators, brackets, NUL bytes,
// invalid UTF-8, punctuation — only separates words, the way both
// databases' tokenizers treat it, so any input is safe and means something.
func ParseSearch(text string) SearchQuery {
	var q SearchQuery
	if len(text) > MaxSearchBytes {
		text = text[:MaxSearchBytes]
		q.Cut = true
	}
	text = strings.ToValidUTF8(text, " ") // also drops a rune cut in half above
	words := 0
	inPhrase := false
	var cur SearchTerm
	finish := func() {
		if len(cur.Words) > 0 {
			q.Terms = append(q.Terms, cur)
		}
		cur = SearchTerm{}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '"' || r == '“' || r == '”' || r == '„':
			finish()
			inPhrase = !inPhrase
			i += size
		case IsWordRune(r):
			j := i
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !IsWordRune(r) {
					break
				}
				j += n
			}
			word := strings.ToLower(text[i:j])
			prefix := j < len(text) && text[j] == '*'
			i = j
			if utf8.RuneCountInString(word) > maxWordRunes {
				continue
			}
			if words == MaxSearchWords {
				q.Cut = true
				continue
			}
			words++
			if cur.Prefix { // a word after a prefix in a phrase starts a new term
				finish()
			}
			cur.Words = append(cur.Words, word)
			cur.Prefix = prefix && utf8.RuneCountInString(word) >= minPrefixRunes
			if !inPhrase {
				finish()
			}
		default:
			i += size
		}
	}
	finish()
	return q
}

// IsWordRune reports whether r is part of a word for search: letters,
// numbers and combining marks, like SQLite's unicode61 tokenizer.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// Search returns the published articles matching q, best first (title hits
// weigh most, then standfirst, then body; ties newest first), and how many
// match in all. It uses each database's own full-text index: FTS5 with BM25
// on SQLite, the tsvector column with ts_rank on PostgreSQL. An empty query
// finds nothing.
func (s *Store) Search(ctx context.Context, q SearchQuery, limit, offset int) ([]news.Article, int, error) {
	if q.Empty() {
		return nil, 0, nil
	}
	if limit <= 0 {
		limit = defaultPageSize
	}
	limit = min(limit, maxPageSize)
	if offset < 0 {
		return nil, 0, fmt.Errorf("store: search: %w: negative offset", ErrInvalid)
	}
	hits, match := s.searchHits(q)
	c := s.conn()
	var total int
	err := c.queryRow(ctx, hits+` SELECT COUNT(*) FROM articles JOIN hits ON hits.hit_id = articles.id WHERE articles.status = ?`,
		match, string(news.StatusPublished)).Scan(&total)
	if err != nil {
		return nil, 0, fmt.Errorf("store: search count: %w", err)
	}
	if total == 0 || offset >= total {
		return nil, total, nil
	}
	list, err := listArticlesWith(ctx, c, hits, ` JOIN hits ON hits.hit_id = articles.id WHERE articles.status = ?
		ORDER BY hits.hit_score DESC, articles.published_at DESC NULLS LAST, articles.id DESC LIMIT ? OFFSET ?`,
		match, string(news.StatusPublished), limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: search: %w", err)
	}
	return list, total, nil
}

// searchHits returns a WITH clause defining hits(hit_id, hit_score), higher
// scores better, and its one argument, in this database's dialect.
func (s *Store) searchHits(q SearchQuery) (string, string) {
	if s.dialect.name == postgresDialect.name {
		// ts_rank normalisation 1 divides by 1 + log(length), close to what
		// BM25 does for long documents on SQLite.
		return `WITH hits AS (SELECT id AS hit_id, ts_rank(search, query, 1) AS hit_score
			FROM articles, to_tsquery('simple'::regconfig, ?) query WHERE search @@ query)`, tsQuery(q)
	}
	// bm25 is lower for better matches; its arguments weigh title,
	// standfirst and body.
	return `WITH hits AS (SELECT rowid AS hit_id, -bm25(articles_fts, 10.0, 4.0, 1.0) AS hit_score
		FROM articles_fts WHERE articles_fts MATCH ?)`, ftsQuery(q)
}

// ftsQuery writes q in FTS5 syntax: every term a quoted string (so no word
// is ever read as an operator), phrases as one string, prefixes starred,
// terms joined by FTS5's implicit AND.
func ftsQuery(q SearchQuery) string {
	var b strings.Builder
	for i, t := range q.Terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(strings.Join(t.Words, " "), `"`, `""`))
		b.WriteByte('"')
		if t.Prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// tsQuery writes q in to_tsquery syntax: quoted lexemes, <-> between the
// words of a phrase, :* on a prefix, & between terms.
func tsQuery(q SearchQuery) string {
	var b strings.Builder
	for i, t := range q.Terms {
		if i > 0 {
			b.WriteString(" & ")
		}
		if len(t.Words) > 1 {
			b.WriteByte('(')
		}
		for j, w := range t.Words {
			if j > 0 {
				b.WriteString(" <-> ")
			}
			b.WriteByte('\'')
			b.WriteString(strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(w))
			b.WriteByte('\'')
			if t.Prefix && j == len(t.Words)-1 {
				b.WriteString(":*")
			}
		}
		if len(t.Words) > 1 {
			b.WriteByte(')')
		}
	}
	return b.String()
}
