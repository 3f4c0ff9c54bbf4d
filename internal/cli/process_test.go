package cli_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// binary is the newshound executable built once by TestMain.
var binary string

// TestMain builds the real binary, so the tests below exercise it exactly
// as an operator would: as a process with flags, environment, signals and
// an exit code.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newshound-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Readable by all, so a test can run the binary as an unprivileged user.
	if err := os.Chmod(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "newshound")
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin = "go"
	}
	build := exec.Command(gobin, "build", "-o", binary, "newshound/cmd/newshound")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build newshound:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is how a finished process ended.
type result struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// maxBadValueTime is how long any refusal may take, by the command-line contract.
const maxBadValueTime = 10 * time.Second

// run runs the binary in dir with env added to a clean environment and
// returns how it ended. It kills the process after 30 seconds.
func run(t *testing.T, dir string, env []string, stdin io.Reader, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), env...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("run %v: %v", args, err)
		}
		r.code = ee.ExitCode()
	}
	return r
}

// cleanEnv is the test process's environment without NEWSHOUND_ settings,
// so a developer's own configuration cannot change what the tests see.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEWSHOUND_") {
			env = append(env, kv)
		}
	}
	return env
}

func TestBadValuesFailFastWithOneLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain-file")
	writeFile(t, file, "not a directory")
	badJSON := filepath.Join(dir, "bad.json")
	writeFile(t, badJSON, "{\n  \"version\": 1,\n  \"sources\": [oops]\n}\n")
	notExport := filepath.Join(dir, "other.json")
	writeFile(t, notExport, `{"name": "some other program's file"}`)

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { busy.Close() }) // parallel subtests outlive this function body

	fresh := func() string { return filepath.Join(t.TempDir(), "data") }
	tests := []struct {
		name string
		env  []string
		args []string
		want string // in the one line printed
	}{
		{"no command", nil, nil, "no command given"},
		{"unknown command", nil, []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", nil, []string{"serve", "--colour"}, "flag provided but not defined: -colour"},
		{"flag without value", nil, []string{"serve", "--addr"}, "flag needs an argument"},
		{"bad addr", nil, []string{"serve", "--data", fresh(), "--addr", "localhost"}, "is not HOST:PORT"},
		{"bad port", nil, []string{"serve", "--data", fresh(), "--addr", "127.0.0.1:70000"}, "1 to 65535"},
		{"port in use", nil, []string{"serve", "--data", fresh(), "--addr", busy.Addr().String()}, "already in use"},
		{"address not on this machine", nil, []string{"serve", "--data", fresh(), "--addr", "192.0.2.1:8080"}, "no such address"},
		{"data dir under a file", nil, []string{"serve", "--data", filepath.Join(file, "data")}, "cannot create data directory"},
		{"data dir is a file", nil, []string{"migrate", "--data", file}, "data directory"},
		{"malformed database url", nil, []string{"serve", "--data", fresh(), "--database", "postgres://u:secret@db:port/x"}, "malformed PostgreSQL URL"},
		{"unsupported database", nil, []string{"migrate", "--database", "mysql://db/x"}, `unsupported database "mysql"`},
		{"unreachable postgres", nil, []string{"serve", "--data", fresh(), "--database", "postgres://127.0.0.1:1/x"}, "127.0.0.1:1/x"},
		// TEST-NET-1: nothing answers, so only the connect timeout ends the wait.
		{"silent postgres", nil, []string{"serve", "--data", fresh(), "--database", "postgres://192.0.2.10:5432/x"}, "192.0.2.10:5432/x"},
		{"unreachable postgres on migrate", nil, []string{"migrate", "--database", "postgres://nh:secret@127.0.0.1:1/x"}, "127.0.0.1:1/x"},
		{"bad variable", []string{"NEWSHOUND_DEMO=maybe"}, []string{"serve", "--data", fresh()}, "NEWSHOUND_DEMO"},
		{"bad database variable", []string{"NEWSHOUND_DATABASE_URL=oracle://x"}, []string{"migrate"}, "NEWSHOUND_DATABASE_URL"},
		{"bad log level", nil, []string{"serve", "--data", fresh(), "--log-level", "chatty"}, "--log-level"},
		{"join form is not json", nil, []string{"serve", "--data", fresh(), "--join-form", badJSON}, "join form " + badJSON},
		{"missing join form", []string{"NEWSHOUND_JOIN_FORM=" + filepath.Join(dir, "nothing.json")}, []string{"serve", "--data", fresh()}, "cannot read join form"},
		{"bad form key", []string{"NEWSHOUND_FORM_KEY=secret"}, []string{"serve", "--data", fresh()}, "NEWSHOUND_FORM_KEY: not base64"},
		{"migrate takes no argument", nil, []string{"migrate", "--data", fresh(), "extra"}, `unexpected argument "extra"`},
		{"export of a missing database", nil, []string{"export", "--data", fresh()}, "no database at"},
		{"import without file", nil, []string{"import", "--data", fresh()}, "missing argument"},
		{"import of a missing file", nil, []string{"import", "--data", fresh(), filepath.Join(dir, "nothing.json")}, "cannot read"},
		{"import of broken json", nil, []string{"import", "--data", fresh(), badJSON}, "line 3"},
		{"import of another program's json", nil, []string{"import", "--data", fresh(), notExport}, "not a newshound export"},
		{"import of empty stdin", nil, []string{"import", "--data", fresh(), "-"}, "- is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := tt.args
			if len(args) > 0 && args[0] == "serve" && !slices.Contains(args, "--addr") {
				// Any free port: cases run in parallel, and a slow one must
				// not hold the default port while others try to bind it.
				args = append([]string{"serve", "--addr", "127.0.0.1:0"}, args[1:]...)
			}
			r := run(t, t.TempDir(), tt.env, strings.NewReader(""), args...)
			if r.code == 0 {
				t.Fatalf("exit code 0, want non-zero; stderr %q", r.stderr)
			}
			if r.took > maxBadValueTime {
				t.Errorf("took %s, want under %s", r.took, maxBadValueTime)
			}
			line := strings.TrimSuffix(r.stderr, "\n")
			if strings.Contains(line, "\n") || !strings.HasPrefix(line, "newshound: ") {
				t.Fatalf("stderr is not one 'newshound: ' line:\n%s", r.stderr)
			}
			if !strings.Contains(line, tt.want) {
				t.Errorf("message %q lacks %q", line, tt.want)
			}
			if strings.Contains(line, "secret") {
				t.Errorf("message %q reveals a password", line)
			}
		})
	}
}

func TestRefusedImportWritesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	writeFile(t, bad, `{"version": 1, "sources": [{"id": "one"}]}`)
	data := filepath.Join(dir, "data")
	r := run(t, dir, nil, nil, "import", "--data", data, bad)
	if r.code == 0 {
		t.Fatalf("import of a bad file succeeded: %s", r.stdout)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("a refused import created the data directory (stat: %v)", err)
	}
}

// TestUnwritableDataDir runs migrate on a data directory it may read but
// not write. As root, which may write anywhere, it runs the binary as the
// unprivileged user nobody.
func TestUnwritableDataDir(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o555); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "migrate", "--data", data)
	cmd.Dir, cmd.Env = dir, cleanEnv()
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("migrate into a read-only data directory succeeded: %s", out)
	}
	line := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(line, "\n") || !strings.Contains(line, "cannot write to data directory "+data) || !strings.Contains(line, "permission denied") {
		t.Errorf("got %q, want one line saying the data directory is not writable", out)
	}
}

func TestHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"version"}, "newshound "},
		{[]string{"help"}, "usage: newshound COMMAND"},
		{[]string{"serve", "-h"}, "NEWSHOUND_DATABASE_URL"},
		{[]string{"import", "-h"}, "-data"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := run(t, dir, nil, nil, tt.args...)
			if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("exit %d, stdout %q; want 0 and %q", r.code, r.stdout, tt.want)
			}
		})
	}
}

// server is a running 'newshound serve'.
type server struct {
	cmd  *exec.Cmd
	url  string
	logs *logLines
	done chan error
}

// startServe starts 'newshound serve' on a free port with JSON logs and
// waits until it says it is serving.
func startServe(t *testing.T, dir string, args ...string) *server {
	t.Helper()
	args = append([]string{"serve", "--addr", "127.0.0.1:0", "--log-format", "json"}, args...)
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = cleanEnv()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, logs: &logLines{ready: make(chan string, 1)}, done: make(chan error, 1)}
	go s.logs.read(stderr)
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-s.done
		}
	})
	select {
	case addr := <-s.logs.ready:
		s.url = "http://" + addr
	case err := <-s.done:
		t.Fatalf("serve exited before serving (%v):\n%s", err, s.logs.text())
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start within 60s:\n%s", s.logs.text())
	}
	return s
}

// stop sends SIGTERM and returns the exit code.
func (s *server) stop(t *testing.T) int {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM) // fails only when it has already exited
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not stop within 30s of SIGTERM:\n%s", s.logs.text())
	}
	return s.cmd.ProcessState.ExitCode()
}

// get fetches path and returns the status and body.
func (s *server) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(s.url + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// logLines collects a server's standard error and reports the address from
// its "serving" line.
type logLines struct {
	mu    sync.Mutex
	lines []string
	ready chan string
}

func (l *logLines) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		l.mu.Lock()
		l.lines = append(l.lines, line)
		l.mu.Unlock()
		var rec struct{ Msg, Addr string }
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "serving" {
			l.ready <- rec.Addr
		}
	}
}

func (l *logLines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

func (l *logLines) text() string { return strings.Join(l.all(), "\n") }

func TestServeDemo(t *testing.T) {
	dir := t.TempDir()
	s := startServe(t, dir, "--demo", "--data", filepath.Join(dir, "data"))

	if code, body := s.get(t, "/healthz"); code != http.StatusOK || body != "ok" {
		t.Errorf("/healthz = %d %q, want 200 \"ok\"", code, body)
	}
	code, home := s.get(t, "/")
	if code != http.StatusOK || !strings.Contains(home, "<html") {
		t.Errorf("home page = %d, want 200 with HTML; body starts %.200q", code, home)
	}
	if !strings.Contains(home, `href="/a/`) {
		t.Errorf("home page links to no article; the demo site was not seeded? body starts %.300q", home)
	}
	if code, _ := s.get(t, "/no/such/page"); code != http.StatusNotFound {
		t.Errorf("unknown page = %d, want 404", code)
	}
	if m := regexp.MustCompile(`href="(/a/[^"]+)"`).FindStringSubmatch(home); m == nil {
		t.Error("no article link on the home page to view")
	} else {
		checkArticleViews(t, s.url+m[1])
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0; logs:\n%s", code, s.logs.text())
	}

	// Every log line is structured; request lines carry method, path,
	// status and duration, and nothing that identifies the reader.
	var requests int
	for _, line := range s.logs.all() {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %q", line)
			continue
		}
		if rec["msg"] != "request" {
			continue
		}
		requests++
		for _, k := range []string{"method", "path", "status", "duration"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("request log line lacks %q: %s", k, line)
			}
		}
		if strings.Contains(line, "127.0.0.1") || strings.Contains(line, "Go-http-client") {
			t.Errorf("request log line reveals the client: %s", line)
		}
	}
	if requests < 2 { // home and 404; /healthz logs at debug
		t.Errorf("logged %d requests, want at least 2; logs:\n%s", requests, s.logs.text())
	}

	// A second start on the same data does not seed again.
	s = startServe(t, dir, "--demo", "--data", filepath.Join(dir, "data"))
	if !strings.Contains(s.logs.text(), `"seeded":false`) {
		t.Errorf("second start seeded again; logs:\n%s", s.logs.text())
	}

	if code := s.stop(t); code != 0 {
		t.Errorf("second exit code = %d, want 0", code)
	}
}

func TestServePostgresHealth(t *testing.T) {
	dbURL, drop := freshPostgres(t)
	s := startServe(t, t.TempDir(), "--database", dbURL)
	if code, body := s.get(t, "/healthz"); code != http.StatusOK || body != "ok" {
		t.Fatalf("/healthz = %d %q, want 200 \"ok\"", code, body)
	}
	drop() // the database goes away under the running server
	if code, _ := s.get(t, "/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("/healthz with the database gone = %d, want 503", code)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

// freshPostgres creates an empty, unmigrated database on the test server
// (storetest's) and returns its URL and a function that drops it, also run
// at cleanup. Without a server it skips, or fails when CI=true. The
// binary gets the URL, so storetest.Postgres, which hands out an open
// store, does not fit here.
func freshPostgres(t *testing.T) (string, func()) {
	t.Helper()
	base := storetest.PostgresURL()
	admin, err := store.Open(t.Context(), base)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required in CI: %v", err)
		}
		t.Skipf("PostgreSQL not reachable, skipping (start it or set NEWSHOUND_TEST_POSTGRES; CI=true makes this fail): %v", err)
	}
	t.Cleanup(func() { admin.Close() })
	var b [6]byte
	rand.Read(b[:])
	// storetest's naming (prefix, start time, random), so its sweep of
	// databases left by killed test runs also finds ours.
	name := fmt.Sprintf("newshound_t_%d_cli%s", time.Now().Unix(), hex.EncodeToString(b[:]))
	if _, err := admin.DB().ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	drop := func() {
		// FORCE ends the connections of a server still running.
		if _, err := admin.DB().Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	}
	t.Cleanup(drop)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String(), drop
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// checkArticleViews reads an article page as a browser would, on one
// kept-alive connection, plain and gzip by turns: the real server sends a
// cached page with its headers in one write (internal/onewrite), and each
// response must still be whole, decode, and count the view it is.
func checkArticleViews(t *testing.T, url string) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	defer client.CloseIdleConnections()
	counter := regexp.MustCompile(`Visited (\d+) time`)
	for i := 1; i <= 4; i++ {
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0")
		gz := i%2 == 0
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("article view %d: %v", i, err)
		}
		var body io.Reader = resp.Body
		if gz {
			if resp.Header.Get("Content-Encoding") != "gzip" {
				t.Errorf("view %d asked for gzip, got Content-Encoding %q", i, resp.Header.Get("Content-Encoding"))
			}
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatalf("view %d: gzip: %v", i, err)
			}
			body = zr
		}
		page, err := io.ReadAll(body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("view %d: read: %v", i, err)
		}
		if !bytes.HasSuffix(bytes.TrimSpace(page), []byte("</html>")) {
			t.Errorf("view %d: page is not whole; it ends %q", i, page[max(0, len(page)-80):])
		}
		m := counter.FindSubmatch(page)
		if m == nil || string(m[1]) != strconv.Itoa(i) {
			t.Errorf("view %d: counter says %q, want %d views", i, m, i)
		}
	}
}
