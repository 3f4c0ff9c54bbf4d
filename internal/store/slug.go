package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"newshound/internal/news"
)

// maxSlugAttempts bounds retries when a concurrent writer takes the slug we
// picked (possible on PostgreSQL, where writers do not queue on one lock).
const maxSlugAttempts = 4

// freeSlug returns base, or base-2, base-3, ... whichever is not yet used in
// table. table is one of our constants, never user input.
func freeSlug(ctx context.Context, c conn, table, base string) (string, error) {
	if c.d.slugLock != nil {
		if err := c.d.slugLock(ctx, c, table, base); err != nil {
			return "", err
		}
	}
	q, args := `SELECT slug FROM `+table+` WHERE slug = ? OR slug LIKE ?`, []any{base, base + "-%"}
	if c.d.name == sqliteDialect.name {
		// SQLite's LIKE ignores case, so it cannot use the slug index and
		// every insert scanned the table. Its BINARY collation sorts
		// bytewise and '.' comes right after '-', so this range holds
		// exactly the slugs starting with base- (PostgreSQL's collations
		// may ignore punctuation, hence not there).
		q, args = `SELECT slug FROM `+table+` WHERE slug = ? OR (slug > ? AND slug < ?)`, []any{base, base + "-", base + "."}
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		taken[s] = true
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	slug := base
	for n := 2; taken[slug]; n++ {
		slug = base + "-" + strconv.Itoa(n)
	}
	return slug, nil
}

// slugBase is the readable start of a slug made from text, or fallback when
// the text has no letters or digits at all.
func slugBase(text, fallback string) string {
	if s := news.Slugify(text); s != "" {
		return s
	}
	return fallback
}

// createRetrying runs fn in a transaction, retrying a few times when the
// slug was ours to choose and a concurrent writer took it first.
func (s *Store) createRetrying(ctx context.Context, autoSlug bool, fn func(c conn) error) error {
	for attempt := 1; ; attempt++ {
		err := s.classify(s.transact(ctx, fn))
		if err == nil || !autoSlug || attempt == maxSlugAttempts || !errors.Is(err, ErrConflict) {
			return err
		}
	}
}

// nowUTC is the current time in stored form.
func nowUTC() time.Time { return normTime(time.Now()) }
