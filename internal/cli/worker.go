package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"newshound/internal/config"
	"newshound/internal/fetch"
	"newshound/internal/ingest"
	"newshound/internal/news"
	"newshound/internal/related"
	"newshound/internal/store"
)

// ingestFlags are the flags of every command that fetches for ingestion,
// beside the configuration's own (--data, --database,
// --allow-private-networks, --user-agent).
type ingestFlags struct {
	perHost   int
	hostDelay time.Duration
	jobs      bool // workers and lease apply: the command runs page jobs
	workers   int
	lease     time.Duration
	// syncIndex keeps the related-articles index in step with other
	// processes' articles, for commands that run until stopped.
	syncIndex bool
}

// bindIngest registers the fetching flags on fs; jobs adds the worker ones.
func bindIngest(fs *flag.FlagSet, jobs bool) *ingestFlags {
	f := &ingestFlags{jobs: jobs}
	fs.IntVar(&f.perHost, "per-host", 2, "at most `N` requests in flight to one host")
	fs.DurationVar(&f.hostDelay, "host-delay", time.Second, "politeness `DELAY` between request starts to one host")
	if jobs {
		fs.IntVar(&f.workers, "workers", ingest.DefaultWorkers, "`N` jobs at a time")
		fs.DurationVar(&f.lease, "lease", ingest.DefaultLease, "`DURATION` a claimed job stays this process's before another may take it")
	}
	return f
}

// serveIngest is the fetching and worker settings of 'serve', which takes
// no flags for them (its User-Agent is configuration): the defaults of
// 'worker'.
func serveIngest() *ingestFlags {
	return &ingestFlags{perHost: 2, hostDelay: time.Second,
		jobs: true, workers: ingest.DefaultWorkers, lease: ingest.DefaultLease, syncIndex: true}
}

// bindIngestConfig binds the configuration every ingestion command takes.
func bindIngestConfig(fs *flag.FlagSet) *config.Loader {
	return config.Bind(fs, config.DataDir, config.Database, config.Fetch, config.Log)
}

// client builds the one fetcher of an ingestion command.
func (f *ingestFlags) client(cfg config.Config) (*fetch.Client, error) {
	if f.perHost < 1 {
		return nil, usagef("--per-host must be at least 1")
	}
	if f.hostDelay < 0 {
		return nil, usagef("--host-delay cannot be negative")
	}
	return fetch.New(fetch.Options{
		AllowPrivate: cfg.AllowPrivateNetworks,
		UserAgent:    cfg.UserAgent,
		Limiter:      fetch.NewHostLimiter(f.perHost, f.hostDelay),
	}), nil
}

// open opens the configured database, creating it when new, and wires an
// ingester to it; close stops the ingester's helpers and closes the
// database.
func (f *ingestFlags) open(ctx context.Context, cfg config.Config, log *slog.Logger, index bool) (in *ingest.Ingester, close func(), err error) {
	st, err := createStore(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	in, done, err := f.ingester(ctx, cfg, st, log, index)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return in, func() { done(); st.Close() }, nil
}

// ingester wires an Ingester to st with a fetch client of its own. With
// index, new articles are added to the related-articles index as they are
// stored. done stops what it started and closes the client's connections.
func (f *ingestFlags) ingester(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger, index bool) (in *ingest.Ingester, done func(), err error) {
	client, err := f.client(cfg)
	if err != nil {
		return nil, nil, err
	}
	in, stop, err := f.ingesterWith(ctx, client, st, log, index)
	if err != nil {
		return nil, nil, err
	}
	return in, func() { stop(); client.CloseIdleConnections() }, nil
}

// ingesterWith is ingester fetching with client, which others may share:
// its per-host limiter then paces all their requests together. stop ends
// the index sync it may start; the client is the caller's to close.
func (f *ingestFlags) ingesterWith(ctx context.Context, client *fetch.Client, st *store.Store, log *slog.Logger, index bool) (in *ingest.Ingester, stop func(), err error) {
	opt := ingest.Options{Store: st, Fetcher: client, Logger: log}
	if f.jobs {
		if f.workers < 1 {
			return nil, nil, usagef("--workers must be at least 1")
		}
		opt.Workers, opt.Lease = f.workers, f.lease
	}
	var ix *related.Index
	if index {
		if ix, err = related.Load(ctx, st, related.Options{}); err != nil {
			return nil, nil, err
		}
		opt.OnStored = func(ctx context.Context, a news.Article) error { return ix.Add(ctx, a) }
	}
	if in, err = ingest.New(opt); err != nil {
		return nil, nil, err
	}
	stop = func() {}
	if ix != nil && f.syncIndex {
		stop = syncRelated(ctx, ix, log)
	}
	return in, stop, nil
}

// relatedSyncEvery is how often a long-running worker brings its
// related-articles index up to date with what other processes stored.
const relatedSyncEvery = time.Minute

// syncRelated runs ix.Sync every relatedSyncEvery until the returned stop
// is called: with several workers, each indexes only what it stores.
func syncRelated(ctx context.Context, ix *related.Index, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(relatedSyncEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := ix.Sync(ctx); err != nil && ctx.Err() == nil {
					log.Warn("related index sync", "err", err)
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}

// runWorker runs ingestion workers alone, without the web site, until
// SIGINT or SIGTERM: for scale-out on PostgreSQL, where several share the
// queue.
func runWorker(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("worker", env)
	loader := bindIngestConfig(fs)
	flags := bindIngest(fs, true)
	cfg, _, err := loadConfig(fs, loader, env, args, 0)
	if err != nil {
		return err
	}
	log := cfg.NewLogger(env.Stderr)
	flags.syncIndex = true
	in, closeAll, err := flags.open(ctx, cfg, log, true)
	if err != nil {
		return err
	}
	defer closeAll()
	log.Info("worker started", "database", cfg.DatabaseName(), "workers", flags.workers)
	err = in.Run(ctx, nil)
	log.Info("worker stopped")
	return err
}

// startWorkers runs ingestion workers in the background of 'serve' with
// the default worker settings, fetching with serve's one client, until ctx
// ends or the returned stop is called; stop waits for the jobs in flight
// to end.
func startWorkers(ctx context.Context, client *fetch.Client, st *store.Store, log *slog.Logger) (stop func(), err error) {
	flags := serveIngest()
	in, done, err := flags.ingesterWith(ctx, client, st, log, true)
	if err != nil {
		return nil, fmt.Errorf("start ingestion workers: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		if err := in.Run(ctx, nil); err != nil {
			log.Error("ingestion workers stopped", "err", err)
		}
	}()
	log.Info("ingestion workers started", "workers", flags.workers)
	return func() {
		cancel()
		<-finished
		done()
	}, nil
}
