package store

import (
	"context"
	"fmt"
	"time"

	"newshound/internal/news"
)

// ArticleStamp is the little a sitemap needs of an article.
type ArticleStamp struct {
	Slug        string
	Title       string
	Language    string
	PublishedAt time.Time
	UpdatedAt   time.Time
}

// ArticleStamps lists published articles newest first (the order of every
// article list), at most limit of them, only those published at or after
// since unless since is zero. It reads no bodies, so a sitemap of a large
// site stays cheap.
func (s *Store) ArticleStamps(ctx context.Context, since time.Time, limit int) ([]ArticleStamp, error) {
	q := `SELECT slug, title, language, published_at, updated_at FROM articles WHERE status = ?`
	args := []any{string(news.StatusPublished)}
	if !since.IsZero() {
		q += ` AND published_at >= ?`
		args = append(args, s.dialect.timeArg(since))
	}
	q += ` ` + articleOrder + ` LIMIT ?`
	args = append(args, limit)
	out, err := queryAll(ctx, s.conn(), func(sc scanner, a *ArticleStamp) error {
		return sc.Scan(&a.Slug, &a.Title, &a.Language, timeCol{&a.PublishedAt}, timeCol{&a.UpdatedAt})
	}, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: article stamps: %w", err)
	}
	return out, nil
}
