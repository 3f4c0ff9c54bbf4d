package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Job is one unit of durable work in the queue (table jobs).
type Job struct {
	ID      int64
	Kind    string // what to do, e.g. "poll" or "page"
	Key     string // unique while the job exists: enqueueing it again is a no-op
	Payload string // the kind's own data, usually JSON
	RunAt   time.Time
	// MaxAttempts bounds claims before the job is dead; 0 means 5.
	MaxAttempts int
	// Attempts counts claims so far, this one included.
	Attempts int
	// LastError is the message of the last failure.
	LastError string
	// State is "queued", "running" or "dead".
	State string

	token string // proves the claim, so an expired worker cannot finish a reclaimed job
}

// Job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDead    = "dead"
)

// skipLocked is the row lock a claim takes, per dialect: PostgreSQL
// workers skip rows another worker is claiming; SQLite has no row locks
// and needs none, its write transactions taking turns.
var skipLocked = map[string]string{"postgres": " FOR UPDATE SKIP LOCKED", "sqlite": ""}

// Enqueue adds j unless a job with the same Key exists; it reports whether
// it added one. A dead job with that key is revived with j's payload, so a
// source whose polling gave up can be polled again.
func (s *Store) Enqueue(ctx context.Context, j Job) (bool, error) {
	added, err := enqueue(ctx, s.conn(), j)
	if err != nil {
		return false, fmt.Errorf("store: enqueue %s: %w", j.Key, err)
	}
	return added, nil
}

func enqueue(ctx context.Context, c conn, j Job) (bool, error) {
	if j.Kind == "" || j.Key == "" {
		return false, fmt.Errorf("%w: job needs a kind and a key", ErrInvalid)
	}
	if j.MaxAttempts <= 0 {
		j.MaxAttempts = 5
	}
	now := nowUTC()
	if j.RunAt.IsZero() {
		j.RunAt = now
	}
	res, err := c.exec(ctx, `INSERT INTO jobs (kind, key, payload, state, attempts, max_attempts, run_at, created_at)
		VALUES (?, ?, ?, 'queued', 0, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET state = 'queued', attempts = 0, payload = excluded.payload,
			run_at = excluded.run_at, last_error = '', token = ''
		WHERE jobs.state = 'dead'`,
		j.Kind, j.Key, j.Payload, j.MaxAttempts, c.d.timeArg(j.RunAt), c.d.timeArg(now))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Claim takes the next runnable job of one of kinds (any kind when none
// given) for lease: a queued job due by now, else a running one whose lease
// expired because its worker died. It returns ErrNotFound when nothing is
// runnable. A job whose workers died with it too often is marked dead on
// the way instead of being claimed again.
func (s *Store) Claim(ctx context.Context, now time.Time, lease time.Duration, kinds ...string) (Job, error) {
	now = normTime(now)
	token := newToken()
	var j Job
	none := false
	kindCond, kindArgs := "", []any{}
	if len(kinds) > 0 {
		kindCond = ` AND kind IN (` + idPlaceholders(len(kinds)) + `)`
		for _, k := range kinds {
			kindArgs = append(kindArgs, k)
		}
	}
	err := s.transact(ctx, func(c conn) error {
		lock := skipLocked[c.d.name]
		id, err := pickJob(ctx, c, `SELECT id, 0, 1 FROM jobs WHERE state = 'queued' AND run_at <= ?`+kindCond+`
			ORDER BY run_at, id LIMIT 1`+lock, append([]any{c.d.timeArg(now)}, kindArgs...))
		for id == 0 && err == nil {
			var attempts, maxAttempts int
			id, err = pickJob(ctx, c, `SELECT id, attempts, max_attempts FROM jobs WHERE state = 'running' AND lease_until < ?`+kindCond+`
				ORDER BY lease_until, id LIMIT 1`+lock, append([]any{c.d.timeArg(now)}, kindArgs...), &attempts, &maxAttempts)
			if id == 0 || err != nil || attempts < maxAttempts {
				break
			}
			_, err = c.exec(ctx, `UPDATE jobs SET state = 'dead', token = '', lease_until = NULL,
				last_error = 'its worker stopped while running it, too many times' WHERE id = ?`, id)
			id = 0
		}
		if err != nil {
			return err
		}
		if id == 0 {
			none = true // commit anyway: jobs marked dead stay dead
			return nil
		}
		return c.queryRow(ctx, `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = ?, token = ?
			WHERE id = ? RETURNING id, kind, key, payload, run_at, max_attempts, attempts, last_error, state, token`,
			c.d.timeArg(now.Add(lease)), token, id).
			Scan(&j.ID, &j.Kind, &j.Key, &j.Payload, timeCol{&j.RunAt}, &j.MaxAttempts,
				&j.Attempts, &j.LastError, &j.State, &j.token)
	})
	if err != nil {
		return Job{}, fmt.Errorf("store: claim job: %w", err)
	}
	if none {
		return Job{}, ErrNotFound
	}
	return j, nil
}

// pickJob runs a query selecting (id, attempts, max_attempts) of one job
// and returns its ID, 0 when there is none.
func pickJob(ctx context.Context, c conn, q string, args []any, counts ...*int) (int64, error) {
	var id int64
	var a, m int
	err := c.queryRow(ctx, q, args...).Scan(&id, &a, &m)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if len(counts) == 2 {
		*counts[0], *counts[1] = a, m
	}
	return id, err
}

// Runnable reports whether Claim would find a job now, without taking the
// write lock a claim needs: idle workers ask this first.
func (s *Store) Runnable(ctx context.Context, now time.Time) (bool, error) {
	c := s.conn()
	t := c.d.timeArg(normTime(now))
	var n int
	err := c.queryRow(ctx, `SELECT CASE WHEN EXISTS (SELECT 1 FROM jobs WHERE state = 'queued' AND run_at <= ?)
		OR EXISTS (SELECT 1 FROM jobs WHERE state = 'running' AND lease_until < ?) THEN 1 ELSE 0 END`, t, t).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: runnable jobs: %w", err)
	}
	return n > 0, nil
}

// Complete deletes a finished job. It returns ErrConflict when the lease
// was lost (the job expired and another worker claimed it): the caller's
// work was then done twice, which every step must tolerate.
func (s *Store) Complete(ctx context.Context, j Job) error {
	if err := complete(ctx, s.conn(), j); err != nil {
		return fmt.Errorf("store: complete job %s: %w", j.Key, err)
	}
	return nil
}

func complete(ctx context.Context, c conn, j Job) error {
	res, err := c.exec(ctx, `DELETE FROM jobs WHERE id = ? AND token = ?`, j.ID, j.token)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: lease lost", ErrConflict)
	}
	return nil
}

// Fail records a failed attempt. The job runs again at retryAt unless it
// has used its attempts or retryAt is zero, in which case it is dead and
// stays for inspection until enqueued again.
func (s *Store) Fail(ctx context.Context, j Job, cause error, retryAt time.Time) error {
	state, runAt := JobQueued, retryAt
	if retryAt.IsZero() || j.Attempts >= j.MaxAttempts {
		state, runAt = JobDead, nowUTC()
	}
	c := s.conn()
	res, err := c.exec(ctx, `UPDATE jobs SET state = ?, run_at = ?, last_error = ?, token = '', lease_until = NULL
		WHERE id = ? AND token = ?`, state, c.d.timeArg(runAt), truncate(cause.Error(), 1000), j.ID, j.token)
	if err == nil {
		if n, _ := res.RowsAffected(); n == 0 {
			err = fmt.Errorf("%w: lease lost", ErrConflict)
		}
	}
	if err != nil {
		return fmt.Errorf("store: fail job %s: %w", j.Key, err)
	}
	return nil
}

// Release gives a claimed job back without counting the attempt, for a
// worker that stops (a graceful shutdown) before finishing it: the job
// runs again at once elsewhere instead of waiting for its lease to end.
func (s *Store) Release(ctx context.Context, j Job) error {
	c := s.conn()
	_, err := c.exec(ctx, `UPDATE jobs SET state = 'queued', attempts = attempts - 1, token = '', lease_until = NULL
		WHERE id = ? AND token = ?`, j.ID, j.token)
	if err != nil {
		return fmt.Errorf("store: release job %s: %w", j.Key, err)
	}
	return nil
}

// JobCounts counts jobs by state, for progress reports and tests.
func (s *Store) JobCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.conn().query(ctx, `SELECT state, COUNT(*) FROM jobs GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("store: count jobs: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("store: count jobs: %w", err)
		}
		out[st] = n
	}
	return out, rows.Err()
}

// EarliestLeaseEnd returns when the first lease of a running job ends,
// and false when no job is running. A run that drains the queue waits for
// it: the job is either finished by its worker or reclaimed then.
func (s *Store) EarliestLeaseEnd(ctx context.Context) (time.Time, bool, error) {
	var t time.Time
	err := s.conn().queryRow(ctx, `SELECT MIN(lease_until) FROM jobs WHERE state = 'running'`).Scan(timeCol{&t})
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: earliest lease: %w", err)
	}
	return t, !t.IsZero(), nil
}

func newToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand does not fail on supported systems
	return hex.EncodeToString(b)
}

// truncate cuts s to at most n bytes, on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
