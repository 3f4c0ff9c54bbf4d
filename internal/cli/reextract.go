package cli

import (
	"context"
	"fmt"
)

// runReextract runs the extractor again over the pages stored at ingest,
// without fetching them: after the extractor improved, or to repair
// articles that fell back to their feed's content.
func runReextract(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("reextract", env)
	loader := bindIngestConfig(fs)
	source := fs.Int64("source", 0, "re-extract the articles of source `ID`")
	all := fs.Bool("all", false, "re-extract every ingested article")
	cfg, _, err := loadConfig(fs, loader, env, args, 0)
	if err != nil {
		return err
	}
	if (*source == 0) == !*all {
		return usagef("reextract needs exactly one of --source ID or --all")
	}
	st, err := openExistingStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if *source != 0 {
		if _, err := st.Source(ctx, *source); err != nil {
			return fmt.Errorf("reextract: no source %d; run 'newshound sources list'", *source)
		}
	}
	flags := &ingestFlags{perHost: 1} // no fetching: the pages are stored
	in, done, err := flags.ingester(ctx, cfg, st, cfg.NewLogger(env.Stderr), true)
	if err != nil {
		return err
	}
	defer done()
	r, err := in.Reextract(ctx, *source)
	fmt.Fprintf(env.Stdout, "re-extracted %d articles; %d kept their feed content, %d have no stored page, %d failed\n",
		r.Updated, r.FromFeed, r.NoPage, r.Failed)
	if err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	return nil
}
