package store

import (
	"context"
	"fmt"
	"strings"

	"newshound/internal/news"
)

const sourceCols = `id, slug, name, homepage_url, feed_url, created_at`

// CreateSource stores a new source and sets its ID and CreatedAt, and a
// unique Slug made from Name when Slug is empty.
func (s *Store) CreateSource(ctx context.Context, src *news.Source) error {
	if strings.TrimSpace(src.Name) == "" {
		return fmt.Errorf("store: create source: %w: name is empty", ErrInvalid)
	}
	given := src.Slug
	created := nowUTC()
	err := s.createRetrying(ctx, given == "", func(c conn) error {
		n := *src
		n.Slug, n.CreatedAt = given, created
		if err := insertSource(ctx, c, &n, false); err != nil {
			return err
		}
		*src = n
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create source %q: %w", src.Name, err)
	}
	return nil
}

// insertSource writes src, choosing a slug when it has none. keepID writes
// src.ID as is (import); otherwise the database picks it.
func insertSource(ctx context.Context, c conn, src *news.Source, keepID bool) error {
	if src.Slug == "" {
		slug, err := freeSlug(ctx, c, "sources", slugBase(src.Name, "source"))
		if err != nil {
			return err
		}
		src.Slug = slug
	}
	src.CreatedAt = normTime(src.CreatedAt)
	args := []any{src.Slug, src.Name, src.HomepageURL, src.FeedURL, c.d.timeArg(src.CreatedAt)}
	if keepID {
		_, err := c.exec(ctx, `INSERT INTO sources (id, slug, name, homepage_url, feed_url, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, append([]any{src.ID}, args...)...)
		return err
	}
	return c.queryRow(ctx, `INSERT INTO sources (slug, name, homepage_url, feed_url, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&src.ID)
}

// UpdateSource saves Name, HomepageURL and FeedURL of an existing source.
// The slug stays as it is, so links keep working; src.Slug and
// src.CreatedAt are set to the stored values.
func (s *Store) UpdateSource(ctx context.Context, src *news.Source) error {
	if strings.TrimSpace(src.Name) == "" {
		return fmt.Errorf("store: update source %d: %w: name is empty", src.ID, ErrInvalid)
	}
	stored, err := queryOne(ctx, s.conn(), func(sc scanner, v *news.Source) error {
		return sc.Scan(&v.Slug, timeCol{&v.CreatedAt})
	}, `UPDATE sources SET name = ?, homepage_url = ?, feed_url = ?
		WHERE id = ? RETURNING slug, created_at`, src.Name, src.HomepageURL, src.FeedURL, src.ID)
	if err != nil {
		return fmt.Errorf("store: update source %d: %w", src.ID, s.classify(err))
	}
	src.Slug, src.CreatedAt = stored.Slug, stored.CreatedAt
	return nil
}

// Source returns the source with the given ID.
func (s *Store) Source(ctx context.Context, id int64) (news.Source, error) {
	return s.source(ctx, "id", id)
}

// SourceBySlug returns the source with the given slug.
func (s *Store) SourceBySlug(ctx context.Context, slug string) (news.Source, error) {
	return s.source(ctx, "slug", slug)
}

func (s *Store) source(ctx context.Context, col string, key any) (news.Source, error) {
	src, err := queryOne(ctx, s.conn(), scanSource, `SELECT `+sourceCols+` FROM sources WHERE `+col+` = ?`, key)
	if err != nil {
		return news.Source{}, fmt.Errorf("store: source %s %v: %w", col, key, err)
	}
	return src, nil
}

// Sources lists every source, ordered by name.
func (s *Store) Sources(ctx context.Context) ([]news.Source, error) {
	srcs, err := s.sources(ctx, s.conn(), `ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list sources: %w", err)
	}
	return srcs, nil
}

func (s *Store) sources(ctx context.Context, c conn, order string) ([]news.Source, error) {
	return queryAll(ctx, c, scanSource, `SELECT `+sourceCols+` FROM sources `+order)
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanSource(sc scanner, src *news.Source) error {
	return sc.Scan(&src.ID, &src.Slug, &src.Name, &src.HomepageURL, &src.FeedURL, timeCol{&src.CreatedAt})
}
