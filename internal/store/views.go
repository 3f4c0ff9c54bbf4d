package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"newshound/internal/news"
)

// ViewDelta is a batch of visits to one article on one day, added to the
// stored counts by AddViews. Day is the calendar date as YYYYMMDD.
type ViewDelta struct {
	ArticleID int64
	Day       int
	Views     int64 // requests counted as views
	Visitors  int64 // of those, first visits by a visitor that day
}

// ViewTotal is what an article page shows: views over all time and unique
// visitors on one day.
type ViewTotal struct {
	Views    int64
	Visitors int64
}

// ViewRank is one line of the organisers' "most read" list.
type ViewRank struct {
	ArticleID int64
	Slug      string
	Title     string
	Status    news.Status
	Views     int64
	Visitors  int64 // summed over the days in the range: visitor-days
}

// AddViews adds every delta to the stored counts in one transaction. The
// upserts are additive, so several processes flushing into one database add
// up exactly. Deltas are applied in (article, day) order so that two
// concurrent flushes lock rows in the same order and cannot deadlock.
// Counts for articles that no longer exist are dropped, not errors: a
// deleted article has no page left to show them on.
func (s *Store) AddViews(ctx context.Context, deltas []ViewDelta) error {
	if len(deltas) == 0 {
		return nil
	}
	sorted := slices.Clone(deltas)
	slices.SortFunc(sorted, func(a, b ViewDelta) int {
		if a.ArticleID != b.ArticleID {
			return cmp.Compare(a.ArticleID, b.ArticleID)
		}
		return a.Day - b.Day
	})
	merged := sorted[:0] // one row per (article, day): an upsert may touch a row once
	for _, d := range sorted {
		if d.Views < 0 || d.Visitors < 0 || d.Visitors > d.Views {
			return fmt.Errorf("store: add views: %w: view delta %+v", ErrInvalid, d)
		}
		if n := len(merged); n > 0 && merged[n-1].ArticleID == d.ArticleID && merged[n-1].Day == d.Day {
			merged[n-1].Views += d.Views
			merged[n-1].Visitors += d.Visitors
			continue
		}
		merged = append(merged, d)
	}
	err := s.transact(ctx, func(c conn) error {
		for chunk := range slices.Chunk(merged, 250) {
			if err := upsertViews(ctx, c, chunk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: add views: %w", err)
	}
	return nil
}

// upsertViews adds deltas (sorted, one per article and day) in one
// statement. Selecting from VALUES with EXISTS skips deleted articles; the
// WHERE clause also keeps SQLite's upsert parser unambiguous, and the casts
// tell PostgreSQL the parameter types. Both databases name VALUES columns
// column1, column2, ...
func upsertViews(ctx context.Context, c conn, deltas []ViewDelta) error {
	args := make([]any, 0, 4*len(deltas))
	for _, d := range deltas {
		args = append(args, d.ArticleID, d.Day, d.Views, d.Visitors)
	}
	rows := commaList("(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT))", len(deltas))
	_, err := c.exec(ctx, `INSERT INTO article_views (article_id, day, views, visitors)
		SELECT v.column1, v.column2, v.column3, v.column4 FROM (VALUES `+rows+`) AS v
		WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = v.column1)
		ORDER BY v.column1, v.column2
		ON CONFLICT (article_id, day) DO UPDATE SET
			views = article_views.views + excluded.views,
			visitors = article_views.visitors + excluded.visitors`, args...)
	return err
}

// ViewTotals returns, for each of ids that has any stored views, its views
// over all time and its unique visitors on day. Articles without views are
// absent from the map.
func (s *Store) ViewTotals(ctx context.Context, ids []int64, day int) (map[int64]ViewTotal, error) {
	out := make(map[int64]ViewTotal, len(ids))
	for chunk := range slices.Chunk(ids, 500) {
		q := `SELECT article_id, CAST(SUM(views) AS BIGINT),
				CAST(SUM(CASE WHEN day = ? THEN visitors ELSE 0 END) AS BIGINT)
			FROM article_views WHERE article_id IN (` + idPlaceholders(len(chunk)) + `)
			GROUP BY article_id`
		args := make([]any, 0, len(chunk)+1)
		args = append(args, day)
		for _, id := range chunk {
			args = append(args, id)
		}
		rows, err := s.conn().query(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("store: view totals: %w", err)
		}
		for rows.Next() {
			var id int64
			var t ViewTotal
			if err := rows.Scan(&id, &t.Views, &t.Visitors); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: view totals: %w", err)
			}
			out[id] = t
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("store: view totals: %w", err)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: view totals: %w", err)
		}
	}
	return out, nil
}

// TopViewed lists the most viewed articles over the days from..to
// (YYYYMMDD, inclusive), most views first, ties by article id. It includes
// articles of every status: organisers want to see what was read.
func (s *Store) TopViewed(ctx context.Context, from, to, limit int) ([]ViewRank, error) {
	if limit <= 0 {
		limit = 20
	}
	out, err := queryAll(ctx, s.conn(), func(sc scanner, r *ViewRank) error {
		var status string
		err := sc.Scan(&r.ArticleID, &r.Slug, &r.Title, &status, &r.Views, &r.Visitors)
		r.Status = news.Status(status)
		return err
	}, `SELECT a.id, a.slug, a.title, a.status, CAST(SUM(v.views) AS BIGINT), CAST(SUM(v.visitors) AS BIGINT)
		FROM article_views v JOIN articles a ON a.id = v.article_id
		WHERE v.day >= ? AND v.day <= ?
		GROUP BY a.id, a.slug, a.title, a.status
		ORDER BY SUM(v.views) DESC, a.id
		LIMIT ?`, from, to, limit)
	if err != nil {
		return nil, fmt.Errorf("store: top viewed: %w", err)
	}
	return out, nil
}

// idPlaceholders returns "?, ?, ..." with n marks, for IN lists.
func idPlaceholders(n int) string { return commaList("?", n) }

// commaList returns n copies of item separated by ", ": the marks of an
// IN list, or the rows of a multi-row VALUES list.
func commaList(item string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(item+", ", n-1) + item
}
