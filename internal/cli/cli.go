// Package cli is newshound's command line: one table of subcommands, each a
// function that returns an error to a single exit point, which prints it as
// one line on standard error. Wiring of the other packages happens here and
// only here.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"newshound/internal/config"
)

// Env is what a subcommand may touch of the process: its streams and its
// environment. Tests pass their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// System returns the Env of the running process.
func System() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// commands lists every subcommand. Keep it the one place they are named.
func commands() map[string]command {
	return map[string]command{
		"serve":      {"run the public site (and ingestion workers)", runServe},
		"migrate":    {"apply database migrations and exit", runMigrate},
		"export":     {"write every source, account, article and tag as JSON to standard output", runExport},
		"import":     {"read a site exported with 'export' into the database", runImport},
		"extract":    {"extract the article from an HTML file, URL or standard input", runExtract},
		"version":    {"print the version", runVersion},
		"users":      {"add or list organiser accounts (users add EMAIL, users list, users password EMAIL)", runUsers},
		"signups":    {"export the join form's sign-ups as CSV to standard output (signups export)", runSignups},
		"sources":    {"add, list, pause, resume, remove, import or export the sources polled (sources add URL)", runSources},
		"import-url": {"fetch one article page, extract it and store it", runImportURL},
		"fetch":      {"poll the due sources once and ingest what they list (fetch --once [--all])", runFetch},
		"worker":     {"run ingestion workers without the web site", runWorker},
		"reextract":  {"extract stored pages again without fetching (reextract --source ID | --all)", runReextract},
	}
}

// usageError marks mistakes in how a command was called; they exit with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef builds a usageError.
func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// Main runs the subcommand named by args[0] and returns the process exit
// code. Errors are printed as one line prefixed with "newshound: ".
func Main(args []string, env Env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first signal, restore the default handling, so that a
	// second Ctrl-C ends a shutdown that takes too long.
	go func() { <-ctx.Done(); stop() }()
	err := Run(ctx, args, env)
	if err == nil || errors.Is(err, errHelp) {
		return 0
	}
	fmt.Fprintf(env.Stderr, "newshound: %s\n", oneLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// Run dispatches args to their subcommand.
func Run(ctx context.Context, args []string, env Env) error {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.Stdout, cmds)
		if len(args) == 0 {
			return usagef("no command given; run 'newshound help' for the list")
		}
		return nil
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		return usagef("unknown command %q; run 'newshound help' for the list", args[0])
	}
	return cmd.run(ctx, env, args[1:])
}

func printHelp(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: newshound COMMAND [flags]")
	fmt.Fprintln(w, "\ncommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nrun 'newshound COMMAND -h' for a command's flags")
}

// newFlagSet returns a flag set that reports errors instead of exiting, so
// that bad flags reach the single exit point as one line.
func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("newshound "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args and turns flag errors into a one-line usage error.
// -h prints the flags and returns flag.ErrHelp, which Run treats as success.
func parseFlags(fs *flag.FlagSet, env Env, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(env.Stdout)
		fmt.Fprintf(env.Stdout, "usage of %s:\n", fs.Name())
		fs.PrintDefaults()
		return errHelp
	}
	if err != nil {
		return usagef("%s: %v; run '%s -h' for its flags", strings.TrimPrefix(fs.Name(), "newshound "), err, fs.Name())
	}
	return nil
}

// loadConfig parses args with fs, letting flags come before or after the
// positional arguments, requires exactly nargs of those, and loads the
// configuration bound to fs. It returns the configuration and the
// positional arguments.
func loadConfig(fs *flag.FlagSet, l *config.Loader, env Env, args []string, nargs int) (config.Config, []string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, env, args); err != nil {
			return config.Config{}, nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) > nargs {
		return config.Config{}, nil, usagef("unexpected argument %q; run '%s -h' for its usage", pos[nargs], fs.Name())
	}
	if len(pos) < nargs {
		return config.Config{}, nil, usagef("missing argument; run '%s -h' for its usage", fs.Name())
	}
	cfg, err := l.Load(env.Getenv)
	if err != nil {
		return config.Config{}, nil, usagef("%v", err)
	}
	return cfg, pos, nil
}

// errHelp ends a command after it printed its help.
var errHelp = errors.New("help shown")

// oneLine folds an error message onto a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
