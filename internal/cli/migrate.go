package cli

import (
	"context"
	"fmt"

	"newshound/internal/config"
)

// runMigrate applies pending migrations and exits. Running it again is
// harmless: applied migrations are skipped.
func runMigrate(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("migrate", env)
	loader := config.Bind(fs, config.DataDir, config.Database)
	cfg, _, err := loadConfig(fs, loader, env, args, 0)
	if err != nil {
		return err
	}
	st, err := createStore(ctx, cfg)
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	fmt.Fprintf(env.Stdout, "database %s is up to date\n", cfg.DatabaseName())
	return nil
}
