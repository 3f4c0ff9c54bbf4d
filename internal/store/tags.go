package store

import (
	"context"
	"fmt"

	"newshound/internal/news"
)

// Tag returns the tag with the given slug.
func (s *Store) Tag(ctx context.Context, slug string) (news.Tag, error) {
	name, err := queryOne(ctx, s.conn(), scanValue[string], `SELECT name FROM tags WHERE slug = ?`, slug)
	if err != nil {
		return news.Tag{}, fmt.Errorf("store: tag %q: %w", slug, err)
	}
	return news.Tag{Slug: slug, Name: name}, nil
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
	return queryAll(ctx, c, func(sc scanner, t *news.Tag) error { return sc.Scan(&t.Slug, &t.Name) },
		`SELECT slug, name FROM tags ORDER BY slug`)
}
