package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestOpenBadURL(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		url  string
		want string // part of the message a person acts on
	}{
		{"unreachable postgres", "postgres://127.0.0.1:1/x", "cannot reach PostgreSQL at 127.0.0.1:1/x"},
		{"malformed postgres", "postgres://127.0.0.1:notaport/x", "malformed PostgreSQL URL"},
		{"unknown scheme", "mysql://127.0.0.1/x", `unsupported database URL scheme "mysql"`},
		{"empty", " ", "empty database URL"},
		{"missing directory", "sqlite:" + filepath.Join(dir, "missing", "db.sqlite"), "does not exist"},
		{"parent is a file", filepath.Join(notDir, "db.sqlite"), "is not a directory"},
		{"memory", "sqlite::memory:", "plain file path"},
		{"not a database", garbage, "is a SQLite database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			s, err := store.Open(context.Background(), tt.url)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", tt.url)
			}
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("Open took %v, want under 5s", took)
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line containing %q", err, tt.want)
			}
		})
	}
}

func TestOpenSQLiteForms(t *testing.T) {
	dir := t.TempDir()
	for _, url := range []string{
		"sqlite:" + filepath.Join(dir, "a.db"),
		"file:" + filepath.Join(dir, "b.db"),
		filepath.Join(dir, "c.db"),
	} {
		t.Run(url, func(t *testing.T) {
			s, err := store.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.Dialect() != "sqlite" {
				t.Errorf("Dialect = %q", s.Dialect())
			}
			var fk int
			if err := s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
				t.Errorf("foreign_keys = %d, %v; want on", fk, err)
			}
		})
	}
}

func TestMigrateIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		count := func() int {
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		if before == 0 {
			t.Fatal("no migrations recorded")
		}
		f := newFixture(t, s)
		f.create(t, f.article(f.src1, 1, "Kept"))
		// Several processes may start at once; all must succeed, none re-apply.
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() { errs <- s.Migrate(ctx) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		if after := count(); after != before {
			t.Errorf("schema_migrations rows %d -> %d", before, after)
		}
		if n, err := s.CountArticles(ctx); err != nil || n != 1 {
			t.Errorf("data lost by Migrate: %d, %v", n, err)
		}
		if err := s.Ping(ctx); err != nil {
			t.Error(err)
		}
	})
}

func TestContextCancelled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		calls := map[string]func() error{
			"CreateArticle": func() error { return s.CreateArticle(ctx, f.article(f.src1, 1, "Never")) },
			"CreateSource":  func() error { return s.CreateSource(ctx, &news.Source{Name: "Never"}) },
			"Articles":      func() error { _, _, err := s.Articles(ctx, store.ArticleFilter{}); return err },
			"ArticleBySlug": func() error { _, err := s.ArticleBySlug(ctx, "x"); return err },
			"Export":        func() error { _, err := s.Export(ctx); return err },
			"Import":        func() error { return s.Import(ctx, store.Snapshot{Version: store.SnapshotVersion}) },
			"Migrate":       func() error { return s.Migrate(ctx) },
		}
		for name, call := range calls {
			t.Run(name, func(t *testing.T) {
				if err := call(); !errors.Is(err, context.Canceled) {
					t.Errorf("err = %v, want context.Canceled", err)
				}
			})
		}
		if n, err := s.CountArticles(context.Background()); err != nil || n != 0 {
			t.Errorf("CountArticles = %d, %v; want 0", n, err)
		}
	})
}

// TestConcurrentWriters checks that many writers at once neither fail with
// "database is locked" on SQLite nor hand out one slug twice.
func TestConcurrentWriters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		const writers, each = 8, 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for range writers {
			wg.Go(func() {
				for i := range each {
					errs <- s.CreateArticle(ctx, f.article(f.src1, i, "Same Headline Everywhere"))
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		list, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, a := range list {
			if seen[a.Slug] {
				t.Errorf("slug %q handed out twice", a.Slug)
			}
			seen[a.Slug] = true
		}
		if total != writers*each || len(seen) != writers*each {
			t.Errorf("stored %d articles with %d slugs, want %d", total, len(seen), writers*each)
		}
	})
}

// TestSQLiteTwoHandles writes through two handles on one file at once, as
// serve and a CLI command would: busy_timeout and immediate transactions
// must make them take turns, not fail.
func TestSQLiteTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var handles [2]*store.Store
	for i := range handles {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		handles[i] = s
	}
	src := news.Source{Name: "Shared"}
	if err := handles[0].CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 4 {
		s := handles[i%2]
		wg.Go(func() {
			for range 10 {
				errs <- s.CreateArticle(ctx, &news.Article{SourceID: src.ID, Title: "Two Writers"})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, err := handles[1].CountArticles(ctx); err != nil || n != 40 {
		t.Errorf("CountArticles = %d, %v; want 40", n, err)
	}
}
