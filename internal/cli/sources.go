package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"newshound/internal/ingest"
	"newshound/internal/news"
	"newshound/internal/store"
)

// sourcesUsage lists the sources subcommands.
const sourcesUsage = "sources add URL [--name NAME] | list | pause ID [--reason TEXT] | resume ID | remove ID | import FILE.opml | export"

// runSources manages the sources newshound polls.
func runSources(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return usagef("usage: newshound %s", sourcesUsage)
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "add":
		return sourcesAdd(ctx, env, rest)
	case "list":
		return sourcesList(ctx, env, rest)
	case "pause", "resume", "remove":
		return sourcesChange(ctx, env, sub, rest)
	case "import":
		return sourcesImport(ctx, env, rest)
	case "export":
		return sourcesExport(ctx, env, rest)
	case "-h", "--help", "help":
		fmt.Fprintf(env.Stdout, "usage: newshound %s\n", sourcesUsage)
		return nil
	}
	return usagef("unknown sources command %q; usage: newshound %s", sub, sourcesUsage)
}

func sourcesAdd(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("sources add", env)
	loader := bindIngestConfig(fs)
	flags := bindIngest(fs, false)
	name := fs.String("name", "", "the source's `NAME` (default: the feed's title)")
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	in, closeAll, err := flags.open(ctx, cfg, cfg.NewLogger(env.Stderr), false)
	if err != nil {
		return err
	}
	defer closeAll()
	src, sf, err := in.AddSource(ctx, pos[0], *name)
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("%s is already a source; run 'newshound sources list'", pos[0])
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added source %d %q (%s %s); run 'newshound fetch --once' to poll it now\n", src.ID, src.Name, sf.Kind, sf.URL)
	return nil
}

func sourcesList(ctx context.Context, env Env, args []string) error {
	st, err := openSourcesStore(ctx, env, "sources list", args, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	srcs, byID, err := ingest.SourcesWithFeeds(ctx, st)
	if err != nil {
		return err
	}
	writeSourceList(env.Stdout, srcs, byID, time.Now())
	return nil
}

// writeSourceList prints one line per source with its health, then the
// reasons for pauses and the last error messages.
func writeSourceList(w io.Writer, srcs []news.Source, feeds map[int64]store.SourceFeed, now time.Time) {
	if len(srcs) == 0 {
		fmt.Fprintln(w, "no sources yet; add one with 'newshound sources add URL'")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSTATUS\tLAST SUCCESS\tLAST ERROR\tNEXT POLL\tARTICLES\tURL")
	var notes []string
	for _, s := range srcs {
		f, polled := feeds[s.ID]
		if !polled {
			fmt.Fprintf(tw, "%d\t%s\tnot polled\t-\t-\t-\t-\t%s\n", s.ID, s.Name, s.HomepageURL)
			continue
		}
		status := "ok"
		switch {
		case f.Paused:
			status = "paused"
			notes = append(notes, fmt.Sprintf("source %d paused: %s", s.ID, f.PauseReason))
		case f.Failures > 0:
			status = fmt.Sprintf("failing (%d)", f.Failures)
		case f.LastPolledAt.IsZero():
			status = "new"
		}
		if f.LastError != "" && !f.Paused {
			notes = append(notes, fmt.Sprintf("source %d last error (%s): %s", s.ID, ago(f.LastErrorAt, now), f.LastError))
		}
		next := "now"
		if f.Paused {
			next = "-"
		} else if f.NextPollAt.After(now) {
			next = "in " + f.NextPollAt.Sub(now).Round(time.Second).String()
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", s.ID, s.Name, status,
			ago(f.LastSuccessAt, now), ago(f.LastErrorAt, now), next, f.ArticlesImported, f.URL)
	}
	tw.Flush()
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
}

// ago describes t relative to now, "-" when t is zero.
func ago(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t).Round(time.Second)
	if d < 0 {
		d = 0
	}
	return d.String() + " ago"
}

func sourcesChange(ctx context.Context, env Env, sub string, args []string) error {
	fs := newFlagSet("sources "+sub, env)
	loader := bindIngestConfig(fs)
	reason := fs.String("reason", "paused by hand", "why the source is paused (pause only)")
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return usagef("sources %s: %q is not a source ID; run 'newshound sources list'", sub, pos[0])
	}
	st, err := openExistingStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "pause", "resume":
		err = st.SetSourcePaused(ctx, id, sub == "pause", *reason)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("sources %s: no polled source %d; run 'newshound sources list'", sub, id)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "source %d %sd\n", id, sub)
	case "remove":
		kept, err := st.RemoveSource(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("sources remove: no source %d; run 'newshound sources list'", id)
		}
		if err != nil {
			return err
		}
		if kept > 0 {
			fmt.Fprintf(env.Stdout, "source %d is no longer polled; it stays listed because %d of its articles are kept\n", id, kept)
		} else {
			fmt.Fprintf(env.Stdout, "source %d removed\n", id)
		}
	}
	return nil
}

func sourcesImport(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("sources import", env)
	loader := bindIngestConfig(fs)
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	var r io.Reader = env.Stdin
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("sources import: %v", unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	flags := &ingestFlags{perHost: 1}
	in, closeAll, err := flags.open(ctx, cfg, cfg.NewLogger(env.Stderr), false)
	if err != nil {
		return err
	}
	defer closeAll()
	added, skipped, err := in.ImportOPML(ctx, r)
	for _, s := range skipped {
		fmt.Fprintf(env.Stdout, "skipped %s\n", s)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added %d sources, skipped %d\n", len(added), len(skipped))
	return nil
}

func sourcesExport(ctx context.Context, env Env, args []string) error {
	st, err := openSourcesStore(ctx, env, "sources export", args, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	var b strings.Builder
	if err := ingest.ExportOPML(ctx, st, &b); err != nil {
		return fmt.Errorf("sources export: %w", err)
	}
	_, err = io.WriteString(env.Stdout, b.String())
	return err
}

// openSourcesStore opens an existing database for a read-only sources command.
func openSourcesStore(ctx context.Context, env Env, name string, args []string, nargs int) (*store.Store, error) {
	fs := newFlagSet(name, env)
	loader := bindIngestConfig(fs)
	cfg, _, err := loadConfig(fs, loader, env, args, nargs)
	if err != nil {
		return nil, err
	}
	return openExistingStore(ctx, cfg)
}
