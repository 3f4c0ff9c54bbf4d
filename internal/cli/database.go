package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"newshound/internal/config"
	"newshound/internal/store"
)

// openTimeout bounds how long a command waits for the database to answer,
// so an unreachable server fails the command well inside ten seconds.
const openTimeout = 6 * time.Second

// openStore opens the configured database and applies pending migrations.
// Its errors name the database (never its password) and say what to try.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	octx, cancel := context.WithTimeout(ctx, openTimeout)
	defer cancel()
	st, err := store.Open(octx, cfg.DatabaseURL)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(octx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("database %s did not answer within %s; check that it is running and that --database (or NEWSHOUND_DATABASE_URL) is right", cfg.DatabaseName(), openTimeout)
		}
		return nil, err // the store names the database and says what to check
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("cannot migrate database %s: %w", cfg.DatabaseName(), err)
	}
	return st, nil
}

// createStore opens the configured database for a command that may be the
// first to use it: the data directory (and with it a new SQLite file) is
// created when needed.
func createStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	if err := cfg.EnsureDataDir(); err != nil {
		return nil, err
	}
	return openStore(ctx, cfg)
}

// openExistingStore opens a database that must exist already, for commands
// that read or change what is there; see requireExistingDatabase.
func openExistingStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	if err := requireExistingDatabase(cfg); err != nil {
		return nil, err
	}
	return openStore(ctx, cfg)
}

// openExisting parses the flags of a command that takes no arguments and
// opens an existing database.
func openExisting(ctx context.Context, env Env, name string, args []string) (*store.Store, config.Config, error) {
	fs := newFlagSet(name, env)
	loader := config.Bind(fs, config.DataDir, config.Database)
	cfg, _, err := loadConfig(fs, loader, env, args, 0)
	if err != nil {
		return nil, cfg, err
	}
	st, err := openExistingStore(ctx, cfg)
	return st, cfg, err
}

// requireExistingDatabase refuses to read from a SQLite file that does not
// exist yet, which is almost always a mistyped --data or --database; opening
// it would silently create an empty database.
func requireExistingDatabase(cfg config.Config) error {
	p := cfg.SQLitePath()
	if p == "" {
		return nil
	}
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no database at %s; check --data or --database (or run 'newshound migrate' to create an empty one)", p)
		}
		return fmt.Errorf("cannot read database %s: %v; check its permissions", p, unwrapPathError(err))
	}
	return nil
}

// unwrapPathError drops the path an *os.PathError repeats.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
