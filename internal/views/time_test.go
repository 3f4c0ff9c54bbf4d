package views

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// In a synctest bubble the clock starts at 2000-01-01 00:00 UTC and only
// moves when every goroutine in the bubble is blocked, so these tests walk
// through days in milliseconds.

func TestFlushInterval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 1)
		synctest.Test(t, func(t *testing.T) {
			ctx := context.Background()
			c := newCounter(t, Options{Store: s, FlushInterval: time.Second})
			for range 3 {
				c.Record(ids[0], visitorRequest("192.0.2.1", firefox))
			}
			time.Sleep(999 * time.Millisecond)
			synctest.Wait()
			if got := stored(t, s, ids[0], 20000101).Views; got != 0 {
				t.Errorf("before the interval: %d views stored, want 0", got)
			}
			time.Sleep(2 * time.Millisecond)
			synctest.Wait()
			if got := stored(t, s, ids[0], 20000101).Views; got != 3 {
				t.Errorf("after the interval: %d views stored, want 3", got)
			}
			if n := c.Pending(); n != 0 {
				t.Errorf("%d views pending after a flush", n)
			}
			if err := c.Close(ctx); err != nil {
				t.Fatal(err)
			}
		})
	})
}

// TestMidnight walks one visitor (A) across midnight and checks the grace
// period rule of docs/counting.md: a visitor seen yesterday who comes back
// within the grace period is finishing yesterday's visit and does not count
// as new today; after the grace period they do.
func TestMidnight(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ids := seedArticles(t, s, 1)
		id := ids[0]
		synctest.Test(t, func(t *testing.T) {
			ctx := context.Background()
			c := newCounter(t, Options{Store: s, FlushInterval: time.Minute, Grace: 30 * time.Minute})
			visit := func(who string) { c.Record(id, visitorRequest(who, firefox)) }
			check := func(when string, wantTotal, wantToday int64) {
				t.Helper()
				total, today, err := c.Totals(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if total != wantTotal || today != wantToday {
					t.Errorf("%s: Totals = %d, %d; want %d, %d", when, total, today, wantTotal, wantToday)
				}
			}

			time.Sleep(23*time.Hour + 50*time.Minute) // day 1, 23:50
			visit("192.0.2.1")                        // A
			check("23:50", 1, 1)
			c.mu.RLock()
			day1 := c.ep.today
			c.mu.RUnlock()

			time.Sleep(20 * time.Minute) // day 2, 00:10
			visit("192.0.2.1")           // A again: finishing yesterday's visit
			check("00:10 A returns", 2, 0)
			visit("192.0.2.2") // B, new
			check("00:10 B arrives", 3, 1)
			time.Sleep(5 * time.Minute) // 00:15
			visit("192.0.2.1")          // A once more, still in grace
			visit("192.0.2.2")          // B again
			check("00:15", 5, 1)

			time.Sleep(16 * time.Minute) // 00:31, past the grace period
			synctest.Wait()
			c.mu.RLock()
			if c.ep.yesterday != nil {
				t.Error("yesterday's secret still held after the grace period")
			}
			for _, b := range append(day1.ipad[:], day1.opad[:]...) {
				if b != 0 {
					t.Error("yesterday's secret was dropped but not zeroed")
					break
				}
			}
			c.mu.RUnlock()
			for i := range c.shards {
				sh := &c.shards[i]
				sh.mu.Lock()
				if sh.yesterday != nil {
					t.Errorf("shard %d still holds yesterday's visitors", i)
				}
				sh.mu.Unlock()
			}

			visit("192.0.2.1") // A after the grace period: today's first visit
			check("00:31 A returns", 6, 2)
			visit("192.0.2.1")
			check("00:31 A again", 7, 2)

			if err := c.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			days := map[int]store.ViewTotal{
				20000101: stored(t, s, id, 20000101),
				20000102: stored(t, s, id, 20000102),
			}
			want := map[int]store.ViewTotal{
				20000101: {Views: 7, Visitors: 1}, // Views is all time
				20000102: {Views: 7, Visitors: 2},
			}
			if diff := cmp.Diff(want, days); diff != "" {
				t.Errorf("stored (-want +got):\n%s", diff)
			}
			top, err := c.Top(ctx, 1, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(top) != 1 || top[0].Views != 6 || top[0].Visitors != 2 {
				t.Errorf("top today = %+v, want 6 views by 2 visitors", top)
			}

			// A quiet day: secrets still rotate and die on time.
			c.mu.RLock()
			day2 := c.ep.today
			c.mu.RUnlock()
			time.Sleep(24 * time.Hour) // day 3, 00:31
			synctest.Wait()
			c.mu.RLock()
			if c.ep.day != 20000103 || c.ep.yesterday != nil || day2.ipad[0] != 0 || day2.opad[0] != 0 {
				t.Errorf("on a quiet day 3: day %d, yesterday held %v, day 2 key zeroed %v",
					c.ep.day, c.ep.yesterday != nil, day2.ipad[0] == 0 && day2.opad[0] == 0)
			}
			c.mu.RUnlock()
			check("day 3", 7, 0)
			if err := c.Close(ctx); err != nil {
				t.Fatal(err)
			}
			if _, _, err := c.Totals(ctx, id); err != nil { // still answers after Close
				t.Fatal(err)
			}
			c.mu.RLock()
			if c.ep.today != nil || c.ep.yesterday != nil {
				t.Error("a secret exists after Close")
			}
			c.mu.RUnlock()
		})
	})
}

func TestDayFollowsLocation(t *testing.T) {
	s := storetest.SQLite(t)
	ids := seedArticles(t, s, 1)
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		sydney := time.FixedZone("UTC+10", 10*60*60)
		c := newCounter(t, Options{Store: s, FlushInterval: time.Hour, Location: sydney})
		c.Record(ids[0], visitorRequest("192.0.2.1", firefox)) // 10:00 local, 1 January
		time.Sleep(14 * time.Hour)                             // local midnight
		c.Record(ids[0], visitorRequest("192.0.2.1", firefox))
		if err := c.Close(ctx); err != nil {
			t.Fatal(err)
		}
		for day, want := range map[int]int64{20000101: 1, 20000102: 0} {
			if got := stored(t, s, ids[0], day).Visitors; got != want {
				t.Errorf("day %d: %d visitors, want %d", day, got, want)
			}
		}
	})
}
