package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// We run migrations with our own small runner rather than goose: we need
// only "apply numbered files once, each in a transaction", plus per-dialect
// file selection, and that is less code than goose's configuration for it.

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered step for one dialect.
type migration struct {
	version int
	name    string // file name, for messages
	sql     string
}

// Migrate applies every migration not yet recorded in schema_migrations,
// in order, each in its own transaction. Running it again is a no-op, and
// several processes may run it at once.
func (s *Store) Migrate(ctx context.Context) error {
	ms, err := migrationsFor(migrationFiles, s.dialect.name)
	if err != nil {
		return err
	}
	err = s.transact(ctx, func(c conn) error {
		if err := s.lockMigrations(ctx, c); err != nil {
			return err
		}
		_, err := c.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: migrate: create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("store: migrate: %s: %w", m.name, err)
		}
	}
	return nil
}

// apply runs m unless it is already recorded. The check happens inside the
// locked transaction, so two processes never apply the same step twice.
func (s *Store) apply(ctx context.Context, m migration) error {
	return s.transact(ctx, func(c conn) error {
		if err := s.lockMigrations(ctx, c); err != nil {
			return err
		}
		var n int
		if err := c.queryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := c.exec(ctx, m.sql); err != nil {
			return err
		}
		_, err := c.exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, nowUTC().Format(sqliteTimeLayout))
		return err
	})
}

func (s *Store) lockMigrations(ctx context.Context, c conn) error {
	if s.dialect.migrationLock == nil {
		return nil
	}
	return s.dialect.migrationLock(ctx, c)
}

// migrationsFor picks the files for one dialect: NNNN_name.sql is shared,
// NNNN_name.DIALECT.sql belongs to one dialect. A number may appear once
// per dialect.
func migrationsFor(fsys fs.FS, dialect string) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	byVersion := map[int]migration{}
	for _, path := range names {
		name := strings.TrimPrefix(path, "migrations/")
		base := strings.TrimSuffix(name, ".sql")
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			switch base[i+1:] {
			case dialect:
			case sqliteDialect.name, postgresDialect.name:
				continue // another dialect's file
			default:
				return nil, fmt.Errorf("store: migration file %s names an unknown dialect", name)
			}
		}
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration file %s must be named NNNN_name.sql", name)
		}
		if prev, dup := byVersion[v]; dup {
			return nil, fmt.Errorf("store: migrations %s and %s share number %d", prev.name, name, v)
		}
		body, err := fs.ReadFile(fsys, path)
		if err != nil {
			return nil, err
		}
		byVersion[v] = migration{version: v, name: name, sql: string(body)}
	}
	ms := make([]migration, 0, len(byVersion))
	for _, m := range byVersion {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}
