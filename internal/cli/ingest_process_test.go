package cli_test

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"newshound/internal/ingest/ingesttest"
	"newshound/internal/store"
)

// slowSite serves a feed of n stories whose pages each take delay to
// answer, counting page requests.
func slowSite(t *testing.T, n int, delay time.Duration) (*ingesttest.Site, *atomic.Int64) {
	site := ingesttest.NewSite(t)
	var served atomic.Int64
	var items []ingesttest.Item
	for i := range n {
		st := ingesttest.NewStory(uint64(500+i), i, 6, time.Now().Add(-time.Duration(i+1)*time.Hour))
		page := st.Page("Slow Post")
		path := fmt.Sprintf("/story/%d", i)
		items = append(items, ingesttest.Item{Title: st.Title, Link: site.URL + path, GUID: path, Published: st.Published})
		site.Handle(path, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
			served.Add(1)
		})
	}
	site.Feed("/feed.xml", "Slow Post", items)
	return site, &served
}

// checkStoredOnce opens the database and checks that every story of the
// slow site is stored exactly once and no job is left.
func checkStoredOnce(t *testing.T, dbURL string, n int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, total, err := st.Articles(ctx, store.ArticleFilter{AnyStatus: true, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, a := range list {
		seen[a.OriginalURL]++
	}
	if total != n || len(seen) != n {
		t.Errorf("%d articles from %d distinct URLs, want %d each", total, len(seen), n)
	}
	for u, k := range seen {
		if k != 1 {
			t.Errorf("%s stored %d times", u, k)
		}
	}
	counts, err := st.JobCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 0 {
		t.Errorf("jobs left: %v", counts)
	}
}

// TestFetchSurvivesKill9 kills 'fetch --once' with SIGKILL in the middle
// of fetching pages, runs it again, and finds every article stored once.
func TestFetchSurvivesKill9(t *testing.T) {
	for _, db := range []string{"sqlite", "postgres"} {
		t.Run(db, func(t *testing.T) {
			const n = 24
			site, served := slowSite(t, n, 150*time.Millisecond)
			dir := t.TempDir()
			dbURL := "sqlite:" + filepath.Join(dir, "data", "newshound.db")
			if db == "postgres" {
				dbURL, _ = freshPostgres(t)
			}
			common := []string{"--data", filepath.Join(dir, "data"), "--database", dbURL,
				"--allow-private-networks", "--host-delay", "0", "--per-host", "4"}
			if r := run(t, dir, nil, nil, append([]string{"sources", "add", site.URL + "/feed.xml"}, common...)...); r.code != 0 {
				t.Fatalf("sources add: %d %s", r.code, r.stderr)
			}

			cmd := exec.Command(binary, append([]string{"fetch", "--once", "--workers", "3", "--lease", "2s"}, common...)...)
			cmd.Dir = dir
			cmd.Env = cleanEnv()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(20 * time.Second)
			for served.Load() < 6 && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
				t.Fatalf("fetch was not killed mid-run (it ended with %v); make the site slower", err)
			}
			before := served.Load()
			if before >= n {
				t.Fatalf("all %d pages served before the kill", n)
			}

			r := run(t, dir, nil, nil, append([]string{"fetch", "--once", "--workers", "3"}, common...)...)
			if r.code != 0 {
				t.Fatalf("second fetch: %d\n%s\n%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, "done:") {
				t.Errorf("no summary line:\n%s", r.stdout)
			}
			checkStoredOnce(t, dbURL, n)

			list := run(t, dir, nil, nil, "sources", "list", "--data", filepath.Join(dir, "data"), "--database", dbURL)
			if list.code != 0 || !strings.Contains(list.stdout, "Slow Post") || !strings.Contains(list.stdout, fmt.Sprintf("  %d  ", n)) {
				t.Errorf("sources list:\n%s%s", list.stdout, list.stderr)
			}
		})
	}
}

// TestWorkersSharePostgresQueue runs two 'worker' processes on one
// PostgreSQL database: every page is fetched once and stored once.
func TestWorkersSharePostgresQueue(t *testing.T) {
	const n = 30
	site, _ := slowSite(t, n, 50*time.Millisecond)
	dbURL, _ := freshPostgres(t)
	dir := t.TempDir()
	common := []string{"--database", dbURL, "--allow-private-networks", "--host-delay", "0", "--per-host", "8"}
	if r := run(t, dir, nil, nil, append([]string{"sources", "add", site.URL + "/feed.xml"}, common...)...); r.code != 0 {
		t.Fatalf("sources add: %d %s", r.code, r.stderr)
	}
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(binary, append([]string{"worker", "--workers", "3"}, common...)...)
		cmd.Dir = dir
		cmd.Env = cleanEnv()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if k, err := st.CountArticles(t.Context()); err == nil && k >= n {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, cmd := range cmds {
		cmd.Process.Signal(syscall.SIGTERM)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("worker %d: %v", i, err)
		}
	}
	for i := range n {
		if h := site.Hits(fmt.Sprintf("/story/%d", i)); h != 1 {
			t.Errorf("page %d fetched %d times, want once", i, h)
		}
	}
	checkStoredOnce(t, dbURL, n)
}

// TestSourcesCommands drives the sources subcommands and fetch as an
// operator would, including a source that starts failing.
func TestSourcesCommands(t *testing.T) {
	site := ingesttest.NewSite(t)
	st := ingesttest.NewStory(900, 1, 6, time.Now().Add(-time.Hour))
	item := site.Article("/a", "Quay Courier", st)
	site.Feed("/feed.xml", "Quay Courier", []ingesttest.Item{item})
	dir := t.TempDir()
	db := []string{"--data", filepath.Join(dir, "data")}
	fetchFlags := append([]string{"--allow-private-networks", "--host-delay", "0"}, db...)
	sh := func(want int, args ...string) result {
		t.Helper()
		r := run(t, dir, nil, nil, args...)
		if r.code != want {
			t.Fatalf("%v: exit %d, want %d\n%s%s", args, r.code, want, r.stdout, r.stderr)
		}
		return r
	}

	// Without the flag, the fetcher refuses 127.0.0.1, in one line.
	r := sh(1, append([]string{"sources", "add", site.URL + "/feed.xml"}, db...)...)
	if !strings.Contains(r.stderr, "not public") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("refusal: %q", r.stderr)
	}
	// With it, via the environment this time.
	r = run(t, dir, []string{"NEWSHOUND_ALLOW_PRIVATE_NETWORKS=1"}, nil, append([]string{"sources", "add", site.URL + "/feed.xml", "--name", "Courier"}, db...)...)
	if r.code != 0 || !strings.Contains(r.stdout, `added source 1 "Courier"`) {
		t.Fatalf("sources add: %d %s %s", r.code, r.stdout, r.stderr)
	}
	sh(1, append([]string{"sources", "add", site.URL + "/feed.xml"}, fetchFlags...)...)
	r = sh(0, append([]string{"fetch", "--once"}, fetchFlags...)...)
	if !strings.Contains(r.stdout, "done: 1 of 1 sources polled (0 failed), 1 new articles") {
		t.Errorf("fetch summary:\n%s", r.stdout)
	}

	// The feed breaks: fetch fails as a whole, and list says why.
	site.Handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
	})
	r = sh(1, append([]string{"fetch", "--once", "--all"}, fetchFlags...)...)
	if !strings.Contains(r.stderr, "everything failed") {
		t.Errorf("fetch of a broken source: %s", r.stderr)
	}
	r = sh(0, append([]string{"sources", "list"}, db...)...)
	for _, want := range []string{"Courier", "failing (1)", "source 1 last error", "500"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("sources list lacks %q:\n%s", want, r.stdout)
		}
	}
	sh(0, append([]string{"sources", "pause", "1", "--reason", "owner asked us to stop"}, db...)...)
	r = sh(0, append([]string{"sources", "list"}, db...)...)
	if !strings.Contains(r.stdout, "paused") || !strings.Contains(r.stdout, "owner asked us to stop") {
		t.Errorf("paused source in list:\n%s", r.stdout)
	}
	sh(0, append([]string{"sources", "resume", "1"}, db...)...)
	sh(1, append([]string{"sources", "pause", "99"}, db...)...)
	sh(2, append([]string{"sources", "pause", "one"}, db...)...)

	// OPML out and into a fresh database.
	r = sh(0, append([]string{"sources", "export"}, db...)...)
	if !strings.Contains(r.stdout, `xmlUrl="`+site.URL+`/feed.xml"`) {
		t.Fatalf("export:\n%s", r.stdout)
	}
	other := []string{"--data", filepath.Join(dir, "other")}
	in := run(t, dir, nil, strings.NewReader(r.stdout), append([]string{"sources", "import", "-"}, other...)...)
	if in.code != 0 || !strings.Contains(in.stdout, "added 1 sources") {
		t.Errorf("import: %d %s %s", in.code, in.stdout, in.stderr)
	}

	// Removing a source with articles keeps it listed, not polled.
	r = sh(0, append([]string{"sources", "remove", "1"}, db...)...)
	if !strings.Contains(r.stdout, "1 of its articles are kept") {
		t.Errorf("remove: %s", r.stdout)
	}
	r = sh(0, append([]string{"sources", "list"}, db...)...)
	if !strings.Contains(r.stdout, "not polled") {
		t.Errorf("list after remove:\n%s", r.stdout)
	}
	sh(2, append([]string{"fetch"}, db...)...)
	// A database that does not answer: one line, quickly, nothing else.
	r = sh(1, "fetch", "--once", "--database", "postgres://127.0.0.1:1/nowhere?sslmode=disable")
	if strings.Count(r.stderr, "\n") != 1 || r.stdout != "" || r.took > maxBadValueTime {
		t.Errorf("fetch with the database down: took %v, stdout %q, stderr %q", r.took, r.stdout, r.stderr)
	}
	sh(2, append([]string{"reextract"}, db...)...)
	r = sh(0, append([]string{"reextract", "--all"}, db...)...)
	if !strings.Contains(r.stdout, "re-extracted 1 articles") {
		t.Errorf("reextract: %s", r.stdout)
	}
}

// TestServeRunsWorkers: 'serve' polls and ingests in-process by default,
// and the article appears on the site; --workers=false leaves it alone.
func TestServeRunsWorkers(t *testing.T) {
	site := ingesttest.NewSite(t)
	st := ingesttest.NewStory(950, 2, 6, time.Now().Add(-time.Hour))
	site.Feed("/feed.xml", "Depot Daily", []ingesttest.Item{site.Article("/tram", "Depot Daily", st)})
	dir := t.TempDir()
	data := []string{"--data", filepath.Join(dir, "data"), "--allow-private-networks"}
	if r := run(t, dir, nil, nil, append([]string{"sources", "add", site.URL + "/feed.xml"}, data...)...); r.code != 0 {
		t.Fatalf("sources add: %s", r.stderr)
	}

	off := startServe(t, dir, append([]string{"--workers=false"}, data...)...)
	time.Sleep(500 * time.Millisecond)
	if site.Hits("/feed.xml") != 1 { // the one from sources add
		t.Errorf("serve --workers=false polled the feed")
	}
	if code := off.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}

	s := startServe(t, dir, data...)
	deadline := time.Now().Add(20 * time.Second)
	var body string
	for time.Now().Before(deadline) {
		if _, body = s.get(t, "/"); strings.Contains(body, htmlEscape(st.Title)) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(body, htmlEscape(st.Title)) {
		t.Errorf("the ingested story never appeared on the home page:\n%s", s.logs.text())
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit %d after SIGTERM", code)
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
