package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestQueueLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		added, err := s.Enqueue(ctx, store.Job{Kind: "poll", Key: "poll:1:", Payload: `{"a":1}`, RunAt: now, MaxAttempts: 2})
		if err != nil || !added {
			t.Fatalf("Enqueue = %v, %v; want added", added, err)
		}
		if added, err := s.Enqueue(ctx, store.Job{Kind: "poll", Key: "poll:1:", Payload: `{"a":2}`, RunAt: now}); err != nil || added {
			t.Fatalf("second Enqueue of the same key = %v, %v; want a no-op", added, err)
		}
		if _, err := s.Enqueue(ctx, store.Job{Kind: "page", Key: "page:later", RunAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}

		j, err := s.Claim(ctx, now, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if j.Key != "poll:1:" || j.Payload != `{"a":1}` || j.Attempts != 1 || j.State != store.JobRunning {
			t.Fatalf("claimed %+v", j)
		}
		// The other job is not due, and the claimed one is leased.
		if _, err := s.Claim(ctx, now, time.Minute); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Claim with nothing due = %v, want ErrNotFound", err)
		}
		for _, tc := range []struct {
			at   time.Time
			want bool
		}{{now, false}, {now.Add(2 * time.Minute), true}, {now.Add(2 * time.Hour), true}} {
			if ok, err := s.Runnable(ctx, tc.at); err != nil || ok != tc.want {
				t.Errorf("Runnable at +%v = %v, %v; want %v", tc.at.Sub(now), ok, err, tc.want)
			}
		}
		// Once the lease ends, another worker takes it; the first has lost it.
		j2, err := s.Claim(ctx, now.Add(2*time.Minute), time.Minute, "poll")
		if err != nil || j2.ID != j.ID || j2.Attempts != 2 {
			t.Fatalf("reclaim after the lease = %+v, %v", j2, err)
		}
		if err := s.Complete(ctx, j); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("Complete by the worker that lost the lease = %v, want ErrConflict", err)
		}
		// Failing with attempts used up makes it dead; enqueueing revives it.
		if err := s.Fail(ctx, j2, errors.New("feed said 500"), now.Add(3*time.Minute)); err != nil {
			t.Fatal(err)
		}
		counts, err := s.JobCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts[store.JobDead] != 1 || counts[store.JobQueued] != 1 {
			t.Fatalf("job counts = %v, want 1 dead and 1 queued", counts)
		}
		if added, err := s.Enqueue(ctx, store.Job{Kind: "poll", Key: "poll:1:", Payload: `{"a":3}`, RunAt: now}); err != nil || !added {
			t.Fatalf("Enqueue of a dead job's key = %v, %v; want revived", added, err)
		}
		j3, err := s.Claim(ctx, now, time.Minute, "poll")
		if err != nil || j3.Payload != `{"a":3}` || j3.Attempts != 1 || j3.LastError != "" {
			t.Fatalf("revived job claimed as %+v, %v", j3, err)
		}
		// A failure with attempts left runs again at the given time.
		if err := s.Fail(ctx, j3, errors.New("timed out"), now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Claim(ctx, now, time.Minute, "poll"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Claim before the retry time = %v, want ErrNotFound", err)
		}
		j4, err := s.Claim(ctx, now.Add(time.Minute), time.Minute, "poll")
		if err != nil || j4.LastError != "timed out" {
			t.Fatalf("retry = %+v, %v", j4, err)
		}
		if err := s.Complete(ctx, j4); err != nil {
			t.Fatal(err)
		}
		// A released job runs again at once, its attempt not counted.
		if _, err := s.Enqueue(ctx, store.Job{Kind: "poll", Key: "poll:2:", RunAt: now}); err != nil {
			t.Fatal(err)
		}
		r1, err := s.Claim(ctx, now, time.Hour, "poll")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Release(ctx, r1); err != nil {
			t.Fatal(err)
		}
		r2, err := s.Claim(ctx, now, time.Hour, "poll")
		if err != nil || r2.ID != r1.ID || r2.Attempts != 1 {
			t.Fatalf("claim after release = %+v, %v; want the same job, attempt 1", r2, err)
		}
		if err := s.Complete(ctx, r2); err != nil {
			t.Fatal(err)
		}
		// Kinds filter: only the page job is left.
		if _, err := s.Claim(ctx, now.Add(2*time.Hour), time.Minute, "poll"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Claim of a kind with no jobs = %v, want ErrNotFound", err)
		}
	})
}

// A job whose workers keep dying is given up after its attempts, not
// claimed for ever.
func TestQueueGivesUpOnJobsThatKillWorkers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		if _, err := s.Enqueue(ctx, store.Job{Kind: "page", Key: "page:poison", RunAt: now, MaxAttempts: 2}); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			if _, err := s.Claim(ctx, now.Add(time.Duration(i)*time.Hour), time.Minute); err != nil {
				t.Fatalf("claim %d: %v", i+1, err)
			}
		}
		if _, err := s.Claim(ctx, now.Add(5*time.Hour), time.Minute); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("third claim = %v, want ErrNotFound", err)
		}
		counts, err := s.JobCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts[store.JobDead] != 1 {
			t.Fatalf("counts = %v, want the job dead", counts)
		}
	})
}

// Concurrent workers each get distinct jobs: none is claimed twice while
// its lease holds.
func TestQueueConcurrentClaims(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		const jobs, workers = 60, 6
		for i := range jobs {
			if _, err := s.Enqueue(ctx, store.Job{Kind: "page", Key: fmt.Sprintf("page:%d", i), RunAt: now}); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		seen := map[int64]int{}
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					j, err := s.Claim(ctx, now, time.Hour)
					if errors.Is(err, store.ErrNotFound) {
						return
					}
					if err != nil {
						errs <- err
						return
					}
					mu.Lock()
					seen[j.ID]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if len(seen) != jobs {
			t.Fatalf("claimed %d distinct jobs, want %d", len(seen), jobs)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("job %d claimed %d times", id, n)
			}
		}
	})
}
