package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"
)

// openTimeout bounds how long Open waits for a database that does not
// answer, so a wrong URL fails fast instead of hanging a start-up.
const openTimeout = 5 * time.Second

// dialect is everything that differs between SQLite and PostgreSQL. Keep it
// small: if a query needs more than this, it is probably not portable.
type dialect struct {
	name string
	// rebind turns '?' placeholders into the driver's form.
	rebind func(query string) string
	// timeArg turns a time into the value stored in a time column; the zero
	// time becomes NULL.
	timeArg func(t time.Time) any
	// isConstraint reports whether err is a unique or foreign key violation.
	isConstraint func(err error) bool
	// afterImport repairs what explicit IDs leave behind (PostgreSQL identity
	// sequences); nil when nothing is needed.
	afterImport func(ctx context.Context, c conn) error
	// migrationLock serializes concurrent Migrate calls inside a transaction;
	// nil when the transaction itself is exclusive (SQLite BEGIN IMMEDIATE).
	migrationLock func(ctx context.Context, c conn) error
	// slugLock makes concurrent writers choosing a slug from the same base
	// in table take turns until their transactions end; nil when
	// transactions already take turns (SQLite).
	slugLock func(ctx context.Context, c conn, table, base string) error
}

// sqliteTimeLayout is fixed width, so text order is time order and
// published_at sorts correctly with a plain index.
const sqliteTimeLayout = "2006-01-02T15:04:05.000000Z"

var sqliteDialect = dialect{
	name:   "sqlite",
	rebind: func(q string) string { return q },
	timeArg: func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return normTime(t).Format(sqliteTimeLayout)
	},
	isConstraint: func(err error) bool {
		var e *sqlite.Error
		// 19 is SQLITE_CONSTRAINT; extended codes keep it in the low byte.
		return errors.As(err, &e) && e.Code()&0xff == 19
	},
}

var postgresDialect = dialect{
	name:   "postgres",
	rebind: dollarPlaceholders,
	timeArg: func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return normTime(t)
	},
	isConstraint: func(err error) bool {
		var e *pgconn.PgError
		// 23505 unique_violation, 23503 foreign_key_violation
		return errors.As(err, &e) && (e.Code == "23505" || e.Code == "23503")
	},
	afterImport: func(ctx context.Context, c conn) error {
		for _, table := range []string{"sources", "accounts", "articles"} {
			q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), COALESCE((SELECT MAX(id) FROM %[1]s), 0) + 1, false)`, table)
			if _, err := c.exec(ctx, q); err != nil {
				return fmt.Errorf("reset %s id sequence: %w", table, err)
			}
		}
		return nil
	},
	migrationLock: func(ctx context.Context, c conn) error {
		// Any constant works; this one spells "newshound" loosely.
		_, err := c.exec(ctx, `SELECT pg_advisory_xact_lock(7243116)`)
		return err
	},
	slugLock: func(ctx context.Context, c conn, table, base string) error {
		// The two-key form lives apart from the one-key migration lock.
		_, err := c.exec(ctx, `SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))`, table, base)
		return err
	},
}

// dollarPlaceholders rewrites '?' into $1, $2, ... Our SQL never holds a
// literal question mark, so no quoting rules are needed.
func dollarPlaceholders(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// normTime is the form every stored time takes: UTC, microsecond precision
// (what PostgreSQL keeps), no monotonic reading.
func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

// timeCol scans a nullable time column of either dialect into a time.Time,
// NULL becoming the zero time.
type timeCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c timeCol) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = normTime(v)
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("store: cannot read %T as a time", v)
	}
	return nil
}

func (c timeCol) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("store: bad time %q in database: %w", s, err)
	}
	*c.t = normTime(t)
	return nil
}

// openSQLite opens a SQLite file, creating it in an existing directory.
func openSQLite(ctx context.Context, url string) (*Store, error) {
	path := url
	for _, p := range []string{"sqlite://", "sqlite:", "file://", "file:"} {
		if strings.HasPrefix(path, p) {
			path = strings.TrimPrefix(path, p)
			break
		}
	}
	if path == "" || path == ":memory:" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: SQLite needs a plain file path, got %q; use e.g. sqlite:data/newshound.db", url)
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("store: directory %s for the SQLite file does not exist; create it or choose another data directory", dir)
	case err != nil:
		return nil, fmt.Errorf("store: cannot use directory %s for the SQLite file: %w", dir, err)
	case !info.IsDir():
		return nil, fmt.Errorf("store: %s is not a directory; choose another data directory for the SQLite file", dir)
	}
	// One writer at a time: every transaction takes the write lock when it
	// begins (_txlock=immediate), and waiting writers queue on busy_timeout
	// instead of failing with SQLITE_BUSY. WAL lets readers run meanwhile.
	dsn := path + "?_txlock=immediate" +
		"&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)"
	return openSQLiteDSN(ctx, "sqlite", dsn, path)
}

// OpenSQLiteDriver opens a SQLite database through another registered
// database/sql driver, with a DSN that must set what Open sets (WAL,
// foreign keys, busy timeout, immediate transactions). It exists so that
// bench/sqlitedrivers can run our queries on the drivers we compared;
// constraint errors of other drivers are not mapped to ErrConflict. The
// product uses Open.
func OpenSQLiteDriver(ctx context.Context, driver, dsn string) (*Store, error) {
	return openSQLiteDSN(ctx, driver, dsn, dsn)
}

func openSQLiteDSN(ctx context.Context, driver, dsn, path string) (*Store, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open SQLite file %s: %w", path, err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	ctx, cancel := context.WithTimeout(ctx, openTimeout)
	defer cancel()
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open SQLite file %s: %w; check that the file is a SQLite database and the directory is writable", path, err)
	}
	if mode != "wal" {
		db.Close()
		return nil, fmt.Errorf("store: SQLite file %s is in %q journal mode, not WAL; is it on a file system that supports WAL?", path, mode)
	}
	return &Store{db: db, dialect: sqliteDialect}, nil
}

// openPostgres connects to PostgreSQL through pgx's database/sql driver.
func openPostgres(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// pgconn redacts passwords from its parse errors.
		return nil, fmt.Errorf("store: malformed PostgreSQL URL: %w; expected postgres://USER@HOST:PORT/DATABASE", err)
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > openTimeout {
		cfg.ConnectTimeout = openTimeout
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, openTimeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		if ctx.Err() == nil && pctx.Err() != nil {
			return nil, fmt.Errorf("store: PostgreSQL at %s did not answer within %s; check that the server is running and the URL is right", where, openTimeout)
		}
		return nil, fmt.Errorf("store: cannot reach PostgreSQL at %s: %s; check that the server is running and the URL is right", where, oneLine(err))
	}
	return &Store{db: db, dialect: postgresDialect}, nil
}

// oneLine folds a multi-line driver error (pgx lists every connection
// attempt on its own line) into one line without repeats, so the CLI can
// print it as its one line of output.
func oneLine(err error) string {
	var parts []string
	seen := map[string]bool{}
	for _, l := range strings.Split(err.Error(), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !seen[l] {
			seen[l] = true
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}
