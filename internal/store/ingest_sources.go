package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"newshound/internal/news"
)

// SourceFeed is how a source is polled and how that is going: the state
// the ingestion scheduler keeps per source (table source_feeds).
type SourceFeed struct {
	SourceID int64
	Kind     string // "feed" or "sitemap"
	URL      string

	// Validators of the last response, for conditional GET.
	ETag         string
	LastModified string

	NextPollAt    time.Time
	LastPolledAt  time.Time
	LastSuccessAt time.Time
	LastErrorAt   time.Time
	LastError     string
	Failures      int // consecutive failed polls

	Paused      bool
	PauseReason string

	ArticlesImported int
}

// Source feed kinds.
const (
	KindFeed    = "feed"
	KindSitemap = "sitemap"
)

const sourceFeedCols = `source_id, kind, url, etag, last_modified, next_poll_at, last_polled_at,
	last_success_at, last_error_at, last_error, failures, paused, pause_reason, articles_imported`

// CreatePolledSource stores a new source and how to poll it, in one
// transaction; it sets src's ID, slug and CreatedAt and f.SourceID. A
// feed URL that another source already polls gives ErrConflict.
func (s *Store) CreatePolledSource(ctx context.Context, src *news.Source, f *SourceFeed) error {
	if strings.TrimSpace(src.Name) == "" {
		return fmt.Errorf("store: create source: %w: name is empty", ErrInvalid)
	}
	if f.Kind != KindFeed && f.Kind != KindSitemap {
		return fmt.Errorf("store: create source: %w: unknown kind %q", ErrInvalid, f.Kind)
	}
	given := src.Slug
	created := nowUTC()
	if f.NextPollAt.IsZero() {
		f.NextPollAt = created
	}
	err := s.createRetrying(ctx, given == "", func(c conn) error {
		var n int
		if err := c.queryRow(ctx, `SELECT COUNT(*) FROM source_feeds WHERE url = ?`, f.URL).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: %s is already a source", ErrConflict, f.URL)
		}
		ns := *src
		ns.Slug, ns.CreatedAt = given, created
		if err := insertSource(ctx, c, &ns, false); err != nil {
			return err
		}
		_, err := c.exec(ctx, `INSERT INTO source_feeds (source_id, kind, url, next_poll_at) VALUES (?, ?, ?, ?)`,
			ns.ID, f.Kind, f.URL, c.d.timeArg(f.NextPollAt))
		if err != nil {
			return err
		}
		*src = ns
		f.SourceID = ns.ID
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create source %q: %w", src.Name, err)
	}
	return nil
}

// SourceFeed returns the polling state of a source; ErrNotFound when the
// source is not polled.
func (s *Store) SourceFeed(ctx context.Context, sourceID int64) (SourceFeed, error) {
	list, err := s.sourceFeeds(ctx, `WHERE source_id = ?`, sourceID)
	if err == nil && len(list) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return SourceFeed{}, fmt.Errorf("store: source feed %d: %w", sourceID, err)
	}
	return list[0], nil
}

// SourceFeeds returns the polling state of every polled source, by source ID.
func (s *Store) SourceFeeds(ctx context.Context) ([]SourceFeed, error) {
	list, err := s.sourceFeeds(ctx, `ORDER BY source_id`)
	if err != nil {
		return nil, fmt.Errorf("store: source feeds: %w", err)
	}
	return list, nil
}

// DueSourceFeeds returns the sources not paused whose next poll is due by
// now (every one not paused when all is true), soonest first.
func (s *Store) DueSourceFeeds(ctx context.Context, now time.Time, all bool) ([]SourceFeed, error) {
	var list []SourceFeed
	var err error
	if all {
		list, err = s.sourceFeeds(ctx, `WHERE paused = 0 ORDER BY next_poll_at, source_id`)
	} else {
		list, err = s.sourceFeeds(ctx, `WHERE paused = 0 AND next_poll_at <= ? ORDER BY next_poll_at, source_id`,
			s.dialect.timeArg(normTime(now)))
	}
	if err != nil {
		return nil, fmt.Errorf("store: due sources: %w", err)
	}
	return list, nil
}

func (s *Store) sourceFeeds(ctx context.Context, tail string, args ...any) ([]SourceFeed, error) {
	return queryAll(ctx, s.conn(), scanSourceFeed, `SELECT `+sourceFeedCols+` FROM source_feeds `+tail, args...)
}

func scanSourceFeed(sc scanner, f *SourceFeed) error {
	var paused int
	err := sc.Scan(&f.SourceID, &f.Kind, &f.URL, &f.ETag, &f.LastModified,
		timeCol{&f.NextPollAt}, timeCol{&f.LastPolledAt}, timeCol{&f.LastSuccessAt}, timeCol{&f.LastErrorAt},
		&f.LastError, &f.Failures, &paused, &f.PauseReason, &f.ArticlesImported)
	f.Paused = paused != 0
	return err
}

// SetSourcePaused pauses (with a reason people can read) or resumes the
// polling of a source. Resuming clears the failure count and makes the
// source due at once.
func (s *Store) SetSourcePaused(ctx context.Context, sourceID int64, paused bool, reason string) error {
	c := s.conn()
	var res sql.Result
	var err error
	if paused {
		res, err = c.exec(ctx, `UPDATE source_feeds SET paused = 1, pause_reason = ? WHERE source_id = ?`, reason, sourceID)
	} else {
		res, err = c.exec(ctx, `UPDATE source_feeds SET paused = 0, pause_reason = '', failures = 0, next_poll_at = ?
			WHERE source_id = ?`, c.d.timeArg(nowUTC()), sourceID)
	}
	if err == nil {
		if n, _ := res.RowsAffected(); n == 0 {
			err = ErrNotFound
		}
	}
	if err != nil {
		return fmt.Errorf("store: pause source %d: %w", sourceID, err)
	}
	return nil
}

// RemoveSource stops polling a source and forgets what its feed listed.
// The source itself is deleted when it has no articles; otherwise it stays
// so that its articles keep their attribution, and kept reports how many.
func (s *Store) RemoveSource(ctx context.Context, sourceID int64) (kept int, err error) {
	err = s.transact(ctx, func(c conn) error {
		var n int
		if err := c.queryRow(ctx, `SELECT COUNT(*) FROM sources WHERE id = ?`, sourceID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		for _, q := range []string{`DELETE FROM source_feeds WHERE source_id = ?`,
			`DELETE FROM ingest_entries WHERE source_id = ?`,
			`DELETE FROM jobs WHERE key LIKE ?`} {
			arg := any(sourceID)
			if strings.Contains(q, "LIKE") {
				arg = fmt.Sprintf("%%:%d:%%", sourceID)
			}
			if _, err := c.exec(ctx, q, arg); err != nil {
				return err
			}
		}
		if err := c.queryRow(ctx, `SELECT COUNT(*) FROM articles WHERE source_id = ?`, sourceID).Scan(&kept); err != nil {
			return err
		}
		if kept > 0 {
			return nil
		}
		_, err := c.exec(ctx, `DELETE FROM sources WHERE id = ?`, sourceID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: remove source %d: %w", sourceID, s.classify(err))
	}
	return kept, nil
}

// PollOutcome is what one poll of a source found, recorded by RecordPoll.
type PollOutcome struct {
	Feed    SourceFeed  // the new polling state
	Entries []PollEntry // what the feed listed
	Job     *Job        // the poll job, completed in the same transaction; may be nil
}

// PollEntry is one entry a poll found, and the job that fetches it.
type PollEntry struct {
	Key string // GUID, or the normalized URL when the entry has none
	URL string // normalized
	Job Job
	// Updated is when the feed says the entry last changed (zero: it does
	// not say). When a known entry's time moves forward, UpdateJob is
	// enqueued to fetch it again.
	Updated   time.Time
	UpdateJob Job
}

// PollCounts says what RecordPoll enqueued.
type PollCounts struct {
	New     int // entries not seen before
	Updated int // known entries updated since they were seen
}

// RecordPoll saves a poll's outcome in one transaction: the source's new
// state, the entries not seen before from this source (by key or by URL)
// each with its job enqueued, an update job for each known entry whose
// update time moved forward, and the poll job completed. Entries already
// known are otherwise skipped, so a poll that runs twice (its worker died
// before finishing) enqueues nothing twice.
func (s *Store) RecordPoll(ctx context.Context, o PollOutcome) (PollCounts, error) {
	var n PollCounts
	err := s.transact(ctx, func(c conn) error {
		n = PollCounts{}
		now := c.d.timeArg(nowUTC())
		for _, e := range o.Entries {
			var id int64
			var seenUpdated time.Time
			err := c.queryRow(ctx, `SELECT id, updated_at FROM ingest_entries WHERE source_id = ? AND (entry_key = ? OR url = ?)
				ORDER BY id LIMIT 1`, o.Feed.SourceID, e.Key, e.URL).Scan(&id, timeCol{&seenUpdated})
			switch {
			case errors.Is(err, sql.ErrNoRows):
				if _, err := c.exec(ctx, `INSERT INTO ingest_entries (source_id, entry_key, url, seen_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
					o.Feed.SourceID, e.Key, e.URL, now, c.d.timeArg(normTime(e.Updated))); err != nil {
					return err
				}
				if _, err := enqueue(ctx, c, e.Job); err != nil {
					return err
				}
				n.New++
				continue
			case err != nil:
				return err
			}
			up := normTime(e.Updated)
			if up.IsZero() || !up.After(seenUpdated) {
				continue
			}
			if _, err := c.exec(ctx, `UPDATE ingest_entries SET updated_at = ? WHERE id = ?`, c.d.timeArg(up), id); err != nil {
				return err
			}
			if seenUpdated.IsZero() || e.UpdateJob.Key == "" {
				continue // first time the feed gives a time: nothing to compare yet
			}
			if _, err := enqueue(ctx, c, e.UpdateJob); err != nil {
				return err
			}
			n.Updated++
		}
		if err := saveSourceFeed(ctx, c, o.Feed); err != nil {
			return err
		}
		if o.Job != nil {
			return complete(ctx, c, *o.Job)
		}
		return nil
	})
	if err != nil {
		return PollCounts{}, fmt.Errorf("store: record poll of source %d: %w", o.Feed.SourceID, s.classify(err))
	}
	return n, nil
}

// SaveSourceFeed saves the polling state of f (not its kind, URL or count
// of imported articles).
func (s *Store) SaveSourceFeed(ctx context.Context, f SourceFeed) error {
	if err := saveSourceFeed(ctx, s.conn(), f); err != nil {
		return fmt.Errorf("store: save source feed %d: %w", f.SourceID, err)
	}
	return nil
}

func saveSourceFeed(ctx context.Context, c conn, f SourceFeed) error {
	paused := 0
	if f.Paused {
		paused = 1
	}
	res, err := c.exec(ctx, `UPDATE source_feeds SET etag = ?, last_modified = ?, next_poll_at = ?, last_polled_at = ?,
		last_success_at = ?, last_error_at = ?, last_error = ?, failures = ?, paused = ?, pause_reason = ?
		WHERE source_id = ?`,
		f.ETag, f.LastModified, c.d.timeArg(f.NextPollAt), c.d.timeArg(f.LastPolledAt),
		c.d.timeArg(f.LastSuccessAt), c.d.timeArg(f.LastErrorAt), truncate(f.LastError, 1000), f.Failures,
		paused, f.PauseReason, f.SourceID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
