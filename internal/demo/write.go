package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"time"

	"newshound/internal/extract"
	"newshound/internal/news"
	"newshound/internal/store"
)

// write stores the demo site in one transaction, through Import, so that a
// failure leaves nothing half-seeded. IDs are chosen above those already
// used; slugs are left empty for the store to choose, so they never clash.
func write(ctx context.Context, s *store.Store, entries []entry, now time.Time) error {
	snap, err := snapshot(ctx, s, entries, now)
	if err != nil {
		return err
	}
	err = s.Import(ctx, snap)
	if errors.Is(err, store.ErrConflict) {
		// Another process seeding the same database at the same moment
		// wins the race; if it did, there is nothing left to do.
		if n, cerr := s.CountArticles(ctx); cerr == nil && n > 0 {
			return nil
		}
	}
	if err != nil {
		return fmt.Errorf("demo: seed: %w", err)
	}
	return nil
}

// snapshot builds the demo site as a store.Snapshot.
func snapshot(ctx context.Context, s *store.Store, entries []entry, now time.Time) (store.Snapshot, error) {
	srcs, err := s.Sources(ctx)
	if err != nil {
		return store.Snapshot{}, fmt.Errorf("demo: list sources: %w", err)
	}
	accs, err := s.Accounts(ctx)
	if err != nil {
		return store.Snapshot{}, fmt.Errorf("demo: list accounts: %w", err)
	}
	snap := store.Snapshot{Version: store.SnapshotVersion}

	next := int64(1)
	for _, src := range srcs {
		next = max(next, src.ID+1)
	}
	sourceIDs := make(map[string]int64)
	for _, key := range sortedKeys(sources) {
		src := sources[key]
		src.ID = next
		src.CreatedAt = now.Add(-60 * 24 * time.Hour).UTC()
		sourceIDs[key] = next
		snap.Sources = append(snap.Sources, src)
		next++
	}

	acc := account
	acc.ID = 1
	for _, a := range accs {
		acc.ID = max(acc.ID, a.ID+1)
	}
	snap.Accounts = []news.Account{acc}

	tags := map[string]news.Tag{}
	for i, e := range entries {
		a := e.article(now)
		a.ID = int64(i + 1) // the database has no articles yet
		a.SourceID = sourceIDs[e.source]
		a.AccountID = acc.ID
		snap.Articles = append(snap.Articles, a)
		for _, t := range a.Tags {
			tags[t.Slug] = t
		}
	}
	for _, slug := range sortedKeys(tags) {
		snap.Tags = append(snap.Tags, tags[slug])
	}
	return snap, nil
}

// article turns an entry into an article published e.age before now.
func (e entry) article(now time.Time) news.Article {
	published := now.Add(-e.age).UTC().Truncate(time.Second)
	src := sources[e.source]
	lead := e.lead
	text := plainText(e.body)
	sum := sha256.Sum256([]byte(text))
	return news.Article{
		OriginalURL:  src.HomepageURL + "stories/" + news.Slugify(e.title),
		CanonicalURL: src.HomepageURL + "stories/" + news.Slugify(e.title),
		SiteName:     src.Name,
		Title:        e.title,
		Standfirst:   e.standfirst,
		Authors:      e.authors,
		Language:     "en",
		PublishedAt:  published,
		UpdatedAt:    published,
		FetchedAt:    published.Add(40 * time.Minute),
		LeadImage:    &lead,
		BodyHTML:     extract.Sanitize(e.body, ""), // through the same gate as every stored body
		BodyText:     text,
		Tags:         e.tags,
		Fingerprint:  hex.EncodeToString(sum[:]),
		Status:       news.StatusPublished,
	}
}

// sortedKeys returns m's keys in order, so seeding is deterministic.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
