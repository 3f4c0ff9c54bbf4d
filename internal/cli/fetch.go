package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"newshound/internal/ingest"
)

// runFetch polls sources now and ingests what they list, printing
// progress, then exits with a summary line: 'fetch --once' polls the due
// sources, with --all every source not paused. It fails when there was
// work and all of it failed.
func runFetch(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("fetch", env)
	loader := bindIngestConfig(fs)
	flags := bindIngest(fs, true)
	once := fs.Bool("once", false, "poll the due sources once, ingest what they list, and exit (required)")
	all := fs.Bool("all", false, "poll every source that is not paused, due or not")
	quiet := fs.Bool("quiet", false, "print only the summary line")
	cfg, _, err := loadConfig(fs, loader, env, args, 0)
	if err != nil {
		return err
	}
	if !*once {
		return usagef("fetch needs --once (run 'newshound worker' or 'newshound serve' to poll continuously)")
	}
	log := cfg.NewLogger(env.Stderr)
	if cfg.LogLevel > slog.LevelDebug {
		log = slog.New(slog.DiscardHandler) // progress lines say what matters
	}
	in, closeAll, err := flags.open(ctx, cfg, log, true)
	if err != nil {
		return err
	}
	defer closeAll()
	last := ingest.Progress{}
	report := func(p ingest.Progress) {
		if *quiet {
			return
		}
		if p.SourcesDone != last.SourcesDone || (p.New+p.Duplicates+p.Failed)%25 == 0 {
			fmt.Fprintf(env.Stdout, "sources %d/%d, articles %d new, %d updated, %d duplicate, %d failed\n",
				p.SourcesDone, p.SourcesTotal, p.New, p.Updated, p.Duplicates, p.Failed)
		}
		last = p
	}
	p, err := in.RunOnce(ctx, *all, report)
	fmt.Fprintf(env.Stdout, "done: %d of %d sources polled (%d failed), %d new articles (%d from feed content), %d updated, %d duplicates, %d failed\n",
		p.SourcesDone, p.SourcesTotal, p.SourcesError, p.New, p.FromFeed, p.Updated, p.Duplicates, p.Failed)
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	if everythingFailed(p) {
		return errors.New("fetch: everything failed; run 'newshound sources list' for each source's last error")
	}
	return nil
}

// everythingFailed reports a run that had work and achieved none of it.
func everythingFailed(p ingest.Progress) bool {
	pollsFailed := p.SourcesDone > 0 && p.SourcesError == p.SourcesDone
	done := p.New + p.Updated + p.Duplicates
	pagesFailed := p.Failed > 0 && done == 0
	return (pollsFailed || pagesFailed) && done == 0
}
