// Package ingest is newshound's aggregator: it polls sources (feeds and
// sitemaps) on an adaptive schedule, fetches each new entry's page, runs it
// through the extractor, drops duplicates and stores the rest, attributed,
// under the site's republishing account.
//
// All work is durable jobs in the database (store.Enqueue/Claim/Complete/
// Fail): a poll job per due source, a page job per new entry. Each job's
// effects and its completion are written in one transaction, and every
// step is keyed (entries by source and GUID or URL, articles by normalized
// URL and content fingerprint), so a worker killed at any point loses
// nothing and, once its lease expires and the job runs again, stores
// nothing twice. See docs/ingestion.md for the dedupe and scheduling design.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"newshound/internal/fetch"
	"newshound/internal/news"
	"newshound/internal/store"
)

// Job kinds.
const (
	KindPoll = "poll"
	KindPage = "page"
)

// Defaults for zero Options fields.
const (
	DefaultMinInterval = 5 * time.Minute
	DefaultMaxInterval = 24 * time.Hour
	DefaultMaxFailures = 10
	DefaultLease       = 2 * time.Minute
	DefaultWorkers     = 4
	// DefaultAccountName is the republishing account created when the site
	// has none.
	DefaultAccountName = "News Hound"
)

// thinText is the least extracted body text (in bytes) taken as an
// article; below it, or when the feed carries more than twice as much, the
// feed's own content is used instead.
const thinText = 300

// Queue is the durable job queue ingestion runs on. *store.Store is one,
// on SQLite and PostgreSQL; poll and page jobs also complete inside the
// store's own transactions (RecordPoll, StoreIngested) so that a job's
// effects and its completion cannot part.
type Queue interface {
	Enqueue(ctx context.Context, j store.Job) (bool, error)
	Runnable(ctx context.Context, now time.Time) (bool, error)
	Claim(ctx context.Context, now time.Time, lease time.Duration, kinds ...string) (store.Job, error)
	Complete(ctx context.Context, j store.Job) error
	Fail(ctx context.Context, j store.Job, cause error, retryAt time.Time) error
	Release(ctx context.Context, j store.Job) error
}

var _ Queue = (*store.Store)(nil)

// Options configure an Ingester. Store and Fetcher are required.
type Options struct {
	Store   *store.Store
	Fetcher *fetch.Client
	Logger  *slog.Logger // nil: discard

	// AccountID is the republishing account articles are credited to; 0
	// means find or create it (see DefaultAccount) on first use.
	AccountID int64

	MinInterval time.Duration // shortest time between polls of one source
	MaxInterval time.Duration // longest
	MaxFailures int           // consecutive failed polls before a source is paused
	Lease       time.Duration // how long a claimed job is a worker's before others may take it
	Workers     int           // concurrent jobs in Run and RunOnce

	// OnStored is called with each new article after it is stored, e.g.
	// to add it to the related-articles index. Its error is logged.
	OnStored func(ctx context.Context, a news.Article) error

	// Now is the clock; nil means time.Now. Tests move it.
	Now func() time.Time
}

// Ingester runs ingestion jobs. It is safe for concurrent use.
type Ingester struct {
	opt   Options
	st    *store.Store
	q     Queue // the store, seen as the queue
	fetch *fetch.Client
	log   *slog.Logger

	mu        sync.Mutex
	accountID int64 // found or created on first use

	oneWriter bool       // SQLite: see writes.go
	wmu       sync.Mutex // this process's turn to write, when oneWriter
}

// New returns an Ingester for opt, filling in defaults.
func New(opt Options) (*Ingester, error) {
	if opt.Store == nil || opt.Fetcher == nil {
		return nil, errors.New("ingest: Options need a Store and a Fetcher")
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.MinInterval <= 0 {
		opt.MinInterval = DefaultMinInterval
	}
	if opt.MaxInterval <= 0 {
		opt.MaxInterval = DefaultMaxInterval
	}
	opt.MaxInterval = max(opt.MaxInterval, opt.MinInterval)
	if opt.MaxFailures <= 0 {
		opt.MaxFailures = DefaultMaxFailures
	}
	if opt.Lease <= 0 {
		opt.Lease = DefaultLease
	}
	if opt.Workers <= 0 {
		opt.Workers = DefaultWorkers
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Ingester{opt: opt, st: opt.Store, q: opt.Store, fetch: opt.Fetcher, log: opt.Logger, accountID: opt.AccountID,
		oneWriter: opt.Store.Dialect() == "sqlite"}, nil
}

func (in *Ingester) now() time.Time { return in.opt.Now().UTC() }

// account returns the republishing account, creating the default one when
// the site has none.
func (in *Ingester) account(ctx context.Context) (int64, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.accountID != 0 {
		return in.accountID, nil
	}
	id, err := DefaultAccount(ctx, in.st)
	if err != nil {
		return 0, err
	}
	in.accountID = id
	return id, nil
}

// DefaultAccount returns the ID of the site's republishing account: the
// first one (lowest ID), or a new "News Hound" account when there is none.
func DefaultAccount(ctx context.Context, st *store.Store) (int64, error) {
	accs, err := st.Accounts(ctx)
	if err != nil {
		return 0, fmt.Errorf("ingest: find republishing account: %w", err)
	}
	var first int64
	for _, a := range accs {
		if first == 0 || a.ID < first {
			first = a.ID
		}
	}
	if first != 0 {
		return first, nil
	}
	a := news.Account{Name: DefaultAccountName, Bio: "Republishes stories from the sources this site follows, credited to their authors."}
	if err := st.CreateAccount(ctx, &a); err != nil {
		return 0, fmt.Errorf("ingest: create republishing account: %w", err)
	}
	return a.ID, nil
}
