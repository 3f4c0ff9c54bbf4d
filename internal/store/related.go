package store

import (
	"context"
	"fmt"
	"slices"

	"newshound/internal/news"
)

// EachArticleText calls fn with every published article, in ID order,
// carrying only what the related-articles index reads: ID, SourceID, Title,
// Standfirst, BodyText, Tags, Fingerprint, OriginalURL and Status. It skips
// BodyHTML and the rest so that indexing a large site at start-up stays light.
func (s *Store) EachArticleText(ctx context.Context, fn func(a news.Article) error) error {
	if err := s.articleTexts(ctx, "", nil, fn); err != nil {
		return fmt.Errorf("store: article texts: %w", err)
	}
	return nil
}

// ArticleTexts is EachArticleText for the published articles among ids.
func (s *Store) ArticleTexts(ctx context.Context, ids []int64) ([]news.Article, error) {
	var out []news.Article
	for chunk := range slices.Chunk(ids, 500) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		err := s.articleTexts(ctx, ` AND a.id IN (`+idPlaceholders(len(chunk))+`)`, args, func(a news.Article) error {
			out = append(out, a)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("store: article texts: %w", err)
		}
	}
	return out, nil
}

// PublishedIDs returns the IDs of all published articles, in order.
func (s *Store) PublishedIDs(ctx context.Context) ([]int64, error) {
	return s.relatedColumn(ctx, `SELECT id FROM articles WHERE status = ? ORDER BY id`, string(news.StatusPublished))
}

// articleTexts streams the published articles matching cond (" AND ...",
// on alias a) with their tags.
func (s *Store) articleTexts(ctx context.Context, cond string, args []any, fn func(a news.Article) error) error {
	c := s.conn()
	all := append([]any{string(news.StatusPublished)}, args...)
	tags := map[int64][]news.Tag{}
	rows, err := c.query(ctx, `SELECT at.article_id, t.slug, t.name FROM article_tags at
		JOIN tags t ON t.slug = at.tag_slug
		JOIN articles a ON a.id = at.article_id
		WHERE a.status = ?`+cond+`
		ORDER BY at.article_id, at.position`, all...)
	if err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	for rows.Next() {
		var id int64
		var t news.Tag
		if err := rows.Scan(&id, &t.Slug, &t.Name); err != nil {
			rows.Close()
			return fmt.Errorf("tags: %w", err)
		}
		tags[id] = append(tags[id], t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("tags: %w", err)
	}

	rows, err = c.query(ctx, `SELECT a.id, a.source_id, a.title, a.standfirst, a.body_text, a.fingerprint, a.original_url
		FROM articles a WHERE a.status = ?`+cond+` ORDER BY a.id`, all...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a := news.Article{Status: news.StatusPublished}
		if err := rows.Scan(&a.ID, &a.SourceID, &a.Title, &a.Standfirst, &a.BodyText, &a.Fingerprint, &a.OriginalURL); err != nil {
			return err
		}
		a.Tags = tags[a.ID]
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SaveRelated replaces the stored recommendations of each article in lists
// (article ID -> related IDs, best first) in one transaction. Articles that
// have been deleted meanwhile are skipped, on either side.
func (s *Store) SaveRelated(ctx context.Context, lists map[int64][]int64) error {
	if len(lists) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(lists))
	for id := range lists {
		ids = append(ids, id)
	}
	slices.Sort(ids) // one lock order for concurrent savers
	var rows [][3]int64
	for _, id := range ids {
		for rank, rel := range lists[id] {
			if rel == id {
				return fmt.Errorf("store: save related: %w: article %d recommended to itself", ErrInvalid, id)
			}
			rows = append(rows, [3]int64{id, int64(rank + 1), rel})
		}
	}
	err := s.transact(ctx, func(c conn) error {
		for chunk := range slices.Chunk(ids, 500) {
			args := make([]any, len(chunk))
			for i, id := range chunk {
				args[i] = id
			}
			if _, err := c.exec(ctx, `DELETE FROM article_related WHERE article_id IN (`+idPlaceholders(len(chunk))+`)`, args...); err != nil {
				return err
			}
		}
		for chunk := range slices.Chunk(rows, 300) {
			if err := insertRelated(ctx, c, chunk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save related: %w", s.classify(err))
	}
	return nil
}

// insertRelated writes (article, rank, related) rows in one statement. Rows
// naming an article that no longer exists are filtered out rather than
// failing the batch on a foreign key. VALUES columns are called column1..3
// by both databases; the casts tell PostgreSQL the parameter types.
func insertRelated(ctx context.Context, c conn, rows [][3]int64) error {
	args := make([]any, 0, 3*len(rows))
	for _, r := range rows {
		args = append(args, r[0], r[1], r[2])
	}
	values := commaList("(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT))", len(rows))
	_, err := c.exec(ctx, `INSERT INTO article_related (article_id, rank, related_id)
		SELECT v.column1, v.column2, v.column3 FROM (VALUES `+values+`) AS v
		WHERE EXISTS (SELECT 1 FROM articles WHERE id = v.column1)
		AND EXISTS (SELECT 1 FROM articles WHERE id = v.column3)`, args...)
	return err
}

// RelatedArticles returns up to limit published articles recommended for
// articleID, best first: one indexed lookup, for the article page.
func (s *Store) RelatedArticles(ctx context.Context, articleID int64, limit int) ([]news.Article, error) {
	if limit <= 0 {
		limit = 5
	}
	list, err := listArticles(ctx, s.conn(), ` JOIN article_related r ON r.related_id = articles.id
		WHERE r.article_id = ? AND articles.status = ?
		ORDER BY r.rank LIMIT ?`, articleID, string(news.StatusPublished), limit)
	if err != nil {
		return nil, fmt.Errorf("store: related articles of %d: %w", articleID, err)
	}
	return list, nil
}

// RelatedIDs returns the stored recommendation IDs of an article, best
// first, whatever their status.
func (s *Store) RelatedIDs(ctx context.Context, articleID int64) ([]int64, error) {
	return s.relatedColumn(ctx, `SELECT related_id FROM article_related WHERE article_id = ? ORDER BY rank`, articleID)
}

// RelatedReferrers returns the articles that recommend articleID, so their
// lists can be recomputed when it is taken down or changed.
func (s *Store) RelatedReferrers(ctx context.Context, articleID int64) ([]int64, error) {
	return s.relatedColumn(ctx, `SELECT article_id FROM article_related WHERE related_id = ? ORDER BY article_id`, articleID)
}

// ArticlesWithoutRelated returns the published articles that have no
// stored recommendations yet, e.g. those stored before the index existed.
func (s *Store) ArticlesWithoutRelated(ctx context.Context) ([]int64, error) {
	return s.relatedColumn(ctx, `SELECT id FROM articles a WHERE status = ?
		AND NOT EXISTS (SELECT 1 FROM article_related r WHERE r.article_id = a.id)
		ORDER BY id`, string(news.StatusPublished))
}

// relatedColumn runs a query returning one column of IDs.
func (s *Store) relatedColumn(ctx context.Context, q string, args ...any) ([]int64, error) {
	out, err := queryAll(ctx, s.conn(), scanValue[int64], q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: related: %w", err)
	}
	return out, nil
}
