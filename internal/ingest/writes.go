package ingest

import (
	"context"
	"time"

	"newshound/internal/news"
	"newshound/internal/store"
)

// SQLite has one writer at a time. Writers that find the database locked
// wait in SQLite's busy handler, which sleeps in steps of up to 100 ms;
// with several workers in one process that sleeping, not the work, set
// the pace. So on SQLite this process's workers take turns to write on a
// mutex first, and the busy handler is left to arbitrate between
// processes. PostgreSQL needs no such turn.

// turn waits for this process's turn to write and returns its end.
func (in *Ingester) turn() func() {
	if !in.oneWriter {
		return func() {}
	}
	in.wmu.Lock()
	return in.wmu.Unlock
}

// claim claims the next job, ErrNotFound when there is none. It asks
// first without the write lock a claim takes, so that idle workers
// looking for work do not keep busy ones waiting for it.
func (in *Ingester) claim(ctx context.Context) (store.Job, error) {
	ok, err := in.q.Runnable(ctx, in.now())
	if err != nil {
		return store.Job{}, err
	}
	if !ok {
		return store.Job{}, store.ErrNotFound
	}
	defer in.turn()()
	return in.q.Claim(ctx, in.now(), in.opt.Lease, KindPoll, KindPage)
}

func (in *Ingester) enqueue(ctx context.Context, j store.Job) error {
	defer in.turn()()
	_, err := in.q.Enqueue(ctx, j)
	return err
}

func (in *Ingester) complete(ctx context.Context, j store.Job) error {
	defer in.turn()()
	return in.q.Complete(ctx, j)
}

func (in *Ingester) fail(ctx context.Context, j store.Job, cause error, retryAt time.Time) error {
	defer in.turn()()
	return in.q.Fail(ctx, j, cause, retryAt)
}

func (in *Ingester) recordPoll(ctx context.Context, o store.PollOutcome) (store.PollCounts, error) {
	defer in.turn()()
	return in.st.RecordPoll(ctx, o)
}

func (in *Ingester) updateIngested(ctx context.Context, x store.Ingested) (int64, error) {
	defer in.turn()()
	return in.st.UpdateIngested(ctx, x)
}

func (in *Ingester) storeIngested(ctx context.Context, x store.Ingested) (int64, string, error) {
	defer in.turn()()
	return in.st.StoreIngested(ctx, x)
}

func (in *Ingester) saveReextracted(ctx context.Context, a *news.Article, sig Signature) error {
	defer in.turn()()
	return in.st.SaveReextracted(ctx, a, FromPage, sig.Bytes(), sig.Bands())
}
