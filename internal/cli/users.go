package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"newshound/internal/auth"
	"newshound/internal/config"
	"newshound/internal/store"
)

// runUsers manages organiser accounts: add, list, and password.
func runUsers(ctx context.Context, env Env, args []string) error {
	const usage = "usage: newshound users add EMAIL [--role admin|editor] | users list | users password EMAIL"
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && !isHelp(args[0])) {
		return usagef("users: missing subcommand; %s", usage)
	}
	switch args[0] {
	case "add":
		return runUsersAdd(ctx, env, args[1:])
	case "list":
		return runUsersList(ctx, env, args[1:])
	case "password":
		return runUsersPassword(ctx, env, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(env.Stdout, usage)
		fmt.Fprintln(env.Stdout, "\nThe password is asked for on the terminal, or read from the first line of standard input.")
		fmt.Fprintln(env.Stdout, "The first account is an admin unless --role says otherwise; later ones default to editor.")
		return errHelp
	}
	return usagef("users: unknown subcommand %q; %s", args[0], usage)
}

// runUsersAdd creates an organiser account. The password never appears on
// the command line, where other users of the machine could see it.
func runUsersAdd(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("users add", env)
	role := fs.String("role", "", "admin (everything) or editor (articles and sources); default admin for the first account, editor after")
	loader := config.Bind(fs, config.DataDir, config.Database)
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	email := pos[0]
	if *role != "" {
		if _, err := auth.ParseRole(*role); err != nil {
			return usagef("users add: %v", err)
		}
	}
	password, err := readNewPassword(env, email)
	if err != nil {
		return err
	}
	st, err := createStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := chooseRole(ctx, st, *role)
	if err != nil {
		return err
	}
	u, err := auth.New(st, auth.Options{}).CreateUser(ctx, email, password, r, store.User{})
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("users add: %s already has an account; run 'newshound users password %s' to set a new password", email, email)
	}
	if err != nil {
		return fmt.Errorf("users add: %w", err)
	}
	fmt.Fprintf(env.Stdout, "created %s account %s in %s\n", u.Role, u.Email, cfg.DatabaseName())
	return nil
}

// chooseRole returns the role asked for, or the default: admin for the
// first account (someone must be able to see sign-ups), editor after.
func chooseRole(ctx context.Context, st *store.Store, asked string) (auth.Role, error) {
	if asked != "" {
		return auth.ParseRole(asked)
	}
	users, err := st.Users(ctx)
	if err != nil {
		return "", fmt.Errorf("users add: %w", err)
	}
	if len(users) == 0 {
		return auth.RoleAdmin, nil
	}
	return auth.RoleEditor, nil
}

// runUsersList prints every account: email, role and creation date. Hashes
// are never printed.
func runUsersList(ctx context.Context, env Env, args []string) error {
	st, cfg, err := openExisting(ctx, env, "users list", args)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return fmt.Errorf("users list: %w", err)
	}
	if len(users) == 0 {
		fmt.Fprintf(env.Stderr, "no accounts in %s yet; create one with 'newshound users add EMAIL'\n", cfg.DatabaseName())
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EMAIL\tROLE\tCREATED")
	for _, u := range users {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Email, u.Role, u.CreatedAt.UTC().Format(time.DateOnly))
	}
	return tw.Flush()
}

// runUsersPassword sets a new password for an account and ends its
// sessions.
func runUsersPassword(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("users password", env)
	loader := config.Bind(fs, config.DataDir, config.Database)
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	if err := requireExistingDatabase(cfg); err != nil {
		return err
	}
	password, err := readNewPassword(env, pos[0])
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByEmail(ctx, pos[0])
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("users password: no account for %s; 'newshound users list' shows them", pos[0])
	}
	if err != nil {
		return fmt.Errorf("users password: %w", err)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	if err := st.SetUserPassword(ctx, u.ID, hash, store.User{}); err != nil {
		return fmt.Errorf("users password: %w", err)
	}
	fmt.Fprintf(env.Stdout, "set a new password for %s; their sessions were ended\n", u.Email)
	return nil
}

// readNewPassword asks for a password twice on a terminal, or reads the
// first line of standard input when it is a pipe or file, and checks it
// against the password rules.
func readNewPassword(env Env, email string) (string, error) {
	var pw string
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		first, err := promptHidden(env.Stderr, f, "Password for "+email+": ")
		if err != nil {
			return "", err
		}
		again, err := promptHidden(env.Stderr, f, "Same password again: ")
		if err != nil {
			return "", err
		}
		if first != again {
			return "", errors.New("the two passwords differ; nothing was changed")
		}
		pw = first
	} else {
		line, err := bufio.NewReader(io.LimitReader(env.Stdin, auth.MaxPasswordLen+2)).ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read the password from standard input: %w", err)
		}
		pw = string(bytes.TrimRight(line, "\r\n"))
		if pw == "" {
			return "", errors.New("no password on standard input; pipe one in (e.g. from a password manager) or run this on a terminal to be asked")
		}
	}
	if err := auth.CheckPasswordRules(pw); err != nil {
		return "", err
	}
	return pw, nil
}

func promptHidden(w io.Writer, f *os.File, prompt string) (string, error) {
	fmt.Fprint(w, prompt)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(w)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	return string(b), nil
}
