package cli_test

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/auth"
	"newshound/internal/news"
	"newshound/internal/signup"
	"newshound/internal/store"
)

// bothDatabases runs fn on a fresh SQLite file and a fresh PostgreSQL
// database, each given as a --database URL.
func bothDatabases(t *testing.T, fn func(t *testing.T, dir, dbURL string)) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		fn(t, dir, "sqlite:"+filepath.Join(dir, "newshound.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		dbURL, _ := freshPostgres(t)
		fn(t, t.TempDir(), dbURL)
	})
}

func TestUsersAddAndList(t *testing.T) {
	bothDatabases(t, func(t *testing.T, dir, dbURL string) {
		const pw = "organisers only, please"
		first := run(t, dir, nil, strings.NewReader(pw+"\n"), "users", "add", "Boss@Example.org", "--database", dbURL)
		if first.code != 0 || !strings.Contains(first.stdout, "created admin account boss@example.org") {
			t.Fatalf("users add: exit %d, stdout %q, stderr %q", first.code, first.stdout, first.stderr)
		}
		second := run(t, dir, nil, strings.NewReader(pw), "users", "add", "ed@example.org", "--database", dbURL)
		if second.code != 0 || !strings.Contains(second.stdout, "created editor account") {
			t.Fatalf("second users add: exit %d, %q %q; want an editor by default", second.code, second.stdout, second.stderr)
		}
		third := run(t, dir, nil, strings.NewReader(pw+"\r\n"), "users", "add", "--role", "admin", "co@example.org", "--database", dbURL)
		if third.code != 0 || !strings.Contains(third.stdout, "created admin account co@example.org") {
			t.Fatalf("--role admin: exit %d, %q %q", third.code, third.stdout, third.stderr)
		}

		refusals := []struct {
			name  string
			stdin string
			args  []string
			code  int
			want  string
		}{
			{"duplicate", pw, []string{"users", "add", "BOSS@example.org"}, 1, "already has an account"},
			{"weak password", "short\n", []string{"users", "add", "new@example.org"}, 1, "at least 10 characters"},
			{"no password", "", []string{"users", "add", "new@example.org"}, 1, "no password on standard input"},
			{"bad email", pw, []string{"users", "add", "not-an-email"}, 1, "not an email address"},
			{"bad role", pw, []string{"users", "add", "new@example.org", "--role", "owner"}, 2, "unknown role"},
			{"no email", pw, []string{"users", "add"}, 2, "missing argument"},
			{"no subcommand", "", []string{"users"}, 2, "missing subcommand"},
			{"unknown subcommand", "", []string{"users", "remove"}, 2, "unknown subcommand"},
		}
		for _, tt := range refusals {
			t.Run(tt.name, func(t *testing.T) {
				r := run(t, dir, nil, strings.NewReader(tt.stdin), append(tt.args, "--database", dbURL)...)
				if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want exit %d and one line with %q", r.code, r.stderr, tt.code, tt.want)
				}
				if strings.Contains(r.stdout+r.stderr, pw) {
					t.Error("the password was echoed")
				}
			})
		}

		list := run(t, dir, nil, nil, "users", "list", "--database", dbURL)
		want := "EMAIL             ROLE    CREATED\nboss@example.org  admin   DATE\nco@example.org    admin   DATE\ned@example.org    editor  DATE\n"
		got := list.stdout
		if f := strings.Fields(got); len(f) > 5 {
			got = strings.ReplaceAll(got, f[5], "DATE")
		}
		if list.code != 0 || got != want {
			t.Errorf("users list: exit %d\n%s\nwant\n%s", list.code, list.stdout, want)
		}
		if strings.Contains(list.stdout, "argon2") {
			t.Error("users list shows password hashes")
		}

		st, err := store.Open(t.Context(), dbURL)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		u, err := st.UserByEmail(t.Context(), "boss@example.org")
		if err != nil || auth.CheckPassword(u.PasswordHash, pw) != nil {
			t.Errorf("stored account does not take the password: %+v, %v", u, err)
		}
	})
}

func TestUsersPassword(t *testing.T) {
	dir := t.TempDir()
	dbURL := "sqlite:" + filepath.Join(dir, "newshound.db")
	if r := run(t, dir, nil, strings.NewReader("the first passphrase"), "users", "add", "boss@example.org", "--database", dbURL); r.code != 0 {
		t.Fatalf("users add: %s", r.stderr)
	}
	r := run(t, dir, nil, strings.NewReader("the second passphrase"), "users", "password", "boss@example.org", "--database", dbURL)
	if r.code != 0 {
		t.Fatalf("users password: exit %d %s", r.code, r.stderr)
	}
	if r := run(t, dir, nil, strings.NewReader("the second passphrase"), "users", "password", "nobody@example.org", "--database", dbURL); r.code != 1 || !strings.Contains(r.stderr, "no account for nobody@example.org") {
		t.Errorf("unknown account: exit %d %q", r.code, r.stderr)
	}
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, _ := st.UserByEmail(t.Context(), "boss@example.org")
	if auth.CheckPassword(u.PasswordHash, "the second passphrase") != nil || auth.CheckPassword(u.PasswordHash, "the first passphrase") == nil {
		t.Error("the password did not change")
	}
}

func TestSignupsExport(t *testing.T) {
	bothDatabases(t, func(t *testing.T, dir, dbURL string) {
		ctx := t.Context()
		st, err := store.Open(ctx, dbURL)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		people := []news.Signup{
			{Email: "ana@example.org", Name: "Ana Souza", Phone: "+55 81 5555 0100", City: "Recife", Message: "=cmd|' /C calc'!A0"},
			{Email: "li@example.cn", Name: "李小龙", Country: "中国"},
		}
		for _, p := range people {
			if _, _, err := st.AddSignup(ctx, p, news.SignupEvent{Consent: "I agree."}); err != nil {
				t.Fatal(err)
			}
		}
		r := run(t, dir, nil, nil, "signups", "export", "--database", dbURL)
		if r.code != 0 {
			t.Fatalf("signups export: exit %d %s", r.code, r.stderr)
		}
		rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatalf("not CSV: %v\n%s", err, r.stdout)
		}
		if len(rows) != 3 {
			t.Fatalf("%d rows, want a header and 2 people:\n%s", len(rows), r.stdout)
		}
		if diff := cmp.Diff(signup.CSVHeader, rows[0]); diff != "" {
			t.Errorf("header (-want +got):\n%s", diff)
		}
		col := func(row []string, name string) string {
			for i, h := range signup.CSVHeader {
				if h == name {
					return row[i]
				}
			}
			t.Fatalf("no column %s", name)
			return ""
		}
		for _, c := range []struct{ row, col, want string }{
			{"1", "email", "ana@example.org"}, {"1", "phone", "'+55 81 5555 0100"}, {"1", "message", "'=cmd|' /C calc'!A0"},
			{"1", "consent", "I agree."}, {"1", "times_signed_up", "1"}, {"2", "name", "李小龙"}, {"2", "country", "中国"},
		} {
			row := rows[1]
			if c.row == "2" {
				row = rows[2]
			}
			if got := col(row, c.col); got != c.want {
				t.Errorf("row %s %s = %q, want %q", c.row, c.col, got, c.want)
			}
		}
		log, _, err := st.AuditLog(ctx, 5, 0)
		if err != nil || len(log) == 0 || log[0].Action != "signup.export" || log[0].Detail != "exported 2 sign-ups as CSV" {
			t.Errorf("audit log = %+v, %v; want the export recorded", log, err)
		}
	})
}

func TestSignupsExportRefusals(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"signups", "export", "--data", filepath.Join(dir, "missing")}, 1, "no database at"},
		{[]string{"signups"}, 2, "missing subcommand"},
		{[]string{"signups", "delete"}, 2, "unknown subcommand"},
		{[]string{"signups", "export", "extra"}, 2, "unexpected argument"},
	} {
		r := run(t, dir, nil, nil, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d stdout %q stderr %q; want exit %d with %q and no output", tt.args, r.code, r.stdout, r.stderr, tt.code, tt.want)
		}
	}
}
