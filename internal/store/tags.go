package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newshound/internal/news"
)

// Tag returns the tag with the given slug.
func (s *Store) Tag(ctx context.Context, slug string) (news.Tag, error) {
	t := news.Tag{Slug: slug}
	err := s.conn().queryRow(ctx, `SELECT name FROM tags WHERE slug = ?`, slug).Scan(&t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return news.Tag{}, fmt.Errorf("store: tag %q: %w", slug, err)
	}
	return t, nil
}

// Tags lists every tag, ordered by slug.
func (s *Store) Tags(ctx context.Context) ([]news.Tag, error) {
	tags, err := listTags(ctx, s.conn())
	if err != nil {
		return nil, fmt.Errorf("store: list tags: %w", err)
	}
	return tags, nil
}

func listTags(ctx context.Context, c conn) ([]news.Tag, error) {
	rows, err := c.query(ctx, `SELECT slug, name FROM tags ORDER BY slug`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Tag
	for rows.Next() {
		var t news.Tag
		if err := rows.Scan(&t.Slug, &t.Name); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
