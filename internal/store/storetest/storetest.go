// Package storetest gives tests a fresh, migrated, empty store on each of
// our databases, so every package runs its tests on real SQLite and real
// PostgreSQL.
//
// PostgreSQL comes from NEWSHOUND_TEST_POSTGRES (default
// postgres://127.0.0.1:5432/test?sslmode=disable). Each store gets its own
// database, created for the test and dropped when it ends; databases a
// killed test run left behind are dropped by a later run. When the server
// cannot be reached the PostgreSQL run is skipped with a message, unless
// CI=true, where it fails: CI must test both.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"newshound/internal/store"
)

// DefaultPostgres is the server tests use when NEWSHOUND_TEST_POSTGRES is unset.
const DefaultPostgres = "postgres://127.0.0.1:5432/test?sslmode=disable"

// Each runs fn twice, as subtests "sqlite" and "postgres", each with a
// fresh, migrated, empty store.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite returns a fresh, migrated store in a file under t.TempDir().
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "newshound.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// Postgres returns a fresh, migrated store in a new PostgreSQL database
// that is dropped when the test ends.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	base := PostgresURL()
	admin, err := store.Open(ctx, base)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required in CI: %v", err)
		}
		t.Skipf("PostgreSQL not reachable, skipping (set NEWSHOUND_TEST_POSTGRES, or start the server; CI=true makes this fail): %v", err)
	}
	t.Cleanup(func() { admin.Close() })

	sweepStale(ctx, admin)
	// The creation time in the name lets a later run drop what a killed run
	// left behind.
	name := fmt.Sprintf("%s%d_%s", dbPrefix, time.Now().Unix(), randomHex(6))
	if _, err := admin.DB().ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("storetest: create database %s: %v", name, err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := store.Open(ctx, u.String())
	if err != nil {
		dropDatabase(t, admin, name)
		t.Fatal(err)
	}
	// Cleanups run last-in first-out: close the store, then drop its database.
	t.Cleanup(func() { dropDatabase(t, admin, name) })
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// PostgresURL is the server tests use: NEWSHOUND_TEST_POSTGRES or DefaultPostgres.
func PostgresURL() string {
	if u := os.Getenv("NEWSHOUND_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultPostgres
}

// dbPrefix starts the name of every test database.
const dbPrefix = "newshound_t_"

// staleAfter is when a test database is surely left over from a test
// process that was killed before its cleanup ran.
const staleAfter = 2 * time.Hour

// sweepStale drops test databases older than staleAfter. Errors are
// ignored: another process may be sweeping the same ones.
func sweepStale(ctx context.Context, admin *store.Store) {
	rows, err := admin.DB().QueryContext(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'newshound\_t\_%'`)
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		stamp, _, _ := strings.Cut(strings.TrimPrefix(name, dbPrefix), "_")
		if sec, err := strconv.ParseInt(stamp, 10, 64); err == nil && time.Since(time.Unix(sec, 0)) > staleAfter {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		_, _ = admin.DB().ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	}
}

func dropDatabase(t testing.TB, admin *store.Store, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// FORCE ends connections a test may have left open (PostgreSQL 13+).
	if _, err := admin.DB().ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
		t.Errorf("storetest: drop database %s: %v", name, err)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}
