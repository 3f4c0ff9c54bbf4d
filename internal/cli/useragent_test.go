package cli

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"newshound/internal/ingest/ingesttest"
)

// TestUserAgentReachesEveryFetcher checks that the User-Agent is one
// setting for every command that fetches: 'sources add' sends its
// --user-agent, and 'serve' (whose workers poll the source) sends the one
// given to it by flag, as 'worker' and 'fetch' take it, rather than only
// NEWSHOUND_USER_AGENT.
func TestUserAgentReachesEveryFetcher(t *testing.T) {
	site := ingesttest.NewSite(t)
	st := ingesttest.NewStory(7, 1, 5, time.Now().Add(-time.Hour))
	item := site.Article("/story/1", "Agent Post", st)
	feed := ingesttest.RSS("Agent Post", site.URL+"/", []ingesttest.Item{item})
	var mu sync.Mutex
	agents := map[string]bool{}
	sawServe := make(chan struct{})
	site.Handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if ua := r.UserAgent(); !agents[ua] {
			agents[ua] = true
			if ua == "serve-test/1" {
				close(sawServe)
			}
		}
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte(feed))
	})
	data := filepath.Join(t.TempDir(), "data")
	vars := map[string]string{"NEWSHOUND_USER_AGENT": "from-env/1"}

	code, _, errOut := runCLIEnv(t, vars, "", "sources", "add", site.URL+"/feed.xml",
		"--data", data, "--allow-private-networks", "--user-agent", "adder-test/1")
	if code != 0 {
		t.Fatalf("sources add exit %d: %s", code, errOut)
	}
	mu.Lock()
	if !agents["adder-test/1"] || agents["from-env/1"] {
		t.Errorf("sources add sent %v, want only adder-test/1 (the flag wins)", agents)
	}
	mu.Unlock()

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	served := make(chan error, 1)
	env := Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return vars[k] }}
	go func() {
		served <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data", data,
			"--allow-private-networks", "--log-level", "error", "--user-agent", "serve-test/1"}, env)
	}()
	select {
	case <-sawServe:
	case err := <-served:
		t.Fatalf("serve stopped before polling: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve's workers did not poll the feed with --user-agent within 30s")
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if agents["from-env/1"] {
		t.Errorf("a fetch sent NEWSHOUND_USER_AGENT although --user-agent was given: %v", agents)
	}
}
