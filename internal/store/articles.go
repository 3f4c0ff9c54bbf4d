package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"newshound/internal/news"
)

// articleCols is the column order of scanArticle.
const articleCols = `id, slug, source_id, account_id, original_url, canonical_url, site_name,
	title, standfirst, language, published_at, updated_at, fetched_at,
	lead_image_url, lead_image_alt, lead_image_caption, lead_image_credit,
	body_html, body_text, fingerprint, status`

// articleOrder is the one order of every article list: newest first, ties
// broken by ID so pages never overlap; articles without a date come last.
const articleOrder = `ORDER BY published_at DESC NULLS LAST, id DESC`

// Limits of one list page.
const (
	defaultPageSize = 20
	maxPageSize     = 1000
)

// ArticleFilter selects articles for Articles.
type ArticleFilter struct {
	SourceID  int64       // 0 = any
	AccountID int64       // 0 = any
	TagSlug   string      // "" = any
	Status    news.Status // "" = published only
	AnyStatus bool        // true = every status, Status ignored (organiser lists)
	Limit     int         // 0 = 20; at most 1000
	Offset    int
}

// CreateArticle stores a new article with its authors, tags (created by
// slug when new) and lead image in one transaction. It sets ID, a unique
// readable Slug from Title when Slug is empty (-2, -3 ... on a clash), and
// Status to published when empty. Times are normalised to UTC microseconds
// and tag names to the stored ones.
func (s *Store) CreateArticle(ctx context.Context, a *news.Article) error {
	if err := prepareArticle(a); err != nil {
		return fmt.Errorf("store: create article: %w", err)
	}
	given := a.Slug
	err := s.createRetrying(ctx, given == "", func(c conn) error {
		n := *a
		n.Slug = given
		n.Tags = append([]news.Tag(nil), a.Tags...)
		if err := insertArticle(ctx, c, &n, false); err != nil {
			return err
		}
		*a = n
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create article %q: %w", a.Title, err)
	}
	return nil
}

// prepareArticle checks a and brings it to stored form.
func prepareArticle(a *news.Article) error {
	if strings.TrimSpace(a.Title) == "" {
		return fmt.Errorf("%w: article title is empty", ErrInvalid)
	}
	if a.SourceID == 0 {
		return fmt.Errorf("%w: article %q has no source", ErrInvalid, a.Title)
	}
	switch a.Status {
	case "":
		a.Status = news.StatusPublished
	case news.StatusPublished, news.StatusDraft, news.StatusUnpublished:
	default:
		return fmt.Errorf("%w: unknown article status %q", ErrInvalid, a.Status)
	}
	tags, err := normTags(a.Tags)
	if err != nil {
		return err
	}
	a.Tags = tags
	a.PublishedAt = normTime(a.PublishedAt)
	a.UpdatedAt = normTime(a.UpdatedAt)
	a.FetchedAt = normTime(a.FetchedAt)
	return nil
}

// normTags fills missing slugs from names (and names from slugs) and drops
// repeated slugs, keeping the first.
func normTags(tags []news.Tag) ([]news.Tag, error) {
	if tags == nil {
		return nil, nil
	}
	out := make([]news.Tag, 0, len(tags))
	seen := map[string]bool{}
	for _, t := range tags {
		if t.Slug == "" {
			t.Slug = news.Slugify(t.Name)
		}
		if t.Slug == "" {
			return nil, fmt.Errorf("%w: tag %q has neither slug nor a name to make one from", ErrInvalid, t.Name)
		}
		if t.Name == "" {
			t.Name = t.Slug
		}
		if !seen[t.Slug] {
			seen[t.Slug] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// insertArticle writes a and its authors and tags. keepID writes a.ID as is
// (import); otherwise the database picks it.
func insertArticle(ctx context.Context, c conn, a *news.Article, keepID bool) error {
	if a.Slug == "" {
		slug, err := freeSlug(ctx, c, "articles", slugBase(a.Title, "article"))
		if err != nil {
			return err
		}
		a.Slug = slug
	}
	args := append([]any{a.Slug}, articleArgs(c.d, a)...)
	args = append(args, c.d.timeArg(nowUTC()))
	const cols = `slug, source_id, account_id, original_url, canonical_url, site_name,
		title, standfirst, language, published_at, updated_at, fetched_at,
		lead_image_url, lead_image_alt, lead_image_caption, lead_image_credit,
		body_html, body_text, fingerprint, status, created_at`
	const marks = `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
	var err error
	if keepID {
		_, err = c.exec(ctx, `INSERT INTO articles (id, `+cols+`) VALUES (?, `+marks+`)`, append([]any{a.ID}, args...)...)
	} else {
		err = c.queryRow(ctx, `INSERT INTO articles (`+cols+`) VALUES (`+marks+`) RETURNING id`, args...).Scan(&a.ID)
	}
	if err != nil {
		return err
	}
	return writeDetails(ctx, c, a)
}

// articleArgs are a's values from source_id to status, in articleCols order.
func articleArgs(d dialect, a *news.Article) []any {
	var account, leadURL any
	if a.AccountID != 0 {
		account = a.AccountID
	}
	var lead news.Figure
	if a.LeadImage != nil {
		lead = *a.LeadImage
		leadURL = lead.ImageURL
	}
	return []any{a.SourceID, account, a.OriginalURL, a.CanonicalURL, a.SiteName,
		a.Title, a.Standfirst, a.Language,
		d.timeArg(a.PublishedAt), d.timeArg(a.UpdatedAt), d.timeArg(a.FetchedAt),
		leadURL, lead.Alt, lead.Caption, lead.Credit,
		a.BodyHTML, a.BodyText, a.Fingerprint, string(a.Status)}
}

// writeDetails stores a's authors and tags, in order. Tags are created when
// new; an existing tag keeps its name, which is copied back into a.Tags.
func writeDetails(ctx context.Context, c conn, a *news.Article) error {
	for i, au := range a.Authors {
		if _, err := c.exec(ctx, `INSERT INTO article_authors (article_id, position, name, url) VALUES (?, ?, ?, ?)`,
			a.ID, i, au.Name, au.URL); err != nil {
			return fmt.Errorf("author %q: %w", au.Name, err)
		}
	}
	for i := range a.Tags {
		t := &a.Tags[i]
		if err := upsertTag(ctx, c, t); err != nil {
			return err
		}
		if _, err := c.exec(ctx, `INSERT INTO article_tags (article_id, tag_slug, position) VALUES (?, ?, ?)`,
			a.ID, t.Slug, i); err != nil {
			return fmt.Errorf("tag %q: %w", t.Slug, err)
		}
	}
	return nil
}

// upsertTag creates t when its slug is new and sets t.Name to the stored name.
func upsertTag(ctx context.Context, c conn, t *news.Tag) error {
	// The no-op update makes RETURNING yield the existing row on a clash.
	err := c.queryRow(ctx, `INSERT INTO tags (slug, name) VALUES (?, ?)
		ON CONFLICT (slug) DO UPDATE SET name = tags.name RETURNING name`, t.Slug, t.Name).Scan(&t.Name)
	if err != nil {
		return fmt.Errorf("tag %q: %w", t.Slug, err)
	}
	return nil
}

// UpdateArticle saves every field of an existing article and replaces its
// authors and tags. The slug never changes once set: a.Slug is set to the
// stored one.
func (s *Store) UpdateArticle(ctx context.Context, a *news.Article) error {
	if err := prepareArticle(a); err != nil {
		return fmt.Errorf("store: update article %d: %w", a.ID, err)
	}
	n := *a
	n.Tags = append([]news.Tag(nil), a.Tags...)
	err := s.transact(ctx, func(c conn) error { return updateArticle(ctx, c, &n) })
	if err != nil {
		return fmt.Errorf("store: update article %d: %w", a.ID, s.classify(err))
	}
	*a = n
	return nil
}

// updateArticle saves every field of the stored article n.ID and replaces
// its authors and tags; n.Slug is set to the stored one. ErrNotFound when
// there is no such article.
func updateArticle(ctx context.Context, c conn, n *news.Article) error {
	args := append(articleArgs(c.d, n), n.ID)
	slug, err := queryOne(ctx, c, scanValue[string],
		`UPDATE articles SET source_id = ?, account_id = ?, original_url = ?,
		canonical_url = ?, site_name = ?, title = ?, standfirst = ?, language = ?,
		published_at = ?, updated_at = ?, fetched_at = ?,
		lead_image_url = ?, lead_image_alt = ?, lead_image_caption = ?, lead_image_credit = ?,
		body_html = ?, body_text = ?, fingerprint = ?, status = ?
		WHERE id = ? RETURNING slug`, args...)
	if err != nil {
		return err
	}
	n.Slug = slug
	for _, table := range []string{"article_authors", "article_tags"} {
		if _, err := c.exec(ctx, `DELETE FROM `+table+` WHERE article_id = ?`, n.ID); err != nil {
			return err
		}
	}
	return writeDetails(ctx, c, n)
}

// Article returns the article with the given ID, whatever its status.
func (s *Store) Article(ctx context.Context, id int64) (news.Article, error) {
	return s.article(ctx, "id", id)
}

// ArticleBySlug returns the article with the given slug, whatever its
// status; the site checks Published before showing it.
func (s *Store) ArticleBySlug(ctx context.Context, slug string) (news.Article, error) {
	return s.article(ctx, "slug", slug)
}

func (s *Store) article(ctx context.Context, col string, key any) (news.Article, error) {
	c := s.conn()
	a, err := queryOne(ctx, c, scanArticle, `SELECT `+articleCols+` FROM articles WHERE `+col+` = ?`, key)
	if err == nil {
		err = loadDetails(ctx, c, []*news.Article{&a})
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("store: article %s %v: %w", col, key, err)
	}
	return a, nil
}

// Articles lists the articles f selects, newest first (published_at DESC,
// id DESC), and the number of all matching articles for pagination.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]news.Article, int, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, fmt.Errorf("store: list articles: %w: negative limit or offset", ErrInvalid)
	}
	if f.Limit == 0 {
		f.Limit = defaultPageSize
	}
	f.Limit = min(f.Limit, maxPageSize)
	where, args := f.where()
	c := s.conn()
	var total int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM articles`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count articles: %w", err)
	}
	if total == 0 || f.Offset >= total {
		return nil, total, nil
	}
	list, err := listArticles(ctx, c, where+` `+articleOrder+` LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list articles: %w", err)
	}
	return list, total, nil
}

// where builds the WHERE clause of f.
func (f ArticleFilter) where() (string, []any) {
	var conds []string
	var args []any
	if !f.AnyStatus {
		st := f.Status
		if st == "" {
			st = news.StatusPublished
		}
		conds, args = append(conds, `status = ?`), append(args, string(st))
	}
	if f.SourceID != 0 {
		conds, args = append(conds, `source_id = ?`), append(args, f.SourceID)
	}
	if f.AccountID != 0 {
		conds, args = append(conds, `account_id = ?`), append(args, f.AccountID)
	}
	if f.TagSlug != "" {
		conds = append(conds, `id IN (SELECT article_id FROM article_tags WHERE tag_slug = ?)`)
		args = append(args, f.TagSlug)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(conds, ` AND `), args
}

// listArticles runs a SELECT of whole articles with the given tail
// (WHERE/ORDER/LIMIT) and loads their authors and tags.
func listArticles(ctx context.Context, c conn, tail string, args ...any) ([]news.Article, error) {
	return listArticlesWith(ctx, c, "", tail, args...)
}

// listArticlesWith is listArticles with a head (a WITH clause) before the SELECT.
func listArticlesWith(ctx context.Context, c conn, head, tail string, args ...any) ([]news.Article, error) {
	out, err := queryAll(ctx, c, scanArticle, head+` SELECT `+articleCols+` FROM articles`+tail, args...)
	if err != nil {
		return nil, err
	}
	ptrs := make([]*news.Article, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, loadDetails(ctx, c, ptrs)
}

// CountArticles counts every stored article, whatever its status.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.conn().queryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count articles: %w", err)
	}
	return n, nil
}

func scanArticle(sc scanner, a *news.Article) error {
	var account sql.NullInt64
	var leadURL sql.NullString
	var lead news.Figure
	var status string
	err := sc.Scan(&a.ID, &a.Slug, &a.SourceID, &account, &a.OriginalURL, &a.CanonicalURL, &a.SiteName,
		&a.Title, &a.Standfirst, &a.Language,
		timeCol{&a.PublishedAt}, timeCol{&a.UpdatedAt}, timeCol{&a.FetchedAt},
		&leadURL, &lead.Alt, &lead.Caption, &lead.Credit,
		&a.BodyHTML, &a.BodyText, &a.Fingerprint, &status)
	if err != nil {
		return err
	}
	a.AccountID = account.Int64
	a.Status = news.Status(status)
	if leadURL.Valid {
		lead.ImageURL = leadURL.String
		a.LeadImage = &lead
	}
	return nil
}

// detailBatch bounds the IN lists of loadDetails, well under every
// driver's parameter limit.
const detailBatch = 500

// loadDetails fills Authors and Tags of the given articles, in stored order.
func loadDetails(ctx context.Context, c conn, list []*news.Article) error {
	for len(list) > 0 {
		n := min(len(list), detailBatch)
		if err := loadDetailBatch(ctx, c, list[:n]); err != nil {
			return err
		}
		list = list[n:]
	}
	return nil
}

func loadDetailBatch(ctx context.Context, c conn, list []*news.Article) error {
	byID := make(map[int64]*news.Article, len(list))
	ids := make([]any, len(list))
	for i, a := range list {
		byID[a.ID] = a
		ids[i] = a.ID
	}
	in := `(` + idPlaceholders(len(ids)) + `)`
	rows, err := c.query(ctx, `SELECT article_id, name, url FROM article_authors
		WHERE article_id IN `+in+` ORDER BY article_id, position`, ids...)
	if err != nil {
		return fmt.Errorf("load authors: %w", err)
	}
	for rows.Next() {
		var id int64
		var au news.Author
		if err := rows.Scan(&id, &au.Name, &au.URL); err != nil {
			rows.Close()
			return fmt.Errorf("load authors: %w", err)
		}
		byID[id].Authors = append(byID[id].Authors, au)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load authors: %w", err)
	}
	rows, err = c.query(ctx, `SELECT at.article_id, t.slug, t.name FROM article_tags at
		JOIN tags t ON t.slug = at.tag_slug
		WHERE at.article_id IN `+in+` ORDER BY at.article_id, at.position`, ids...)
	if err != nil {
		return fmt.Errorf("load tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t news.Tag
		if err := rows.Scan(&id, &t.Slug, &t.Name); err != nil {
			return fmt.Errorf("load tags: %w", err)
		}
		byID[id].Tags = append(byID[id].Tags, t)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load tags: %w", err)
	}
	return nil
}
