package views

import (
	"slices"
	"sync"
	"time"

	"newshound/internal/store"
)

// shard holds the counts and visitor sets of the articles that hash to it.
// Splitting by article keeps parallel Records on different articles from
// queueing on one lock.
type shard struct {
	mu sync.Mutex

	// Visitor sets: truncated HMACs of the visitors seen per article, for
	// the day `day` and, during the grace period, the day before.
	day, prev int
	today     map[visit]struct{}
	yesterday map[visit]struct{}

	pending  map[slot]tally // counted, not yet handed to a flush
	inflight map[slot]tally // handed to the flush now running
	days     []int          // the days that occur in pending or inflight

	cache map[int64]*cached // stored totals of articles recently shown

	_ [64]byte // keep neighbouring shards' locks off one cache line
}

// visit is one visitor of one article; only its 64-bit hash is kept.
type visit struct {
	article int64
	visitor uint64
}

// slot is one article on one day, the unit counts are stored in.
type slot struct {
	article int64
	day     int
}

type tally struct{ views, visitors int64 }

// cached is an article's stored totals as last read from the database.
type cached struct {
	day      int   // the day visitors belongs to
	views    int64 // all days
	visitors int64 // on day
	used     time.Time
}

// mark is what Record learnt about one request before taking the shard lock.
type mark struct {
	day, prev int
	visitor   uint64 // under today's secret
	grace     bool   // within the grace period after midnight
	before    uint64 // under yesterday's secret, when grace
}

func (s *shard) init() {
	s.today = map[visit]struct{}{}
	s.pending = map[slot]tally{}
	s.cache = map[int64]*cached{}
}

// record counts one view. It returns false when the view had to be dropped
// because the pending counts are full.
func (s *shard) record(article int64, m mark, maxVisitors, maxPending int) bool {
	if m.day > s.day {
		s.roll(m.day, m.prev)
	}
	set, grace := s.today, m.grace
	if m.day < s.day {
		// The day turned while this request was hashed: it belongs to the
		// set the shard now keeps as yesterday's, if it still has one.
		set, grace = nil, false
		if m.day == s.prev {
			set = s.yesterday
		}
	}
	sl := slot{article, m.day}
	t, ok := s.pending[sl]
	if !ok && len(s.pending) >= maxPending {
		return false
	}
	if s.firstVisit(set, visit{article, m.visitor}, grace, visit{article, m.before}, maxVisitors) {
		t.visitors++
	}
	t.views++
	s.pending[sl] = t
	if !ok && !slices.Contains(s.days, m.day) {
		s.days = append(s.days, m.day)
	}
	return true
}

// firstVisit reports whether v is a new visitor today and remembers it.
// During the grace period, a visitor already seen yesterday is taken to be
// finishing yesterday's visit: not new, and not remembered, so a return
// after the grace period counts as today's first visit.
func (s *shard) firstVisit(set map[visit]struct{}, v visit, grace bool, before visit, maxVisitors int) bool {
	if set == nil {
		return false // cannot tell; err on the side of not inflating
	}
	if _, seen := set[v]; seen {
		return false
	}
	if grace && s.yesterday != nil {
		if _, seen := s.yesterday[before]; seen {
			return false
		}
	}
	if len(set) < maxVisitors {
		set[v] = struct{}{}
	}
	return true
}

// roll starts the visitor set of a new day, keeping the old one as
// yesterday's only when it is the day just before.
func (s *shard) roll(day, prev int) {
	if s.day == prev {
		s.yesterday = s.today
	} else {
		s.yesterday = nil
	}
	s.today = map[visit]struct{}{}
	s.day, s.prev = day, prev
}

// retire rolls the shard to day and drops yesterday's set once the grace
// period is over, so no visitor hash outlives its secret.
func (s *shard) retire(day, prev int, graceOver bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if day > s.day {
		s.roll(day, prev)
	}
	if graceOver {
		s.yesterday = nil
	}
}

// takePending moves the pending counts to inflight and appends them to batch.
func (s *shard) takePending(batch []store.ViewDelta) []store.ViewDelta {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pending) == 0 {
		return batch
	}
	s.inflight = s.pending
	s.pending = make(map[slot]tally, len(s.inflight))
	for sl, t := range s.inflight {
		batch = append(batch, store.ViewDelta{ArticleID: sl.article, Day: sl.day, Views: t.views, Visitors: t.visitors})
	}
	return batch
}

// settle ends a flush: stored counts move into the cached totals, unstored
// ones go back to pending. Both under one lock, so Totals never sees a count
// twice or not at all.
func (s *shard) settle(stored bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for sl, t := range s.inflight {
		if stored {
			if e := s.cache[sl.article]; e != nil {
				e.views += t.views
				if e.day == sl.day {
					e.visitors += t.visitors
				}
			}
			continue
		}
		p := s.pending[sl]
		p.views += t.views
		p.visitors += t.visitors
		s.pending[sl] = p
	}
	s.inflight = nil
	s.days = s.days[:0]
	for sl := range s.pending {
		if !slices.Contains(s.days, sl.day) {
			s.days = append(s.days, sl.day)
		}
	}
}

// cachedTotals answers Totals from the cache when the article is in it.
func (s *shard) cachedTotals(article int64, day int, now time.Time) (total, today int64, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.cache[article]
	if e == nil {
		return 0, 0, false
	}
	e.used = now
	total, today = s.sum(article, e, day)
	return total, today, true
}

// sum adds the pending and in-flight counts of article to its stored
// totals e (nil when unknown). Called with mu held.
func (s *shard) sum(article int64, e *cached, day int) (total, today int64) {
	if e != nil {
		total = e.views
		if e.day == day {
			today = e.visitors
		}
	}
	for _, d := range s.days {
		for _, m := range []map[slot]tally{s.pending, s.inflight} {
			if t, ok := m[slot{article, d}]; ok {
				total += t.views
				if d == day {
					today += t.visitors
				}
			}
		}
	}
	return total, today
}

// cachedIDs appends the articles whose totals were asked for since cutoff
// and forgets the others.
func (s *shard) cachedIDs(ids []int64, cutoff time.Time) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, e := range s.cache {
		if e.used.Before(cutoff) {
			delete(s.cache, id)
			continue
		}
		ids = append(ids, id)
	}
	return ids
}

// setCached replaces an article's stored totals after a refresh.
func (s *shard) setCached(article int64, day int, t store.ViewTotal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.cache[article]; e != nil {
		e.day, e.views, e.visitors = day, t.Views, t.Visitors
	}
}

func (s *shard) pendingViews() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for _, m := range []map[slot]tally{s.pending, s.inflight} {
		for _, t := range m {
			n += t.views
		}
	}
	return n
}
