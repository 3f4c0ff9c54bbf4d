package store

import (
	"context"
	"fmt"

	"newshound/internal/news"
)

// SnapshotVersion is the format version Export writes and Import accepts.
const SnapshotVersion = 1

// Snapshot is the whole site as plain values: what export writes as JSON
// and import reads back. Times are UTC with microsecond precision, so a
// snapshot survives export -> import -> export byte for byte.
type Snapshot struct {
	Version  int            `json:"version"`
	Sources  []news.Source  `json:"sources"`
	Accounts []news.Account `json:"accounts"`
	Articles []news.Article `json:"articles"`
	Tags     []news.Tag     `json:"tags"`
}

// Export reads every source, account, article (any status, with authors
// and tags) and tag in one consistent read, ordered by ID (tags by slug).
func (s *Store) Export(ctx context.Context) (Snapshot, error) {
	snap := Snapshot{Version: SnapshotVersion}
	err := s.readSnapshot(ctx, func(c conn) error {
		var err error
		if snap.Sources, err = s.sources(ctx, c, `ORDER BY id`); err != nil {
			return fmt.Errorf("sources: %w", err)
		}
		if snap.Accounts, err = s.accounts(ctx, c, `ORDER BY id`); err != nil {
			return fmt.Errorf("accounts: %w", err)
		}
		if snap.Articles, err = listArticles(ctx, c, ` ORDER BY id`); err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		if snap.Tags, err = listTags(ctx, c); err != nil {
			return fmt.Errorf("tags: %w", err)
		}
		return nil
	})
	if err != nil {
		return Snapshot{}, fmt.Errorf("store: export: %w", err)
	}
	return snap, nil
}

// Import writes a snapshot in one transaction, keeping its IDs and slugs.
// When anything clashes with what the database holds (an ID or slug of a
// source, account or article) it fails with ErrConflict and writes nothing.
// Tags already present keep their names.
func (s *Store) Import(ctx context.Context, snap Snapshot) error {
	if snap.Version != SnapshotVersion {
		return fmt.Errorf("store: import: %w: snapshot version %d, this newshound reads version %d", ErrInvalid, snap.Version, SnapshotVersion)
	}
	for i := range snap.Articles {
		if err := prepareArticle(&snap.Articles[i]); err != nil {
			return fmt.Errorf("store: import: article %d: %w", snap.Articles[i].ID, err)
		}
	}
	err := s.transact(ctx, func(c conn) error {
		for i := range snap.Sources {
			src := snap.Sources[i]
			if err := insertSource(ctx, c, &src, src.ID != 0); err != nil {
				return fmt.Errorf("source %d %q: %w", src.ID, src.Slug, s.classify(err))
			}
		}
		for i := range snap.Accounts {
			a := snap.Accounts[i]
			if err := insertAccount(ctx, c, &a, a.ID != 0); err != nil {
				return fmt.Errorf("account %d %q: %w", a.ID, a.Slug, s.classify(err))
			}
		}
		for i := range snap.Tags {
			t := snap.Tags[i]
			if err := upsertTag(ctx, c, &t); err != nil {
				return s.classify(err)
			}
		}
		for i := range snap.Articles {
			a := snap.Articles[i]
			if err := insertArticle(ctx, c, &a, a.ID != 0); err != nil {
				return fmt.Errorf("article %d %q: %w", a.ID, a.Slug, s.classify(err))
			}
		}
		if s.dialect.afterImport != nil {
			return s.dialect.afterImport(ctx, c)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	return nil
}
