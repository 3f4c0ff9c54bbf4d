package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"newshound/internal/signup"
	"newshound/internal/store"
)

// runSignups works on the join form's sign-ups; today it only exports them.
func runSignups(ctx context.Context, env Env, args []string) error {
	const usage = "usage: newshound signups export [--data DIR] [--database URL] > signups.csv"
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && !isHelp(args[0])) {
		return usagef("signups: missing subcommand; %s", usage)
	}
	switch args[0] {
	case "export":
		return runSignupsExport(ctx, env, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(env.Stdout, usage)
		return errHelp
	}
	return usagef("signups: unknown subcommand %q; %s", args[0], usage)
}

// runSignupsExport writes every sign-up as CSV, with a header row, to
// standard output: the same file the admin pages offer. The CSV is built in
// full first, so a failure never leaves half a file. The export is written
// to the audit log, since it hands personal data out of the site.
func runSignupsExport(ctx context.Context, env Env, args []string) error {
	st, _, err := openExisting(ctx, env, "signups export", args)
	if err != nil {
		return err
	}
	defer st.Close()
	people, err := st.AllSignups(ctx)
	if err != nil {
		return fmt.Errorf("signups export: %w", err)
	}
	var buf bytes.Buffer
	if err := signup.WriteCSV(&buf, people); err != nil {
		return fmt.Errorf("signups export: %w", err)
	}
	e := store.AuditEntry{Actor: "cli", Action: "signup.export", TargetType: "signup",
		Detail: fmt.Sprintf("exported %d sign-ups as CSV", len(people))}
	if err := st.AddAudit(ctx, &e); err != nil {
		return fmt.Errorf("signups export: %w", err)
	}
	if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("signups export: write: %w", err)
	}
	return nil
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}
