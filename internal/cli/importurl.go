package cli

import (
	"context"
	"fmt"

	"newshound/internal/store"
)

// runImportURL fetches, extracts and stores one article, creating its
// source from the site when it is new.
func runImportURL(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("import-url", env)
	loader := bindIngestConfig(fs)
	flags := bindIngest(fs, false)
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	in, closeAll, err := flags.open(ctx, cfg, cfg.NewLogger(env.Stderr), true)
	if err != nil {
		return err
	}
	defer closeAll()
	a, matched, err := in.ImportURL(ctx, pos[0])
	if err != nil {
		return err
	}
	switch matched {
	case store.MatchOriginal:
		fmt.Fprintf(env.Stdout, "stored %q as /a/%s\n", a.Title, a.Slug)
	default:
		fmt.Fprintf(env.Stdout, "already stored (same %s) as /a/%s; nothing added\n", matched, a.Slug)
	}
	return nil
}
