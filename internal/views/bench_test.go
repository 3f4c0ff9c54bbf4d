package views

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"newshound/internal/store/storetest"
)

func TestPendingIsBounded(t *testing.T) {
	s := storetest.SQLite(t)
	c := newCounter(t, Options{Store: s, FlushInterval: time.Hour, MaxPending: numShards})
	const n = 1000
	for id := range int64(n) {
		c.Record(id+1, visitorRequest("192.0.2.1", firefox))
	}
	if c.Pending() > numShards {
		t.Errorf("%d counts pending, bound is %d", c.Pending(), numShards)
	}
	if c.Pending()+c.Dropped() != n {
		t.Errorf("pending %d + dropped %d != %d recorded", c.Pending(), c.Dropped(), n)
	}
	if c.Dropped() == 0 {
		t.Error("nothing dropped past the bound")
	}
	c.Close(context.Background())
}

// BenchmarkRecord measures the hot path a page view pays: classify, two
// SHA-256 blocks, one sharded map update. Requests come from 1,000
// visitors over 100 articles.
func BenchmarkRecord(b *testing.B) {
	s := storetest.SQLite(b)
	ids := seedArticles(b, s, 100)
	c := newCounter(b, Options{Store: s, Site: "bench"})
	defer c.Close(context.Background())
	reqs := make([]*http.Request, 1000)
	for i := range reqs {
		reqs[i] = visitorRequest(fmt.Sprintf("10.%d.%d.%d", i/65536, i/256%256, i%256), firefox)
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := int(next.Add(7919))
		for pb.Next() {
			i++
			c.Record(ids[i%len(ids)], reqs[i%len(reqs)])
		}
	})
}

// BenchmarkTotals measures what an article page pays to show its counter
// once the article's stored totals are cached: no database round trip.
func BenchmarkTotals(b *testing.B) {
	s := storetest.SQLite(b)
	ids := seedArticles(b, s, 100)
	c := newCounter(b, Options{Store: s, Site: "bench"})
	defer c.Close(context.Background())
	ctx := context.Background()
	for _, id := range ids {
		c.Record(id, visitorRequest("192.0.2.1", firefox))
		if _, _, err := c.Totals(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := int(next.Add(31))
		for pb.Next() {
			i++
			if _, _, err := c.Totals(ctx, ids[i%len(ids)]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
