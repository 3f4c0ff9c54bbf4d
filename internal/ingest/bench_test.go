package ingest_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"newshound/internal/fetch"
	"newshound/internal/ingest"
	"newshound/internal/ingest/ingesttest"
	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// Benchmark sizes: 2,000 articles from 50 sources, as the issue asks.
const (
	benchSources = 50
	benchPerFeed = 40
)

// BenchmarkIngest ingests 2,000 articles from 50 local sites end to end:
// poll each feed, fetch each page over HTTP, extract, dedupe, store. Each
// iteration starts from an empty database. It reports articles per second
// and the peak resident memory of the whole test process (the 50 sites
// included). Run with:
//
//	go test ./internal/ingest -run '^$' -bench Ingest -benchtime 3x
func BenchmarkIngest(b *testing.B) {
	sites := benchSites(b)
	b.Run("sqlite", func(b *testing.B) { benchIngest(b, sites, storetest.SQLite) })
	b.Run("postgres", func(b *testing.B) { benchIngest(b, sites, storetest.Postgres) })
}

func benchSites(b *testing.B) []*ingesttest.Site {
	var sites []*ingesttest.Site
	base := time.Now().Add(-48 * time.Hour)
	for i := range benchSources {
		site := ingesttest.NewSite(b)
		name := fmt.Sprintf("Bench Source %d", i)
		var items []ingesttest.Item
		for j := range benchPerFeed {
			seed := uint64(i*1000 + j)
			st := ingesttest.NewStory(seed, int(seed), 7, base.Add(time.Duration(j)*time.Hour))
			items = append(items, site.Article(fmt.Sprintf("/%d/%d", i, j), name, st))
		}
		site.Feed("/feed.xml", name, items)
		sites = append(sites, site)
	}
	return sites
}

func benchIngest(b *testing.B, sites []*ingesttest.Site, open func(testing.TB) *store.Store) {
	ctx := context.Background()
	var elapsed, cpu time.Duration
	for range b.N {
		b.StopTimer()
		s := open(b)
		for i, site := range sites {
			src := news.Source{Name: fmt.Sprintf("Bench Source %d", i), HomepageURL: site.URL + "/"}
			sf := store.SourceFeed{Kind: store.KindFeed, URL: site.URL + "/feed.xml"}
			if err := s.CreatePolledSource(ctx, &src, &sf); err != nil {
				b.Fatal(err)
			}
		}
		client := fetch.New(fetch.Options{AllowPrivate: true, Limiter: fetch.NewHostLimiter(4, 0)})
		in, err := ingest.New(ingest.Options{Store: s, Fetcher: client, Workers: 8})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		p, err := in.RunOnce(ctx, false, nil)
		elapsed += time.Since(start)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if p.New != benchSources*benchPerFeed || p.Failed != 0 {
			b.Fatalf("ingested %+v, want %d new", p, benchSources*benchPerFeed)
		}
		client.CloseIdleConnections()
		b.StartTimer()
	}
	n := float64(b.N * benchSources * benchPerFeed)
	b.ReportMetric(n/elapsed.Seconds(), "articles/s")
	// CPU time of this process (ingestion and the 50 sites; not the
	// PostgreSQL server's) per article: less sensitive than articles/s to
	// other work on the machine.
	b.ReportMetric(float64(cpu.Microseconds())/1000/n, "cpu-ms/article")
	if hwm := peakRSS(); hwm > 0 {
		b.ReportMetric(float64(hwm)/(1<<20), "peak-RSS-MB")
	}
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's peak resident set size in bytes (VmHWM), 0
// when /proc is not there.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
