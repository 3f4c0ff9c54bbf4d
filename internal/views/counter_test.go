package views

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// seedArticles stores n articles of one source and returns their IDs.
func seedArticles(t testing.TB, s *store.Store, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	src := news.Source{Name: "Counting Gazette", HomepageURL: "https://gazette.example/"}
	if err := s.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, n)
	for i := range ids {
		a := news.Article{SourceID: src.ID, Title: fmt.Sprintf("Story number %d", i+1), BodyText: "Words."}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		ids[i] = a.ID
	}
	return ids
}

// visitorRequest is a page view from one browser at one address.
func visitorRequest(ip, ua string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, "/a/story", nil)
	r.RemoteAddr = ip + ":40000"
	r.Header.Set("User-Agent", ua)
	return r
}

func newCounter(t testing.TB, opt Options) *Counter {
	t.Helper()
	c, err := NewCounter(opt)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// stored reads an article's stored totals for day straight from the store.
func stored(t testing.TB, s *store.Store, id int64, day int) store.ViewTotal {
	t.Helper()
	m, err := s.ViewTotals(context.Background(), []int64{id}, day)
	if err != nil {
		t.Fatal(err)
	}
	return m[id]
}

// The tests that read today's stored totals run on noonClock: real time
// passing from noon UTC of the day the tests started, so that a run
// crossing midnight cannot count its views on two days.
var (
	testStart = time.Now()
	testNoon  = time.Date(testStart.Year(), testStart.Month(), testStart.Day(), 12, 0, 0, 0, time.UTC)
)

func noonClock() time.Time { return testNoon.Add(time.Since(testStart)) }

func todayNumber() int { return dayNumber(testNoon) }

func TestConcurrentRecordsAreAllStored(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 3)
		c := newCounter(t, Options{Clock: noonClock, Store: s, Site: "test", FlushInterval: 5 * time.Millisecond})
		const workers, each = 32, 250
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				// Each worker is one visitor; it reads every article many times.
				r := visitorRequest(fmt.Sprintf("192.0.2.%d", w), firefox)
				for i := range each {
					c.Record(ids[i%len(ids)], r)
				}
			})
		}
		wg.Wait()
		if err := c.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		var views, visitors int64
		for _, id := range ids {
			st := stored(t, s, id, todayNumber())
			views += st.Views
			visitors += st.Visitors
			if st.Visitors != workers {
				t.Errorf("article %d: %d unique visitors stored, want %d", id, st.Visitors, workers)
			}
		}
		if views != workers*each {
			t.Errorf("stored %d views, want exactly %d", views, workers*each)
		}
		if c.Pending() != 0 {
			t.Errorf("%d views still pending after Close", c.Pending())
		}
	})
}

func TestTwoCountersAddUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 1)
		// Two counters stand for two serve processes on one database: each
		// has its own secret, so the same person counts once in each.
		a := newCounter(t, Options{Clock: noonClock, Store: s, Site: "test", FlushInterval: 3 * time.Millisecond})
		b := newCounter(t, Options{Clock: noonClock, Store: s, Site: "test", FlushInterval: 4 * time.Millisecond})
		var wg sync.WaitGroup
		for w := range 8 {
			c := a
			if w%2 == 1 {
				c = b
			}
			wg.Go(func() {
				for i := range 400 {
					c.Record(ids[0], visitorRequest(fmt.Sprintf("198.51.100.%d", i%10), firefox))
				}
			})
		}
		wg.Wait()
		for _, c := range []*Counter{a, b} {
			if err := c.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		got := stored(t, s, ids[0], todayNumber())
		if diff := cmp.Diff(store.ViewTotal{Views: 8 * 400, Visitors: 2 * 10}, got); diff != "" {
			t.Errorf("stored totals (-want +got):\n%s", diff)
		}
	})
}

func TestNotCounted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 1)
		c := newCounter(t, Options{Clock: noonClock, Store: s, FlushInterval: time.Hour})
		defer c.Close(context.Background())
		reqs := map[string]*http.Request{
			"bot":      visitorRequest("192.0.2.1", "Mozilla/5.0 (compatible; Googlebot/2.1)"),
			"curl":     visitorRequest("192.0.2.1", "curl/8.0"),
			"no agent": visitorRequest("192.0.2.1", ""),
			"prefetch": visitorRequest("192.0.2.1", firefox),
			"HEAD":     visitorRequest("192.0.2.1", firefox),
		}
		reqs["prefetch"].Header.Set("Sec-Purpose", "prefetch")
		reqs["HEAD"].Method = http.MethodHead
		for name, r := range reqs {
			c.Record(ids[0], r)
			if n := c.Pending(); n != 0 {
				t.Fatalf("%s counted: %d pending", name, n)
			}
		}
		c.Record(ids[0], visitorRequest("192.0.2.1", firefox))
		if n := c.Pending(); n != 1 {
			t.Fatalf("a browser view: %d pending, want 1", n)
		}
	})
}

func TestUniqueVisitors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 2)
		c := newCounter(t, Options{Clock: noonClock, Store: s, Site: "test", FlushInterval: time.Hour})
		defer c.Close(context.Background())
		ctx := context.Background()
		steps := []struct {
			name      string
			article   int64
			ip, ua    string
			wantTotal int64
			wantToday int64
		}{
			{"first visit", ids[0], "192.0.2.1", firefox, 1, 1},
			{"same visitor again", ids[0], "192.0.2.1", firefox, 2, 1},
			{"same address, other browser", ids[0], "192.0.2.1", "Mozilla/5.0 Safari/605.1", 3, 2},
			{"other address", ids[0], "192.0.2.2", firefox, 4, 3},
			{"first visitor, other article", ids[1], "192.0.2.1", firefox, 1, 1},
		}
		for i, st := range steps {
			c.Record(st.article, visitorRequest(st.ip, st.ua))
			if i == 2 {
				// Flushing midway must not change what Totals reports.
				if err := c.Flush(ctx); err != nil {
					t.Fatal(err)
				}
			}
			total, today, err := c.Totals(ctx, st.article)
			if err != nil {
				t.Fatal(err)
			}
			if total != st.wantTotal || today != st.wantToday {
				t.Errorf("%s: Totals = %d, %d; want %d, %d", st.name, total, today, st.wantTotal, st.wantToday)
			}
		}
	})
}

// TestStoreDownKeepsCounts makes the database refuse the write for real (the
// table is renamed away) and checks nothing is lost, then that the counts
// land once it is back.
func TestStoreDownKeepsCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 1)
		ctx := context.Background()
		c := newCounter(t, Options{Clock: noonClock, Store: s, Site: "test", FlushInterval: time.Hour})
		defer c.Close(ctx)
		for i := range 5 {
			c.Record(ids[0], visitorRequest(fmt.Sprintf("192.0.2.%d", i), firefox))
		}
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Totals(ctx, ids[0]); err != nil { // the page was shown once
			t.Fatal(err)
		}
		exec(t, s, `ALTER TABLE article_views RENAME TO article_views_away`)
		for i := range 7 {
			c.Record(ids[0], visitorRequest(fmt.Sprintf("192.0.2.%d", i), firefox))
		}
		if err := c.Flush(ctx); err == nil {
			t.Fatal("flush into a missing table succeeded")
		}
		if n := c.Pending(); n != 7 {
			t.Errorf("after a failed flush %d views pending, want 7", n)
		}
		total, today, err := c.Totals(ctx, ids[0]) // stored part cached before the outage
		if err != nil {
			t.Fatal(err)
		}
		if total != 12 || today != 7 {
			t.Errorf("Totals while down = %d, %d; want 12, 7", total, today)
		}
		exec(t, s, `ALTER TABLE article_views_away RENAME TO article_views`)
		c.Record(ids[0], visitorRequest("192.0.2.99", firefox))
		if err := c.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if got := stored(t, s, ids[0], todayNumber()); got != (store.ViewTotal{Views: 13, Visitors: 8}) {
			t.Errorf("stored after recovery = %+v, want 13 views, 8 visitors", got)
		}
	})
}

func TestDeletedArticleDoesNotBlockFlush(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 2)
		ctx := context.Background()
		c := newCounter(t, Options{Clock: noonClock, Store: s, FlushInterval: time.Hour})
		c.Record(ids[0], visitorRequest("192.0.2.1", firefox))
		c.Record(ids[1], visitorRequest("192.0.2.1", firefox))
		c.Record(ids[1]+1000, visitorRequest("192.0.2.1", firefox)) // never existed
		if err := c.Close(ctx); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if got := stored(t, s, id, todayNumber()).Views; got != 1 {
				t.Errorf("article %d: %d views stored, want 1", id, got)
			}
		}
	})
}

func TestTop(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 3)
		ctx := context.Background()
		c := newCounter(t, Options{Clock: noonClock, Store: s, FlushInterval: time.Hour})
		defer c.Close(ctx)
		for i, n := range []int{2, 5, 5} {
			for v := range n {
				c.Record(ids[i], visitorRequest(fmt.Sprintf("192.0.2.%d", v%3), firefox))
			}
		}
		// An older day, written as another process would have.
		old := dayNumber(testNoon.AddDate(0, 0, -10))
		if err := s.AddViews(ctx, []store.ViewDelta{{ArticleID: ids[0], Day: old, Views: 100, Visitors: 40}}); err != nil {
			t.Fatal(err)
		}
		if err := c.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		rank := func(days int) []int64 {
			top, err := c.Top(ctx, days, 10)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, r := range top {
				out = append(out, r.ArticleID)
			}
			return out
		}
		// Ties (5 and 5) are broken by ID.
		if diff := cmp.Diff([]int64{ids[1], ids[2], ids[0]}, rank(1)); diff != "" {
			t.Errorf("top today (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]int64{ids[1], ids[2], ids[0]}, rank(7)); diff != "" {
			t.Errorf("top 7 days (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]int64{ids[0], ids[1], ids[2]}, rank(30)); diff != "" {
			t.Errorf("top 30 days (-want +got):\n%s", diff)
		}
	})
}

func exec(t *testing.T, s *store.Store, q string) {
	t.Helper()
	if _, err := s.DB().ExecContext(context.Background(), q); err != nil {
		t.Fatal(err)
	}
}
