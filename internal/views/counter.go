package views

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"newshound/internal/ratelimit"
	"newshound/internal/store"
)

// Defaults for Options left zero.
const (
	DefaultFlushInterval = time.Second
	DefaultGrace         = 30 * time.Minute
	DefaultMaxPending    = 100_000
	DefaultMaxVisitors   = 1_000_000
)

const (
	numShards    = 64 // a power of two; enough that parallel Records rarely meet
	flushTimeout = 10 * time.Second
	cacheIdle    = 10 * time.Minute // stored totals kept this long after last asked for
)

// Options configure a Counter. Store is required; the rest have defaults.
type Options struct {
	Store *store.Store
	// Site is mixed into every visitor hash, so two sites served by one
	// process never share visitors.
	Site string
	// FlushInterval is how often pending counts are written; default 1s.
	FlushInterval time.Duration
	// Location decides when a day ends (and its secret is destroyed);
	// default UTC.
	Location *time.Location
	// Grace is how long after midnight yesterday's secret is kept, so a
	// visit that runs across midnight is not counted as a new visitor.
	// Default 30 minutes; it must stay well under a day.
	Grace time.Duration
	// Clock tells the time; default time.Now. Tests use testing/synctest,
	// whose fake time time.Now already follows.
	Clock func() time.Time
	// ClientIPHeader names a header set by a trusted reverse proxy (such as
	// X-Forwarded-For) whose last address is the visitor's. Empty means the
	// connection's peer address. Never set it without such a proxy: clients
	// could then forge their address and count as many visitors.
	ClientIPHeader string
	// MaxPending bounds the (article, day) counts held while the database is
	// unreachable; past it, views of further articles are dropped (and
	// counted in Dropped). Default 100,000.
	MaxPending int
	// MaxVisitors bounds the (article, visitor) pairs remembered per day.
	// Past it, new visitors are still counted but not remembered, so a
	// return visit may count again. Default 1,000,000 (about 56 MB, measured).
	MaxVisitors int
	// Logger receives flush failures and recoveries; default slog.Default().
	Logger *slog.Logger
}

// Counter counts article views and unique visitors in memory and flushes
// the counts to the store in batches. It is safe for concurrent use. See
// docs/counting.md for the design and its privacy guarantees.
type Counter struct {
	opt   Options
	store *store.Store
	log   *slog.Logger

	// mu guards ep and closed. Record holds it for reading for the whole
	// count, so Close (a writer) knows no count is still on its way.
	mu     sync.RWMutex
	ep     epoch
	closed bool

	shards [numShards]shard

	flushMu sync.Mutex // one flush or stored-totals read at a time
	failing bool       // last flush failed; guarded by flushMu
	dropped atomic.Int64

	bots *botVerdicts // Classify's bot test, remembered per User-Agent hash

	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

// epoch is today's calendar day and its secrets.
type epoch struct {
	day, prevDay int       // YYYYMMDD of today and of the day before
	start, end   time.Time // today's bounds in Options.Location
	today        *secret
	yesterday    *secret // nil once the grace period after start is over
}

// NewCounter starts a counter and its flush loop; stop it with Close.
func NewCounter(opt Options) (*Counter, error) {
	if opt.Store == nil {
		return nil, errors.New("views: NewCounter needs a store")
	}
	if opt.FlushInterval <= 0 {
		opt.FlushInterval = DefaultFlushInterval
	}
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	if opt.Grace <= 0 {
		opt.Grace = DefaultGrace
	}
	if opt.Grace >= 12*time.Hour {
		return nil, fmt.Errorf("views: grace period %s is too long; keep it under 12h", opt.Grace)
	}
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	if opt.MaxPending <= 0 {
		opt.MaxPending = DefaultMaxPending
	}
	if opt.MaxVisitors <= 0 {
		opt.MaxVisitors = DefaultMaxVisitors
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	c := &Counter{
		opt:   opt,
		store: opt.Store,
		log:   opt.Logger,
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
		bots:  newBotVerdicts(),
	}
	for i := range c.shards {
		c.shards[i].init()
	}
	c.advance(opt.Clock())
	go c.run()
	return c, nil
}

// Record counts one request for an article page (or its beacon) if
// Classify says it is a view. It does no I/O: the count waits in memory for
// the next flush. After Close it does nothing.
func (c *Counter) Record(articleID int64, r *http.Request) {
	ua := headerValue(r.Header, "User-Agent")
	if !classify(r, ua, c.bots.isBot) {
		return
	}
	ip := ratelimit.ClientAddr(r, c.opt.ClientIPHeader)
	now := c.opt.Clock()

	c.mu.RLock()
	if !c.current(now) {
		c.mu.RUnlock()
		c.advance(now)
		c.mu.RLock()
	}
	defer c.mu.RUnlock()
	if c.closed {
		return
	}
	ep := &c.ep
	m := mark{day: ep.day, prev: ep.prevDay, visitor: ep.today.visitor(c.opt.Site, ip, ua)}
	if ep.yesterday != nil && now.Before(ep.start.Add(c.opt.Grace)) {
		m.grace = true
		m.before = ep.yesterday.visitor(c.opt.Site, ip, ua)
	}
	sh := c.shard(articleID)
	sh.mu.Lock()
	ok := sh.record(articleID, m, max(1, c.opt.MaxVisitors/numShards), max(1, c.opt.MaxPending/numShards))
	sh.mu.Unlock()
	if !ok {
		c.dropped.Add(1)
	}
}

// Totals returns an article's views over all time and its unique visitors
// today: the stored counts plus what this process has not yet flushed.
// Stored counts are cached and refreshed after every flush, so the common
// case costs no database round trip; other processes' views show up within
// about two flush intervals. On a database error it returns what it knows
// (this process's pending counts) along with the error.
func (c *Counter) Totals(ctx context.Context, articleID int64) (total, today int64, err error) {
	now := c.opt.Clock() // once: reading the clock is a tenth of a cached view's cost
	day := c.day(now)
	sh := c.shard(articleID)
	if total, today, ok := sh.cachedTotals(articleID, day, now); ok {
		return total, today, nil
	}
	// A miss reads the database under flushMu, so no flush can land between
	// the read and the caching of its result and be counted twice or not at all.
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	if total, today, ok := sh.cachedTotals(articleID, day, c.opt.Clock()); ok {
		return total, today, nil
	}
	stored, err := c.store.ViewTotals(ctx, []int64{articleID}, day)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if err != nil {
		total, today = sh.sum(articleID, nil, day)
		return total, today, fmt.Errorf("views: totals of article %d: %w", articleID, err)
	}
	st := stored[articleID]
	e := &cached{day: day, views: st.Views, visitors: st.Visitors, used: c.opt.Clock()}
	sh.cache[articleID] = e
	total, today = sh.sum(articleID, e, day)
	return total, today, nil
}

// Top lists the most viewed articles of the last days days, today
// included (days 1 is today only). Counts not yet flushed are not in it.
func (c *Counter) Top(ctx context.Context, days, limit int) ([]store.ViewRank, error) {
	if days < 1 {
		return nil, fmt.Errorf("views: top of %d days: %w", days, store.ErrInvalid)
	}
	t := c.opt.Clock().In(c.opt.Location)
	y, m, d := t.Date()
	from := dayNumber(time.Date(y, m, d-(days-1), 12, 0, 0, 0, c.opt.Location))
	return c.store.TopViewed(ctx, from, dayNumber(t), limit)
}

// Flush writes every pending count in one transaction. If that fails the
// counts stay pending for the next try, and the error is returned.
func (c *Counter) Flush(ctx context.Context) error {
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	return c.flushLocked(ctx)
}

func (c *Counter) flushLocked(ctx context.Context) error {
	var batch []store.ViewDelta
	for i := range c.shards {
		batch = c.shards[i].takePending(batch)
	}
	if len(batch) == 0 {
		return nil
	}
	err := c.store.AddViews(ctx, batch)
	for i := range c.shards {
		c.shards[i].settle(err == nil)
	}
	if err != nil {
		var views int64
		for _, d := range batch {
			views += d.Views
		}
		return fmt.Errorf("views: flush %d views (kept for the next try): %w", views, err)
	}
	return nil
}

// Pending returns the number of views counted but not yet stored.
func (c *Counter) Pending() int64 {
	var n int64
	for i := range c.shards {
		n += c.shards[i].pendingViews()
	}
	return n
}

// Dropped returns the number of views lost because MaxPending was reached
// while the database was unreachable.
func (c *Counter) Dropped() int64 { return c.dropped.Load() }

// Close stops the flush loop, stops counting, flushes everything pending and
// destroys the secrets. If the final flush fails, the error says how many
// views were lost.
func (c *Counter) Close(ctx context.Context) error {
	c.stopOnce.Do(func() { close(c.stop) })
	<-c.done
	c.mu.Lock()
	c.closed = true // no Record is mid-count once we hold the write lock
	c.mu.Unlock()
	err := c.Flush(ctx)
	c.mu.Lock()
	c.ep.destroy()
	c.mu.Unlock()
	return err
}

// run is the flush loop: rotate secrets, flush, refresh cached totals.
func (c *Counter) run() {
	defer close(c.done)
	t := time.NewTicker(c.opt.FlushInterval)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.tick()
		}
	}
}

// tick does one round of housekeeping. Secrets and visitor sets are retired
// here too, so they are destroyed on time even when nobody visits.
func (c *Counter) tick() {
	now := c.opt.Clock()
	c.advance(now)
	c.mu.RLock()
	day, prev, graceOver := c.ep.day, c.ep.prevDay, c.ep.yesterday == nil
	c.mu.RUnlock()
	for i := range c.shards {
		c.shards[i].retire(day, prev, graceOver)
	}

	ctx, cancel := context.WithTimeout(context.Background(), flushTimeout)
	defer cancel()
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	err := c.flushLocked(ctx)
	switch {
	case err != nil && !c.failing:
		c.failing = true
		c.log.Warn("views: flush failed; counts kept in memory", "err", err, "pending", c.Pending())
	case err == nil && c.failing:
		c.failing = false
		c.log.Info("views: flush recovered")
	}
	if err == nil {
		c.refresh(ctx, day, now)
	}
}

// refresh re-reads the stored totals of recently shown articles, so other
// processes' counts reach this one's pages. It runs under flushMu, right
// after a flush, when nothing is in flight.
func (c *Counter) refresh(ctx context.Context, day int, now time.Time) {
	var ids []int64
	for i := range c.shards {
		ids = c.shards[i].cachedIDs(ids, now.Add(-cacheIdle))
	}
	if len(ids) == 0 {
		return
	}
	stored, err := c.store.ViewTotals(ctx, ids, day)
	if err != nil {
		c.log.Warn("views: refresh stored totals", "err", err)
		return
	}
	for _, id := range ids {
		c.shard(id).setCached(id, day, stored[id])
	}
}

// current reports whether the epoch still holds at now. Called with mu held.
func (c *Counter) current(now time.Time) bool {
	ep := &c.ep
	return ep.today != nil && now.Before(ep.end) &&
		(ep.yesterday == nil || now.Before(ep.start.Add(c.opt.Grace)))
}

// advance moves the epoch to now: a new day gets a new secret, today's
// becomes yesterday's, and yesterday's is destroyed once the grace period
// is over. Time never runs the epoch backwards.
func (c *Counter) advance(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.current(now) {
		return // a closed counter draws no new secret
	}
	ep := &c.ep
	if ep.today == nil || !now.Before(ep.end) {
		t := now.In(c.opt.Location)
		y, m, d := t.Date()
		start := time.Date(y, m, d, 0, 0, 0, 0, c.opt.Location)
		prev := dayNumber(time.Date(y, m, d-1, 12, 0, 0, 0, c.opt.Location))
		if ep.yesterday != nil {
			ep.yesterday.destroy()
			ep.yesterday = nil
		}
		if ep.today != nil && ep.day == prev {
			ep.yesterday = ep.today // a visit across midnight may still need it
		} else if ep.today != nil {
			ep.today.destroy() // more than a day has passed
		}
		ep.today = newSecret()
		ep.day, ep.prevDay = dayNumber(t), prev
		ep.start, ep.end = start, time.Date(y, m, d+1, 0, 0, 0, 0, c.opt.Location)
	}
	if ep.yesterday != nil && !now.Before(ep.start.Add(c.opt.Grace)) {
		ep.yesterday.destroy()
		ep.yesterday = nil
	}
}

// day returns today's day number, advancing the epoch when needed.
func (c *Counter) day(now time.Time) int {
	c.mu.RLock()
	ok := c.current(now)
	day := c.ep.day
	c.mu.RUnlock()
	if ok {
		return day
	}
	c.advance(now)
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.ep.day
}

func (c *Counter) shard(articleID int64) *shard {
	// Fibonacci hashing spreads consecutive IDs over the shards.
	return &c.shards[(uint64(articleID)*0x9E3779B97F4A7C15)>>(64-6)]
}

// destroy zeroes both secrets.
func (ep *epoch) destroy() {
	for _, s := range []*secret{ep.today, ep.yesterday} {
		if s != nil {
			s.destroy()
		}
	}
	ep.today, ep.yesterday = nil, nil
}

// dayNumber is t's calendar date (in t's location) as YYYYMMDD.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}
