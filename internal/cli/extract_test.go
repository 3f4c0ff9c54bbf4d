package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extractPage is a small article page written for these tests.
const extractPage = `<!doctype html><html lang="en"><head><title>Bridge reopens | Valley News</title>
<meta property="og:title" content="Bridge reopens"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens</h1>
<p>The old stone bridge reopened on Friday after three months of repairs, to the relief of traders on both banks.</p>
<p>Engineers replaced two arches and the parapet, which had been struck by a lorry in the spring.</p>
<p>The council said the final cost was lower than feared, and thanked residents for their patience.</p>
</article><footer>© Valley News</footer></body></html>`

// runCLI runs newshound with args and stdin, returning exit code and streams.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runCLIEnv(t, nil, stdin, args...)
}

// runCLIEnv is runCLI with the environment variables in vars.
func runCLIEnv(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }}
	code := Main(args, env)
	return code, out.String(), errb.String()
}

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, []byte(extractPage), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/agent" && r.UserAgent() != "extract-test/1" {
			http.Error(w, "wrong agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(extractPage))
	}))
	defer srv.Close()

	wantText := "The old stone bridge reopened on Friday after three months of repairs, to the relief of traders on both banks.\n\n" +
		"Engineers replaced two arches and the parapet, which had been struck by a lorry in the spring.\n\n" +
		"The council said the final cost was lower than feared, and thanked residents for their patience.\n"
	tests := []struct {
		name     string
		env      map[string]string
		stdin    string
		args     []string
		code     int
		stdout   string // exact, when not empty
		contains string // in stdout
		stderr   string // in stderr
	}{
		{name: "text from file", args: []string{"extract", file}, stdout: wantText},
		{name: "text is the default format, stdin", stdin: extractPage, args: []string{"extract", "-"}, stdout: wantText},
		{name: "html", args: []string{"extract", "--format", "html", file}, contains: "<p>Engineers replaced two arches"},
		{name: "json", args: []string{"extract", "--format=json", file}, contains: `"title": "Bridge reopens"`},
		{name: "url", args: []string{"extract", "--allow-private-networks", srv.URL + "/bridge"}, stdout: wantText},
		{name: "url, sent with the configured User-Agent", env: map[string]string{"NEWSHOUND_USER_AGENT": "extract-test/1"}, args: []string{"extract", "--allow-private-networks", srv.URL + "/agent"}, stdout: wantText},
		{name: "url, User-Agent flag wins", env: map[string]string{"NEWSHOUND_USER_AGENT": "extract-test/1"}, args: []string{"extract", "--allow-private-networks", "--user-agent", "other/1", srv.URL + "/agent"}, code: 1, stderr: "403"},
		{name: "url, private networks allowed by the environment", env: map[string]string{"NEWSHOUND_ALLOW_PRIVATE_NETWORKS": "1"}, args: []string{"extract", srv.URL + "/bridge"}, stdout: wantText},
		{name: "url, environment overruled by the flag", env: map[string]string{"NEWSHOUND_ALLOW_PRIVATE_NETWORKS": "1"}, args: []string{"extract", "--allow-private-networks=false", srv.URL + "/bridge"}, code: 1, stderr: "newshound: extract: fetch"},
		{name: "old private flag is gone", args: []string{"extract", "--allow-private", srv.URL + "/bridge"}, code: 2, stderr: "allow-private"},
		{name: "url on loopback refused by default", args: []string{"extract", srv.URL + "/bridge"}, code: 1, stderr: "newshound: extract: fetch"},
		{name: "bad format", args: []string{"extract", "--format", "pdf", file}, code: 2, stderr: `unknown --format "pdf"`},
		{name: "no argument", args: []string{"extract"}, code: 2, stderr: "want exactly one FILE_OR_URL"},
		{name: "missing file", args: []string{"extract", filepath.Join(dir, "nope.html")}, code: 1, stderr: "no such file"},
		{name: "empty stdin", args: []string{"extract", "-"}, code: 1, stderr: "empty input"},
		{name: "no article", stdin: "<html><body><div></div></body></html>", args: []string{"extract", "-"}, code: 1, stderr: "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLIEnv(t, tt.env, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", code, tt.code, errs)
			}
			if tt.stdout != "" && out != tt.stdout {
				t.Errorf("stdout:\n%q\nwant:\n%q", out, tt.stdout)
			}
			if !strings.Contains(out, tt.contains) {
				t.Errorf("stdout lacks %q:\n%s", tt.contains, out)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tt.stderr)
			}
			if code != 0 && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("error is not one line: %q", errs)
			}
		})
	}
}

func TestExtractJSONShape(t *testing.T) {
	code, out, errs := runCLI(t, extractPage, "extract", "--format", "json", "--url", "https://valley.example/bridge", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got articleJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if got.URL != "https://valley.example/bridge" || got.Language != "en" || got.Title != "Bridge reopens" {
		t.Errorf("url/lang/title = %q %q %q", got.URL, got.Language, got.Title)
	}
	if !strings.Contains(out, `"body_html": "<p>The old stone bridge`) {
		t.Errorf("body_html is escaped or missing:\n%s", out)
	}
	if strings.Contains(got.BodyText, "Valley News") || strings.Contains(got.BodyText, "Home") {
		t.Errorf("furniture in body text: %q", got.BodyText)
	}
}
