// Package config turns command-line flags and NEWSHOUND_* environment
// variables into one validated Config, once, at the start of a command.
// A flag wins over its environment variable, which wins over the default.
// There is no global configuration: the CLI builds a Config and passes the
// values each package needs to its constructor.
package config

import (
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// Config is the validated configuration of one newshound command.
type Config struct {
	Addr        string // HOST:PORT the web server listens on
	DataDir     string // directory for the SQLite file and other local state
	DatabaseURL string // postgres://… or sqlite:PATH; never empty after Load
	Demo        bool   // seed the demo site when the database has no articles

	LogLevel  slog.Level
	LogFormat string // "text" or "json"

	SiteName string // shown in the site's header and page titles
	BaseURL  string // absolute URL of the site, without a trailing slash
	// ClientIPHeader names the header a trusted reverse proxy sets to the
	// visitor's address (e.g. X-Forwarded-For), canonical form; "" means
	// the connection's peer address, the only safe choice without a proxy.
	ClientIPHeader string

	// AllowPrivateNetworks lets the fetcher reach loopback and private
	// addresses. Off by default; tests and local development turn it on.
	AllowPrivateNetworks bool
	// UserAgent is sent with every fetch; "" is the fetcher's default.
	UserAgent string

	// Reading: what article pages show.
	CountVisits   bool   // count views and show the visit counter; on by default
	CounterText   string // the counter's wording; "" is the web package's default
	CanonicalSelf bool   // rel=canonical points at our copy, not the original

	// The join form: a JSON file replacing the built-in form ("" keeps
	// it), and the key that signs served forms (nil: random per process).
	JoinForm string
	FormKey  []byte

	dataDirChosen bool // DataDir came from a flag or the environment
	baseURLChosen bool // BaseURL came from a flag or the environment
}

// Option names a group of settings a command accepts.
type Option int

// The options a command can bind. Each brings its flags and variables.
const (
	Addr     Option = iota // --addr, NEWSHOUND_ADDR
	DataDir                // --data, NEWSHOUND_DATA_DIR
	Database               // --database, NEWSHOUND_DATABASE_URL
	Demo                   // --demo, NEWSHOUND_DEMO
	Log                    // --log-level, --log-format and their variables
	Site                   // --site-name, --base-url, --client-ip-header and their variables
	Fetch                  // --allow-private-networks, --user-agent and their variables
	Reading                // --count-visits, --counter-text, --canonical and their variables
	Join                   // --join-form, NEWSHOUND_JOIN_FORM; NEWSHOUND_FORM_KEY (no flag: a secret)
)

// Defaults.
const (
	DefaultAddr     = "127.0.0.1:8080"
	DefaultDataDir  = "./data"
	DefaultSiteName = "Newshound"
	// SQLiteFile is the name of the embedded database inside the data directory.
	SQLiteFile = "newshound.db"
)

// setting is one flag with its environment variable and how to apply it.
type setting struct {
	opt   Option
	flag  string
	env   string
	def   string
	bool  bool
	usage string
	apply func(c *Config, v string) error
}

// settings lists every setting newshound knows, in the order they are
// applied. A setting without a flag is read from the environment only. Settings whose defaults depend on others (database, base URL)
// are filled in after all are applied.
var settings = []setting{
	{Addr, "addr", "NEWSHOUND_ADDR", DefaultAddr, false, "`HOST:PORT` to listen on", applyAddr},
	{DataDir, "data", "NEWSHOUND_DATA_DIR", DefaultDataDir, false, "`DIR` for the embedded database and local files", applyDataDir},
	{Database, "database", "NEWSHOUND_DATABASE_URL", "", false, "database `URL`: postgres://… or sqlite:PATH (default: SQLite file " + SQLiteFile + " in the data dir)", applyDatabase},
	{Demo, "demo", "NEWSHOUND_DEMO", "", true, "seed the demo site when the database has no articles", applyDemo},
	{Log, "log-level", "NEWSHOUND_LOG_LEVEL", "info", false, "log `LEVEL`: debug, info, warn or error", applyLogLevel},
	{Log, "log-format", "NEWSHOUND_LOG_FORMAT", "text", false, "log `FORMAT`: text or json", applyLogFormat},
	{Site, "site-name", "NEWSHOUND_SITE_NAME", DefaultSiteName, false, "site `NAME` shown in headers and titles", applySiteName},
	{Site, "base-url", "NEWSHOUND_BASE_URL", "", false, "public `URL` of the site (default: http:// plus the listen address)", applyBaseURL},
	{Site, "client-ip-header", "NEWSHOUND_CLIENT_IP_HEADER", "", false, "`HEADER` in which a trusted reverse proxy passes the visitor's address, e.g. X-Forwarded-For (its last address counts); set it only behind such a proxy", applyClientIPHeader},
	{Reading, "count-visits", "NEWSHOUND_COUNT_VISITS", "true", true, "count article views and show \"Visited N times, M visits today\"", applyCountVisits},
	{Reading, "counter-text", "NEWSHOUND_COUNTER_TEXT", "", false, "the visit counter's `WORDING`, with {views}, {today} and {views|one|many} (default \"Visited {views} {views|time|times}, {today} {today|visit|visits} today\")", applyCounterText},
	{Reading, "canonical", "NEWSHOUND_CANONICAL", "original", false, "where article pages' rel=canonical points: `original` (the source's page) or self (our copy)", applyCanonical},
	{Join, "join-form", "NEWSHOUND_JOIN_FORM", "", false, "JSON `FILE` with the site's join form (default: the built-in form; see docs/signups-and-auth.md)", applyJoinForm},
	// The form key is a secret: environment only, so it never shows in ps.
	{Join, "", "NEWSHOUND_FORM_KEY", "", false, "", applyFormKey},
	{Fetch, "allow-private-networks", "NEWSHOUND_ALLOW_PRIVATE_NETWORKS", "", true, "let the fetcher reach loopback and private addresses (for tests and local development)", applyPrivate},
	{Fetch, "user-agent", "NEWSHOUND_USER_AGENT", "", false, "`UA` sent with every fetch (default: newshound's own, naming the project)", applyUserAgent},
}

// Loader holds the flags bound to a flag set until Load reads them.
type Loader struct {
	fs     *flag.FlagSet
	bound  []setting
	values map[string]*rawValue
}

// Bind registers the flags of opts on fs. Call Load after fs.Parse.
func Bind(fs *flag.FlagSet, opts ...Option) *Loader {
	l := &Loader{fs: fs, values: map[string]*rawValue{}}
	for _, s := range settings {
		if !slices.Contains(opts, s.opt) {
			continue
		}
		l.bound = append(l.bound, s)
		if s.flag == "" {
			continue
		}
		v := &rawValue{s: s.def, isBool: s.bool}
		fs.Var(v, s.flag, s.usage+" (env "+s.env+")")
		l.values[s.flag] = v
	}
	return l
}

// Load reads the bound flags, falling back to getenv and then to defaults,
// and validates the result. Errors name the flag or variable and its value
// and say what is expected.
func (l *Loader) Load(getenv func(string) string) (Config, error) {
	set := map[string]bool{}
	l.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	c := Config{Addr: DefaultAddr, DataDir: DefaultDataDir, SiteName: DefaultSiteName,
		LogLevel: slog.LevelInfo, LogFormat: "text"}
	for _, s := range l.bound {
		raw, from := s.def, ""
		switch {
		case s.flag != "" && set[s.flag]:
			raw, from = l.values[s.flag].s, "--"+s.flag
		case getenv(s.env) != "":
			raw, from = getenv(s.env), s.env
		}
		if from != "" && s.flag == "data" {
			c.dataDirChosen = true
		}
		if from != "" && s.flag == "base-url" {
			c.baseURLChosen = true
		}
		if err := s.apply(&c, raw); err != nil {
			if from == "" {
				from = "default --" + s.flag
			}
			return Config{}, fmt.Errorf("%s: %w", from, err)
		}
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = "sqlite:" + filepath.Join(c.DataDir, SQLiteFile)
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + displayHost(c.Addr)
	}
	return c, nil
}

// Listening returns c for a server bound to addr, which differs from Addr
// when Addr asked for any free port (":0"). A BaseURL derived from Addr
// follows it; one given explicitly stays.
func (c Config) Listening(addr string) Config {
	c.Addr = addr
	if !c.baseURLChosen {
		c.BaseURL = "http://" + displayHost(addr)
	}
	return c
}

// Postgres reports whether the database is PostgreSQL.
func (c Config) Postgres() bool {
	return isPostgres(c.DatabaseURL)
}

// SQLitePath returns the file of the SQLite database, or "" for PostgreSQL.
func (c Config) SQLitePath() string {
	if c.Postgres() {
		return ""
	}
	p := c.DatabaseURL
	for _, prefix := range []string{"sqlite:", "file:"} {
		if strings.HasPrefix(p, prefix) {
			p = strings.TrimPrefix(p, prefix)
			break
		}
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	return p
}

// DatabaseName describes the database for logs and messages without
// revealing credentials: "sqlite data/newshound.db" or
// "postgres 127.0.0.1:5432/newshound".
func (c Config) DatabaseName() string {
	if !c.Postgres() {
		return "sqlite " + c.SQLitePath()
	}
	u, err := url.Parse(c.DatabaseURL)
	if err != nil {
		return "postgres"
	}
	return "postgres " + u.Host + u.Path
}

// EnsureDataDir creates the data directory when it is used (the embedded
// database lives in it, or it was chosen explicitly) and checks that newshound
// can write there, so that a bad directory fails before any other work.
func (c Config) EnsureDataDir() error {
	if !c.dataDirChosen && !c.dataDirHoldsDatabase() {
		return nil
	}
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return fmt.Errorf("cannot create data directory %s: %v; choose another --data or fix its permissions", c.DataDir, unwrapPath(err))
	}
	f, err := os.CreateTemp(c.DataDir, ".newshound-write-check-*")
	if err != nil {
		return fmt.Errorf("cannot write to data directory %s: %v; choose another --data or fix its permissions", c.DataDir, unwrapPath(err))
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("cannot write to data directory %s: %v; fix its permissions", c.DataDir, unwrapPath(err))
	}
	return nil
}

// NewLogger returns the structured logger the configuration asks for.
func (c Config) NewLogger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func (c Config) dataDirHoldsDatabase() bool {
	p := c.SQLitePath()
	if p == "" {
		return false
	}
	rel, err := filepath.Rel(filepath.Clean(c.DataDir), filepath.Clean(filepath.Dir(p)))
	return err == nil && !strings.HasPrefix(rel, "..")
}

func applyAddr(c *Config, v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("%q is not HOST:PORT; use e.g. 127.0.0.1:8080 or :8080", v)
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q has no valid port; use a number from 1 to 65535, e.g. 127.0.0.1:8080", v)
	}
	if host != "" && net.ParseIP(host) == nil && !validHostname(host) {
		return fmt.Errorf("%q has an invalid host; use an IP address or host name, e.g. 127.0.0.1:8080", v)
	}
	c.Addr = v
	return nil
}

func applyDataDir(c *Config, v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("data directory is empty; give a directory path, e.g. ./data")
	}
	c.DataDir = filepath.Clean(v)
	return nil
}

func applyDatabase(c *Config, v string) error {
	if v == "" {
		return nil
	}
	if isPostgres(v) {
		u, err := url.Parse(v)
		if err != nil {
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err // the url.Error text repeats the URL, password and all
			}
			return fmt.Errorf("malformed PostgreSQL URL (%v); use postgres://USER@HOST:PORT/DBNAME", err)
		}
		if u.Host == "" && u.Query().Get("host") == "" {
			return errors.New("PostgreSQL URL has no host; use postgres://USER@HOST:PORT/DBNAME")
		}
		c.DatabaseURL = v
		return nil
	}
	if i := strings.Index(v, "://"); i > 0 {
		return fmt.Errorf("unsupported database %q; use postgres://… for PostgreSQL or sqlite:PATH for SQLite", v[:i])
	}
	c.DatabaseURL = v
	if c.SQLitePath() == "" {
		return fmt.Errorf("%q names no SQLite file; use sqlite:PATH, e.g. sqlite:data/newshound.db", v)
	}
	return nil
}

func applyDemo(c *Config, v string) (err error) {
	c.Demo, err = parseBool(v)
	return err
}

func applyPrivate(c *Config, v string) (err error) {
	c.AllowPrivateNetworks, err = parseBool(v)
	return err
}

// applyUserAgent takes the User-Agent header's value as given; one that
// could not be sent (a line break, a control character) would fail every
// fetch, so it stops the command instead.
func applyUserAgent(c *Config, v string) error {
	if !httpguts.ValidHeaderFieldValue(v) {
		return errors.New("the User-Agent holds a line break or control character; give one line of text, e.g. \"newshound (+https://news.example.org)\"")
	}
	c.UserAgent = v
	return nil
}

func applyCountVisits(c *Config, v string) (err error) {
	c.CountVisits, err = parseBool(v)
	return err
}

func applyCounterText(c *Config, v string) error {
	if strings.Count(v, "{") != strings.Count(v, "}") {
		return fmt.Errorf("%q has unbalanced braces; use e.g. \"Read {views} times\"", v)
	}
	c.CounterText = v
	return nil
}

func applyCanonical(c *Config, v string) error {
	switch strings.ToLower(v) {
	case "original", "":
		c.CanonicalSelf = false
	case "self":
		c.CanonicalSelf = true
	default:
		return fmt.Errorf("unknown canonical %q; use original or self", v)
	}
	return nil
}

func applyJoinForm(c *Config, v string) error {
	if v == "" {
		return nil
	}
	f, err := os.Open(v)
	if err != nil {
		return fmt.Errorf("cannot read join form %s: %v; give a readable JSON file or leave it unset for the built-in form", v, unwrapPath(err))
	}
	f.Close()
	c.JoinForm = v
	return nil
}

// applyFormKey decodes the form key. Its messages never repeat the value.
func applyFormKey(c *Config, v string) error {
	if v == "" {
		return nil
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil || len(key) < 32 {
		return errors.New("not base64 of at least 32 random bytes; make one with 'openssl rand -base64 32'")
	}
	c.FormKey = key
	return nil
}

func applyLogLevel(c *Config, v string) error {
	switch strings.ToLower(v) {
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "info":
		c.LogLevel = slog.LevelInfo
	case "warn", "warning":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	default:
		return fmt.Errorf("unknown log level %q; use debug, info, warn or error", v)
	}
	return nil
}

func applyLogFormat(c *Config, v string) error {
	switch v = strings.ToLower(v); v {
	case "text", "json":
		c.LogFormat = v
		return nil
	}
	return fmt.Errorf("unknown log format %q; use text or json", v)
}

func applySiteName(c *Config, v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return errors.New("site name is empty; give the name shown in the site's header")
	}
	c.SiteName = v
	return nil
}

func applyBaseURL(c *Config, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) URL; use e.g. https://news.example.org", v)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q has a query or fragment; give only scheme, host and path", v)
	}
	c.BaseURL = strings.TrimRight(v, "/")
	return nil
}

// applyClientIPHeader takes a header name. Without a proxy that sets it,
// visitors could forge their address, so it has no default.
func applyClientIPHeader(c *Config, v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if !httpguts.ValidHeaderFieldName(v) {
		return fmt.Errorf("%q is not a header name; use e.g. X-Forwarded-For or X-Real-IP", v)
	}
	c.ClientIPHeader = textproto.CanonicalMIMEHeaderKey(v)
	return nil
}

// rawValue is a flag.Value that keeps the text as given; Load parses it, so
// that flags and environment variables share one parser and one message.
type rawValue struct {
	s      string
	isBool bool
}

func (v *rawValue) String() string {
	if v == nil {
		return ""
	}
	return v.s
}
func (v *rawValue) Set(s string) error { v.s = s; return nil }
func (v *rawValue) IsBoolFlag() bool   { return v.isBool }

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "1", "t", "true", "yes", "on":
		return true, nil
	case "", "0", "f", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a yes/no value; use 1 or 0 (true or false)", v)
}

func isPostgres(u string) bool {
	return strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://")
}

// validHostname accepts letters, digits, dots and hyphens.
func validHostname(h string) bool {
	for _, r := range h {
		if !(r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return h != ""
}

// displayHost turns a listen address into one a browser can open.
func displayHost(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// unwrapPath drops the path an *os.PathError repeats, since our messages
// already name the directory.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
