package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"

	"newshound/internal/news"
)

// Ingested is an article ready to store, with what ingestion knows of it.
type Ingested struct {
	Article       *news.Article // ID and Slug are set when stored
	URLNorm       string        // normalized original URL: one article per URL
	ContentSource string        // "page" (extracted) or "feed" (the feed's own content)
	PageGz        []byte        // the fetched page, gzip-compressed; nil when none
	MinHash       []byte        // the content signature
	Bands         []int64       // LSH band hashes of the signature, each mixing in its band number
	// Same reports whether a stored signature is a near-duplicate of this
	// one; nil disables content matching.
	Same func(sig []byte) bool
	Job  *Job // the page job, completed in the same transaction; may be nil
}

// Dedupe outcomes of StoreIngested.
const (
	MatchOriginal = "original" // stored as a new article
	MatchURL      = "url"      // an article with the same normalized URL exists
	MatchContent  = "content"  // a near-duplicate article exists
)

// StoreIngested stores in as a new article unless it duplicates one
// already stored, by normalized URL or by content; a duplicate is instead
// recorded as carried by in's source. In both cases the job is completed
// in the same transaction, so a crash either did all of it or none. It
// returns the ID of the article (new or matched) and how it matched.
//
// On PostgreSQL transaction-scoped advisory locks on the URL and the
// fingerprint's bands make concurrent workers storing two copies of one
// story take turns, so they are still stored once (see lockDedupeKeys);
// SQLite's write transactions take turns anyway.
func (s *Store) StoreIngested(ctx context.Context, in Ingested) (id int64, matched string, err error) {
	a := in.Article
	if err := prepareArticle(a); err != nil {
		return 0, "", fmt.Errorf("store: ingest article: %w", err)
	}
	err = s.createRetrying(ctx, a.Slug == "", func(c conn) error {
		if c.d.name == postgresDialect.name {
			if err := lockDedupeKeys(ctx, c, in); err != nil {
				return err
			}
		}
		var err error
		id, matched, err = s.storeIngested(ctx, c, in)
		return err
	})
	if err != nil {
		return 0, "", fmt.Errorf("store: ingest article %q: %w", a.Title, err)
	}
	return id, matched, nil
}

func (s *Store) storeIngested(ctx context.Context, c conn, in Ingested) (int64, string, error) {
	a := in.Article
	now := c.d.timeArg(nowUTC())
	dup, err := findDuplicate(ctx, c, in)
	if err != nil {
		return 0, "", err
	}
	if dup.id != 0 {
		if _, err := c.exec(ctx, `INSERT INTO article_sources (article_id, source_id, url, matched_by, seen_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, dup.id, a.SourceID, in.URLNorm, dup.by, now); err != nil {
			return 0, "", err
		}
		if in.Job != nil {
			if err := complete(ctx, c, *in.Job); err != nil {
				return 0, "", err
			}
		}
		return dup.id, dup.by, nil
	}
	n := *a
	n.Tags = append([]news.Tag(nil), a.Tags...)
	if err := insertArticle(ctx, c, &n, false); err != nil {
		return 0, "", err
	}
	if _, err := c.exec(ctx, `INSERT INTO article_ingest (article_id, url_norm, content_source, page_gz, minhash)
		VALUES (?, ?, ?, ?, ?)`, n.ID, in.URLNorm, in.ContentSource, in.PageGz, in.MinHash); err != nil {
		return 0, "", err
	}
	if err := insertBands(ctx, c, n.ID, in.Bands); err != nil {
		return 0, "", err
	}
	if _, err := c.exec(ctx, `INSERT INTO article_sources (article_id, source_id, url, matched_by, seen_at)
		VALUES (?, ?, ?, 'original', ?)`, n.ID, n.SourceID, in.URLNorm, now); err != nil {
		return 0, "", err
	}
	if _, err := c.exec(ctx, `UPDATE source_feeds SET articles_imported = articles_imported + 1 WHERE source_id = ?`,
		n.SourceID); err != nil {
		return 0, "", err
	}
	if in.Job != nil {
		if err := complete(ctx, c, *in.Job); err != nil {
			return 0, "", err
		}
	}
	*a = n
	return n.ID, MatchOriginal, nil
}

// lockDedupeKeys takes transaction-scoped advisory locks on what a
// duplicate of in would share with it: its normalized URL and each of its
// MinHash bands. Two copies of one story share the URL or (almost surely)
// a band, so they take turns; unrelated articles do not wait for each
// other. Keys are sorted so that concurrent lockers cannot deadlock.
func lockDedupeKeys(ctx context.Context, c conn, in Ingested) error {
	h := fnv.New64a()
	h.Write([]byte(in.URLNorm))
	keys := append([]int64{int64(h.Sum64())}, in.Bands...)
	slices.Sort(keys)
	_, err := c.exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(? AS BIGINT[])) AS k ORDER BY k`, keys)
	return err
}

// UpdateIngested replaces the stored article with in's URL by in.Article
// (a newer version of the page): its body, title, standfirst, lead image,
// authors, tags and times, keeping its ID, slug, source, account and
// status; and its stored page, content source and fingerprint. The job is
// completed in the same transaction. ErrNotFound when no ingested article
// has that URL.
func (s *Store) UpdateIngested(ctx context.Context, in Ingested) (int64, error) {
	a := in.Article
	if err := prepareArticle(a); err != nil {
		return 0, fmt.Errorf("store: update ingested article: %w", err)
	}
	var id int64
	err := s.transact(ctx, func(c conn) error {
		var err error
		if id, err = articleIDByURL(ctx, c, in.URLNorm); err != nil {
			return err
		}
		var old news.Article
		if err := scanArticle(c.queryRow(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ?`, id), &old); err != nil {
			return err
		}
		n := *a
		n.ID, n.Slug, n.SourceID, n.AccountID, n.Status = old.ID, old.Slug, old.SourceID, old.AccountID, old.Status
		if n.PublishedAt.IsZero() {
			n.PublishedAt = old.PublishedAt
		}
		n.Tags = append([]news.Tag(nil), a.Tags...)
		if err := updateArticle(ctx, c, &n); err != nil {
			return err
		}
		if _, err := c.exec(ctx, `UPDATE article_ingest SET content_source = ?, page_gz = ?, minhash = ? WHERE article_id = ?`,
			in.ContentSource, in.PageGz, in.MinHash, n.ID); err != nil {
			return err
		}
		if err := replaceBands(ctx, c, n.ID, in.Bands); err != nil {
			return err
		}
		if in.Job != nil {
			if err := complete(ctx, c, *in.Job); err != nil {
				return err
			}
		}
		*a = n
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: update ingested article %s: %w", in.URLNorm, s.classify(err))
	}
	return id, nil
}

// SaveReextracted saves an article whose body was extracted again from its
// stored page: every field, as UpdateArticle does, with where its body now
// comes from and its content signature (minhash, bands) recomputed from
// the new text. All of it is one transaction, so dedupe never matches new
// pages against text the article no longer has. The stored page stays.
// ErrNotFound when the article was not ingested.
func (s *Store) SaveReextracted(ctx context.Context, a *news.Article, contentSource string, minhash []byte, bands []int64) error {
	if err := prepareArticle(a); err != nil {
		return fmt.Errorf("store: save re-extracted article %d: %w", a.ID, err)
	}
	n := *a
	n.Tags = append([]news.Tag(nil), a.Tags...)
	err := s.transact(ctx, func(c conn) error {
		res, err := c.exec(ctx, `UPDATE article_ingest SET content_source = ?, minhash = ? WHERE article_id = ?`,
			contentSource, minhash, n.ID)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil || k == 0 {
			return cmp.Or(err, ErrNotFound)
		}
		if err := updateArticle(ctx, c, &n); err != nil {
			return err
		}
		return replaceBands(ctx, c, n.ID, bands)
	})
	if err != nil {
		return fmt.Errorf("store: save re-extracted article %d: %w", a.ID, s.classify(err))
	}
	*a = n
	return nil
}

// replaceBands replaces an article's fingerprint bands with bands.
func replaceBands(ctx context.Context, c conn, articleID int64, bands []int64) error {
	if _, err := c.exec(ctx, `DELETE FROM article_bands WHERE article_id = ?`, articleID); err != nil {
		return err
	}
	return insertBands(ctx, c, articleID, bands)
}

// insertBands writes an article's fingerprint bands in one statement: a
// round trip each would cost more than the rest of the insert.
func insertBands(ctx context.Context, c conn, articleID int64, bands []int64) error {
	if len(bands) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(bands))
	for _, h := range bands {
		args = append(args, h, articleID)
	}
	_, err := c.exec(ctx, `INSERT INTO article_bands (hash, article_id) VALUES `+
		commaList(`(?, ?)`, len(bands))+` ON CONFLICT DO NOTHING`, args...)
	return err
}

type duplicate struct {
	id int64
	by string
}

// findDuplicate looks for a stored article with in's normalized URL, then
// for one whose signature shares a band with in's and is judged the same.
func findDuplicate(ctx context.Context, c conn, in Ingested) (duplicate, error) {
	var id int64
	err := c.queryRow(ctx, `SELECT article_id FROM article_ingest WHERE url_norm = ?`, in.URLNorm).Scan(&id)
	if err == nil {
		return duplicate{id, MatchURL}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return duplicate{}, err
	}
	// Articles that did not come through ingestion (imported, seeded) have
	// no normalized URL; their original URL, as stored, still counts.
	if u := in.Article.OriginalURL; u != "" {
		canon := in.Article.CanonicalURL
		if canon == "" {
			canon = u // never match the empty URL of articles that have none
		}
		err := c.queryRow(ctx, `SELECT id FROM articles WHERE original_url = ? OR original_url = ? ORDER BY id LIMIT 1`,
			u, canon).Scan(&id)
		if err == nil {
			return duplicate{id, MatchURL}, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return duplicate{}, err
		}
	}
	if in.Same == nil || len(in.Bands) == 0 {
		return duplicate{}, nil
	}
	args := make([]any, len(in.Bands))
	for i, h := range in.Bands {
		args[i] = h
	}
	rows, err := c.query(ctx, `SELECT ai.article_id, ai.minhash FROM article_ingest ai
		WHERE ai.article_id IN (SELECT b.article_id FROM article_bands b WHERE b.hash IN (`+idPlaceholders(len(args))+`))
		ORDER BY ai.article_id`, args...)
	if err != nil {
		return duplicate{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var sig []byte
		if err := rows.Scan(&id, &sig); err != nil {
			return duplicate{}, err
		}
		if in.Same(sig) {
			return duplicate{id, MatchContent}, nil
		}
	}
	return duplicate{}, rows.Err()
}

// Carrier is one source that carried an article.
type Carrier struct {
	SourceID  int64
	URL       string
	MatchedBy string // MatchOriginal, MatchURL or MatchContent
}

// Carriers lists the sources that carried an article, the original first.
func (s *Store) Carriers(ctx context.Context, articleID int64) ([]Carrier, error) {
	out, err := queryAll(ctx, s.conn(), func(sc scanner, cr *Carrier) error {
		return sc.Scan(&cr.SourceID, &cr.URL, &cr.MatchedBy)
	}, `SELECT source_id, url, matched_by FROM article_sources
		WHERE article_id = ? ORDER BY CASE matched_by WHEN 'original' THEN 0 ELSE 1 END, seen_at, source_id, url`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: carriers of %d: %w", articleID, err)
	}
	return out, nil
}

// IngestedPage is what reextract needs of an ingested article.
type IngestedPage struct {
	ArticleID     int64
	URL           string // normalized
	ContentSource string
	PageGz        []byte // nil when the page was never fetched
}

// IngestedIDs lists the ingested articles of a source (all when sourceID
// is 0), by ID.
func (s *Store) IngestedIDs(ctx context.Context, sourceID int64) ([]int64, error) {
	q, args := `SELECT ai.article_id FROM article_ingest ai ORDER BY ai.article_id`, []any(nil)
	if sourceID != 0 {
		q = `SELECT ai.article_id FROM article_ingest ai JOIN articles a ON a.id = ai.article_id
			WHERE a.source_id = ? ORDER BY ai.article_id`
		args = []any{sourceID}
	}
	return s.relatedColumn(ctx, q, args...)
}

// IngestedPage returns the stored page of an ingested article.
func (s *Store) IngestedPage(ctx context.Context, articleID int64) (IngestedPage, error) {
	p, err := queryOne(ctx, s.conn(), func(sc scanner, p *IngestedPage) error {
		return sc.Scan(&p.URL, &p.ContentSource, &p.PageGz)
	}, `SELECT url_norm, content_source, page_gz FROM article_ingest WHERE article_id = ?`, articleID)
	if err != nil {
		return IngestedPage{}, fmt.Errorf("store: ingested page %d: %w", articleID, err)
	}
	p.ArticleID = articleID
	return p, nil
}

// ArticleIDByURL returns the ingested article stored from a normalized URL.
func (s *Store) ArticleIDByURL(ctx context.Context, urlNorm string) (int64, error) {
	id, err := articleIDByURL(ctx, s.conn(), urlNorm)
	if err != nil {
		return 0, fmt.Errorf("store: article by URL: %w", err)
	}
	return id, nil
}

// articleIDByURL looks up the ingested article stored from a normalized
// URL; ErrNotFound when there is none.
func articleIDByURL(ctx context.Context, c conn, urlNorm string) (int64, error) {
	return queryOne(ctx, c, scanValue[int64], `SELECT article_id FROM article_ingest WHERE url_norm = ?`, urlNorm)
}
