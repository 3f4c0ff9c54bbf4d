package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"newshound/internal/store"
)

// How often a long-running worker looks for due sources and, when idle,
// for jobs.
const (
	scheduleEvery = 15 * time.Second
	idleWait      = time.Second
	drainWait     = 50 * time.Millisecond
)

// Progress counts what a run did so far.
type Progress struct {
	SourcesTotal int // polls this run set out to do (RunOnce)
	SourcesDone  int // polls finished, failed ones included
	SourcesError int // polls that failed
	New          int // articles stored
	Updated      int // stored articles replaced by a newer version
	Duplicates   int // entries that were already stored (by URL or content)
	Failed       int // entries given up on, or waiting for a retry
	FromFeed     int // new articles whose body came from the feed
}

// Report is called after each job with the totals so far. Calls do not
// overlap.
type Report func(Progress)

// counter collects Progress from concurrent workers.
type counter struct {
	mu     sync.Mutex
	p      Progress
	report Report
}

func (c *counter) add(f func(p *Progress)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(&c.p)
	if c.report != nil {
		c.report(c.p)
	}
}

func (c *counter) get() Progress {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.p
}

// RunOnce polls every due source now (every source not paused when all
// is true), then works until no job is left that can run now: their page
// jobs, and jobs left running by a worker that died once their lease
// ends. Page retries scheduled for later stay queued for the next run.
func (in *Ingester) RunOnce(ctx context.Context, all bool, report Report) (Progress, error) {
	c := &counter{report: report}
	due, err := in.st.DueSourceFeeds(ctx, in.now(), all)
	if err != nil {
		return Progress{}, err
	}
	for _, sf := range due {
		if err := in.enqueue(ctx, PollJob(sf.SourceID, in.now())); err != nil {
			return Progress{}, err
		}
	}
	c.p.SourcesTotal = len(due)
	err = in.work(ctx, c, true)
	return c.get(), err
}

// Run schedules polls of due sources and works on jobs until ctx ends;
// it returns nil then. Several Run calls, in one process or many sharing a
// PostgreSQL database, share the work without doing any twice.
func (in *Ingester) Run(ctx context.Context, report Report) error {
	c := &counter{report: report}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		in.schedule(ctx)
	}()
	err := in.work(ctx, c, false)
	wg.Wait()
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// schedule enqueues a poll job for each due source now and every
// scheduleEvery until ctx ends. A source whose poll is already queued is
// skipped by the job's key.
func (in *Ingester) schedule(ctx context.Context) {
	t := time.NewTicker(scheduleEvery)
	defer t.Stop()
	for {
		if err := in.EnqueueDue(ctx); err != nil && ctx.Err() == nil {
			in.log.Warn("scheduling polls", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// EnqueueDue enqueues a poll job for every due source.
func (in *Ingester) EnqueueDue(ctx context.Context) error {
	due, err := in.st.DueSourceFeeds(ctx, in.now(), false)
	if err != nil {
		return err
	}
	for _, sf := range due {
		if err := in.enqueue(ctx, PollJob(sf.SourceID, sf.NextPollAt)); err != nil {
			return err
		}
	}
	return nil
}

// work runs opt.Workers workers. With drain, they stop once nothing can
// run now and no worker is busy; otherwise they run until ctx ends. The
// first database error stops a draining run.
func (in *Ingester) work(ctx context.Context, c *counter, drain bool) error {
	if _, err := in.account(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var busy atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	for range in.opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := in.worker(ctx, c, drain, &busy); err != nil {
				once.Do(func() { firstErr = err; cancel() })
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// worker claims and runs jobs one at a time.
func (in *Ingester) worker(ctx context.Context, c *counter, drain bool, busy *atomic.Int64) error {
	for ctx.Err() == nil {
		busy.Add(1)
		job, err := in.claim(ctx)
		if err == nil {
			err = in.run(ctx, c, job)
			busy.Add(-1)
			if err != nil && ctx.Err() == nil {
				in.log.Error("job failed", "job", job.Key, "err", err)
				if drain {
					return err
				}
				sleep(ctx, idleWait)
			}
			continue
		}
		busy.Add(-1)
		if !errors.Is(err, store.ErrNotFound) {
			if ctx.Err() != nil {
				return nil
			}
			if drain {
				return err
			}
			in.log.Error("claiming a job", "err", err)
			sleep(ctx, idleWait)
			continue
		}
		if !drain {
			sleep(ctx, idleWait)
			continue
		}
		if busy.Load() > 0 {
			sleep(ctx, drainWait) // a busy worker may enqueue more
			continue
		}
		// Nothing runnable and nobody busy here: wait only for jobs another
		// (perhaps dead) worker holds, until their leases end.
		end, ok, err := in.st.EarliestLeaseEnd(ctx)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		sleep(ctx, min(max(end.Sub(in.now()), drainWait), idleWait))
	}
	return nil
}

// run runs one claimed job and counts what it did. Errors returned are
// the database's; a job's own failures are recorded on the job.
func (in *Ingester) run(ctx context.Context, c *counter, job store.Job) error {
	switch job.Kind {
	case KindPoll:
		res, err := in.poll(ctx, job)
		if err != nil {
			if ctx.Err() != nil {
				in.release(ctx, job)
				return nil
			}
			return in.failJob(ctx, job, err, in.now().Add(retryDelay(job.Attempts, 0)))
		}
		c.add(func(p *Progress) {
			p.SourcesDone++
			if res.Err != nil {
				p.SourcesError++
			}
		})
		if res.Err != nil {
			in.log.Warn("poll failed", "source", res.SourceID, "err", res.Err, "paused", res.Paused)
		} else {
			in.log.Debug("polled", "source", res.SourceID, "new", res.New)
		}
		return nil
	case KindPage:
		res, retry, err := in.page(ctx, job)
		if err != nil {
			if ctx.Err() != nil {
				in.release(ctx, job)
				return nil
			}
			retryAt := time.Time{}
			if retry {
				retryAt = in.now().Add(retryDelay(job.Attempts, retryHint(err)))
			}
			c.add(func(p *Progress) { p.Failed++ })
			in.log.Warn("page failed", "job", job.Key, "err", err, "retry", !retryAt.IsZero())
			return in.failJob(ctx, job, err, retryAt)
		}
		c.add(func(p *Progress) {
			switch {
			case res.Updated:
				p.Updated++
			case res.Matched == "":
				// an update with nothing to update
			case res.Matched == store.MatchOriginal:
				p.New++
				if res.Source == FromFeed {
					p.FromFeed++
				}
			default:
				p.Duplicates++
			}
		})
		return nil
	default:
		return in.failJob(ctx, job, fmt.Errorf("unknown job kind %q", job.Kind), time.Time{})
	}
}

// release gives a job back when the worker stops before finishing it, so
// that it runs again at once rather than after its lease. If that fails
// too, the lease still runs out.
func (in *Ingester) release(ctx context.Context, job store.Job) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	defer in.turn()()
	if err := in.q.Release(ctx, job); err != nil {
		in.log.Warn("job left to its lease", "job", job.Key, "err", err)
	}
}

// failJob records a failure on the job; losing the lease meanwhile is not
// an error (another worker has the job now).
func (in *Ingester) failJob(ctx context.Context, job store.Job, cause error, retryAt time.Time) error {
	err := in.fail(ctx, job, cause, retryAt)
	if errors.Is(err, store.ErrConflict) {
		return nil
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
