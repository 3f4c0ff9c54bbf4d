package config

import (
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// load binds every option, parses args and loads with env as the environment.
func load(t *testing.T, args []string, env map[string]string) (Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	l := Bind(fs, Addr, DataDir, Database, Demo, Log, Site, Fetch)
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parse %v: %v", args, err)
	}
	return l.Load(func(k string) string { return env[k] })
}

func TestLoad(t *testing.T) {
	defaults := Config{
		Addr: DefaultAddr, DataDir: "data", DatabaseURL: "sqlite:data/newshound.db",
		LogLevel: slog.LevelInfo, LogFormat: "text", SiteName: DefaultSiteName,
		BaseURL: "http://127.0.0.1:8080",
	}
	with := func(f func(c *Config)) Config {
		c := defaults
		f(&c)
		return c
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want Config
	}{
		{"defaults", nil, nil, defaults},
		{"flags", []string{"--addr", ":9000", "--data", "/srv/nh", "--demo", "--log-level", "debug",
			"--log-format", "json", "--site-name", "Hound", "--base-url", "https://news.example.org/",
			"--allow-private-networks"}, nil,
			with(func(c *Config) {
				c.Addr, c.DataDir, c.DatabaseURL = ":9000", "/srv/nh", "sqlite:/srv/nh/newshound.db"
				c.Demo, c.LogLevel, c.LogFormat = true, slog.LevelDebug, "json"
				c.SiteName, c.BaseURL, c.AllowPrivateNetworks = "Hound", "https://news.example.org", true
				c.dataDirChosen, c.baseURLChosen = true, true
			})},
		{"environment", nil, map[string]string{
			"NEWSHOUND_ADDR": "0.0.0.0:80", "NEWSHOUND_DATABASE_URL": "postgres://u@db:5432/nh",
			"NEWSHOUND_DEMO": "1", "NEWSHOUND_ALLOW_PRIVATE_NETWORKS": "1", "NEWSHOUND_LOG_LEVEL": "WARN"},
			with(func(c *Config) {
				c.Addr, c.DatabaseURL, c.Demo, c.AllowPrivateNetworks = "0.0.0.0:80", "postgres://u@db:5432/nh", true, true
				c.LogLevel, c.BaseURL = slog.LevelWarn, "http://localhost:80"
			})},
		{"flag wins over environment", []string{"--addr", "127.0.0.1:7000", "--demo=false"},
			map[string]string{"NEWSHOUND_ADDR": "127.0.0.1:6000", "NEWSHOUND_DEMO": "1"},
			with(func(c *Config) { c.Addr, c.BaseURL = "127.0.0.1:7000", "http://127.0.0.1:7000" })},
		{"data dir from environment", nil, map[string]string{"NEWSHOUND_DATA_DIR": "/var/lib/nh/"},
			with(func(c *Config) {
				c.DataDir, c.DatabaseURL, c.dataDirChosen = "/var/lib/nh", "sqlite:/var/lib/nh/newshound.db", true
			})},
		{"sqlite url kept", []string{"--database", "sqlite:/tmp/x.db"}, nil,
			with(func(c *Config) { c.DatabaseURL = "sqlite:/tmp/x.db" })},
		{"client address header", []string{"--client-ip-header", "x-forwarded-for"}, nil,
			with(func(c *Config) { c.ClientIPHeader = "X-Forwarded-For" })},
		{"client address header from environment", nil, map[string]string{"NEWSHOUND_CLIENT_IP_HEADER": "X-Real-IP"},
			with(func(c *Config) { c.ClientIPHeader = "X-Real-Ip" })},
		{"user agent from environment", nil, map[string]string{"NEWSHOUND_USER_AGENT": "hound/2 (+https://news.example.org)"},
			with(func(c *Config) { c.UserAgent = "hound/2 (+https://news.example.org)" })},
		{"user agent flag wins", []string{"--user-agent", "hound/3"}, map[string]string{"NEWSHOUND_USER_AGENT": "hound/2"},
			with(func(c *Config) { c.UserAgent = "hound/3" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := load(t, tt.args, tt.env)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(Config{})); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want []string // substrings of the message
	}{
		{"addr without port", []string{"--addr", "localhost"}, nil, []string{"--addr", `"localhost"`, "HOST:PORT"}},
		{"user agent with a line break", nil, map[string]string{"NEWSHOUND_USER_AGENT": "hound/1\r\nX-Evil: 1"}, []string{"NEWSHOUND_USER_AGENT", "line break"}},
		{"addr port too big", []string{"--addr", "127.0.0.1:99999"}, nil, []string{"--addr", "1 to 65535"}},
		{"addr bad host", []string{"--addr", "exa mple:80"}, nil, []string{"invalid host"}},
		{"addr from env", nil, map[string]string{"NEWSHOUND_ADDR": "nope"}, []string{"NEWSHOUND_ADDR", `"nope"`}},
		{"empty data dir", []string{"--data", " "}, nil, []string{"--data", "empty"}},
		{"unsupported database", []string{"--database", "mysql://db/x"}, nil, []string{"--database", `"mysql"`, "postgres://"}},
		{"postgres without host", []string{"--database", "postgres:///x"}, nil, []string{"no host"}},
		{"malformed postgres hides password", []string{"--database", "postgres://u:secret@db:port/x"}, nil, []string{"malformed"}},
		{"sqlite without path", []string{"--database", "sqlite:"}, nil, []string{"no SQLite file"}},
		{"bad bool env", nil, map[string]string{"NEWSHOUND_DEMO": "maybe"}, []string{"NEWSHOUND_DEMO", `"maybe"`, "1 or 0"}},
		{"bad log level", []string{"--log-level", "loud"}, nil, []string{"--log-level", "debug, info, warn or error"}},
		{"bad log format", []string{"--log-format", "xml"}, nil, []string{"text or json"}},
		{"relative base url", []string{"--base-url", "news.example.org"}, nil, []string{"--base-url", "absolute"}},
		{"empty site name", []string{"--site-name", ""}, nil, []string{"--site-name", "empty"}},
		{"bad client address header", []string{"--client-ip-header", "X Forwarded: For"}, nil, []string{"--client-ip-header", "not a header name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.args, tt.env)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if strings.Contains(msg, "secret") || strings.Contains(msg, "\n") {
				t.Errorf("message %q leaks a password or spans lines", msg)
			}
		})
	}
}

func TestJoinSettings(t *testing.T) {
	dir := t.TempDir()
	form := filepath.Join(dir, "form.json")
	if err := os.WriteFile(form, []byte(`{}`), 0o600); err != nil {
		t.Fatal(err)
	}
	key := "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0zMg==" // 37 bytes
	load := func(args []string, env map[string]string) (Config, error) {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		l := Bind(fs, Join)
		if err := fs.Parse(args); err != nil {
			t.Fatalf("parse %v: %v", args, err)
		}
		return l.Load(func(k string) string { return env[k] })
	}
	c, err := load([]string{"--join-form", form}, map[string]string{"NEWSHOUND_FORM_KEY": key})
	if err != nil {
		t.Fatal(err)
	}
	if c.JoinForm != form || len(c.FormKey) != 37 {
		t.Errorf("JoinForm %q, key of %d bytes; want %q and 37", c.JoinForm, len(c.FormKey), form)
	}
	if _, err := load(nil, map[string]string{"NEWSHOUND_JOIN_FORM": filepath.Join(dir, "missing.json")}); err == nil ||
		!strings.Contains(err.Error(), "NEWSHOUND_JOIN_FORM: cannot read join form") {
		t.Errorf("missing form file: err = %v", err)
	}
	for _, bad := range []string{"not base64!!", "c2hvcnQ="} {
		_, err := load(nil, map[string]string{"NEWSHOUND_FORM_KEY": bad})
		if err == nil || !strings.Contains(err.Error(), "NEWSHOUND_FORM_KEY: not base64 of at least 32") || strings.Contains(err.Error(), bad) {
			t.Errorf("form key %q: err = %v; want a refusal that does not repeat the key", bad, err)
		}
	}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	Bind(fs, Join)
	if fs.Lookup("form-key") != nil || fs.Lookup("") != nil {
		t.Error("the form key has a flag; a secret on the command line shows in ps")
	}
}

func TestBindOnlyRequestedFlags(t *testing.T) {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	l := Bind(fs, DataDir, Database)
	if err := fs.Parse([]string{"--addr", ":1"}); err == nil {
		t.Error("migrate accepted --addr")
	}
	// Variables of unbound settings are not read, so they cannot fail a command.
	c, err := l.Load(func(k string) string { return map[string]string{"NEWSHOUND_ADDR": "bad"}[k] })
	if err != nil {
		t.Fatalf("Load read an unbound variable: %v", err)
	}
	if c.Addr != DefaultAddr {
		t.Errorf("Addr = %q, want the default", c.Addr)
	}
}

func TestListening(t *testing.T) {
	derived, err := load(t, []string{"--addr", "127.0.0.1:0"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := derived.Listening("127.0.0.1:4321").BaseURL; got != "http://127.0.0.1:4321" {
		t.Errorf("derived BaseURL = %q, want it to follow the bound port", got)
	}
	given, err := load(t, []string{"--addr", ":0", "--base-url", "https://news.example.org"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := given.Listening("[::]:4321").BaseURL; got != "https://news.example.org" {
		t.Errorf("given BaseURL = %q, want it kept", got)
	}
}

func TestDatabaseName(t *testing.T) {
	tests := []struct{ url, want string }{
		{"sqlite:data/newshound.db", "sqlite data/newshound.db"},
		{"file:/x/y.db?_pragma=foo", "sqlite /x/y.db"},
		{"plain.db", "sqlite plain.db"},
		{"postgres://user:secret@db.example:5432/nh?sslmode=disable", "postgres db.example:5432/nh"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			if got := (Config{DatabaseURL: tt.url}).DatabaseName(); got != tt.want {
				t.Errorf("DatabaseName = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEnsureDataDir(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("created when the database lives there", func(t *testing.T) {
		d := filepath.Join(dir, "new", "data")
		c, err := load(t, []string{"--data", d}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.EnsureDataDir(); err != nil {
			t.Fatalf("EnsureDataDir: %v", err)
		}
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			t.Errorf("data dir not created: %v", err)
		}
		entries, _ := os.ReadDir(d)
		if len(entries) != 0 {
			t.Errorf("write check left files behind: %v", entries)
		}
	})
	t.Run("a file is refused", func(t *testing.T) {
		c, err := load(t, []string{"--data", filepath.Join(file, "sub")}, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = c.EnsureDataDir()
		if err == nil || !strings.Contains(err.Error(), "cannot create data directory") || !strings.Contains(err.Error(), "--data") {
			t.Errorf("EnsureDataDir = %v, want a clear refusal", err)
		}
	})
	t.Run("unused default is left alone", func(t *testing.T) {
		t.Chdir(dir)
		c, err := load(t, []string{"--database", "postgres://127.0.0.1/x"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.EnsureDataDir(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "data")); !os.IsNotExist(err) {
			t.Errorf("default data dir was created though PostgreSQL is used (stat: %v)", err)
		}
	})
}
