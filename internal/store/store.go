// Package store holds all of newshound's SQL. It speaks to SQLite (the
// embedded default: one file in WAL mode) and to PostgreSQL (for several
// processes sharing one database) through database/sql, with one set of
// portable queries. The few places where the dialects differ are named in
// dialect.go; everything else is shared.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Lookups and writes wrap them, so callers test with
// errors.Is and map them to status pages.
var (
	ErrNotFound = errors.New("not found")        // a lookup found nothing
	ErrConflict = errors.New("conflict")         // a unique or reference constraint refused the write
	ErrInvalid  = errors.New("invalid argument") // a value the store refuses before touching the database
)

// Store is a handle on one database. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect dialect
}

// Open connects to the database named by url and checks that it answers,
// giving up within a few seconds. It does not migrate; call Migrate.
//
// "postgres://..." and "postgresql://..." select PostgreSQL; "sqlite:PATH",
// "file:PATH" or a plain file path select a SQLite file.
func Open(ctx context.Context, url string) (*Store, error) {
	if strings.TrimSpace(url) == "" {
		return nil, errors.New("store: empty database URL; give a postgres:// URL or a SQLite file path")
	}
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		return openPostgres(ctx, url)
	}
	if i := strings.Index(url, "://"); i > 0 {
		return nil, fmt.Errorf("store: unsupported database URL scheme %q; use postgres://... or a SQLite file path", url[:i])
	}
	return openSQLite(ctx, url)
}

// Close releases the connections.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that the database answers; /healthz uses it.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping %s: %w", s.dialect.name, err)
	}
	return nil
}

// Dialect names the database engine: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect.name }

// DB is an escape hatch for packages that keep their own SQL files (ingest,
// views). Queries run through it must use the placeholders of Dialect; see
// Rebind.
func (s *Store) DB() *sql.DB { return s.db }

// Rebind rewrites a query written with '?' placeholders into the form the
// database expects, so other packages can share our portable style.
func (s *Store) Rebind(query string) string { return s.dialect.rebind(query) }

// querier is what both *sql.DB and *sql.Tx offer; helpers take it so the
// same code runs inside and outside transactions.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn pairs a querier with the dialect, so every query is rebound in one place.
type conn struct {
	q querier
	d dialect
}

func (c conn) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.d.rebind(query), args...)
}

func (c conn) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(ctx, c.d.rebind(query), args...)
}

// queryAll runs query and reads every row into a T with scan. The rows are
// closed when it returns, so the caller may query again on the same
// connection (a SQLite transaction has only one).
func queryAll[T any](ctx context.Context, c conn, scan func(scanner, *T) error, query string, args ...any) ([]T, error) {
	rows, err := c.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryOne reads the single row query returns with scan; no row is
// ErrNotFound, so lookups by key need no check of their own.
func queryOne[T any](ctx context.Context, c conn, scan func(scanner, *T) error, query string, args ...any) (T, error) {
	var v T
	err := scan(c.queryRow(ctx, query, args...), &v)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	return v, err
}

// scanValue reads a row of one column, for queryOne and queryAll.
func scanValue[T any](sc scanner, v *T) error { return sc.Scan(v) }

func (c conn) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.d.rebind(query), args...)
}

// conn returns a conn outside any transaction.
func (s *Store) conn() conn { return conn{s.db, s.dialect} }

// transact runs fn in one transaction, committing when fn returns nil and
// rolling back otherwise.
func (s *Store) transact(ctx context.Context, fn func(c conn) error) error {
	return s.transactOpts(ctx, nil, fn)
}

// readSnapshot runs fn in a read-only transaction that sees one consistent
// state of the database throughout: repeatable read on PostgreSQL, and on
// SQLite a deferred transaction, whose WAL snapshot holds until it ends
// (and which, unlike our write transactions, does not block writers).
func (s *Store) readSnapshot(ctx context.Context, fn func(c conn) error) error {
	return s.transactOpts(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}, fn)
}

func (s *Store) transactOpts(ctx context.Context, opts *sql.TxOptions, fn func(c conn) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	if err := fn(conn{tx, s.dialect}); err != nil {
		_ = tx.Rollback() // the error from fn is the one that matters
		return err
	}
	return tx.Commit()
}

// classify wraps constraint violations in ErrConflict so callers can tell a
// clash from a broken database.
func (s *Store) classify(err error) error {
	if err == nil {
		return nil
	}
	if s.dialect.isConstraint(err) && !errors.Is(err, ErrConflict) {
		return fmt.Errorf("%w: %w", ErrConflict, err)
	}
	return err
}
