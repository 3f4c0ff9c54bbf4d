package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestHashAndCheckPassword(t *testing.T) {
	const pw = "correct horse battery staple"
	h1, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPassword(pw)
	if h1 == h2 {
		t.Error("two hashes of one password are equal; the salt is not random")
	}
	if !strings.HasPrefix(h1, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(h1, pw) {
		t.Errorf("hash %q is not the expected argon2id encoding", h1)
	}
	tests := []struct {
		name     string
		hash, pw string
		want     error // nil, ErrBadCredentials or errBadHash
	}{
		{"right", h1, pw, nil},
		{"right, other salt", h2, pw, nil},
		{"wrong", h1, "correct horse battery stapler", ErrBadCredentials},
		{"empty", h1, "", ErrBadCredentials},
		{"case matters", h1, strings.ToUpper(pw), ErrBadCredentials},
		{"too long", h1, strings.Repeat("a", MaxPasswordLen+1), ErrBadCredentials},
		{"not a hash", "plaintext", pw, errBadHash},
		{"bcrypt hash", "$2a$10$abcdefghijklmnopqrstuuM8Ytxk1xQ7bZ1yZ1yZ1yZ1yZ1yZ1yZ1y", pw, errBadHash},
		{"hostile memory", strings.Replace(h1, "m=19456", "m=99999999", 1), pw, errBadHash},
		{"hostile passes", strings.Replace(h1, "t=2", "t=1000", 1), pw, errBadHash},
		{"bad base64", h1[:len(h1)-3] + "!!!", pw, errBadHash},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckPassword(tt.hash, tt.pw); !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Errorf("CheckPassword = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestUnicodePassword(t *testing.T) {
	const pw = "pässwört-日本語-🔑"
	h, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckPassword(h, pw); err != nil {
		t.Errorf("unicode password refused: %v", err)
	}
	// The same letters in another Unicode normal form are other bytes.
	if err := CheckPassword(h, "pa\u0308sswo\u0308rt-日本語-🔑"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("decomposed form: err = %v, want ErrBadCredentials", err)
	}
}

func TestCheckPasswordRules(t *testing.T) {
	tests := []struct {
		pw string
		ok bool
	}{
		{"", false},
		{"short", false},
		{"123456789", false},
		{"1234567890", true},
		{"ünïcödé-10", true},
		{"日本語の長いパスワード", true},
		{strings.Repeat("x", MaxPasswordLen), true},
		{strings.Repeat("x", MaxPasswordLen+1), false},
	}
	for _, tt := range tests {
		if err := CheckPasswordRules(tt.pw); (err == nil) != tt.ok {
			t.Errorf("CheckPasswordRules(%.20q) = %v, want ok %v", tt.pw, err, tt.ok)
		}
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		have, need Role
		ok         bool
	}{
		{RoleAdmin, RoleAdmin, true},
		{RoleAdmin, RoleEditor, true},
		{RoleEditor, RoleEditor, true},
		{RoleEditor, RoleAdmin, false},
		{"", RoleEditor, false},
		{"root", RoleAdmin, false},
	}
	for _, tt := range tests {
		if got := tt.have.Allows(tt.need); got != tt.ok {
			t.Errorf("%q.Allows(%q) = %v, want %v", tt.have, tt.need, got, tt.ok)
		}
	}
	for in, want := range map[string]Role{"admin": RoleAdmin, " Editor ": RoleEditor} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRole("superuser"); err == nil {
		t.Error("ParseRole(superuser) succeeded")
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/admin/signups?q=x":    "/admin/signups?q=x",
		"/":                     "/",
		"":                      "/admin",
		"https://evil.example/": "/admin",
		"//evil.example/":       "/admin",
		"/\\evil.example/":      "/admin",
		"admin":                 "/admin",
		"/admin\r\nSet-Cookie:": "/admin",
	} {
		if got := SafeNext(in, "/admin"); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseHash feeds arbitrary stored hashes to the parser: it must never
// panic, and anything it accepts must stay within the bounds that keep a
// login cheap.
func FuzzParseHash(f *testing.F) {
	h, _ := HashPassword("fuzzing passphrase")
	f.Add(h)
	f.Add("$argon2id$v=19$m=0,t=0,p=0$$")
	f.Add("$argon2id$v=19$m=4294967295,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseHash(s)
		if err != nil {
			return
		}
		if p.memory > 1<<20 || p.time > 16 || p.threads < 1 || len(p.salt) < 8 || len(p.key) < 16 || len(p.key) > 64 {
			t.Fatalf("accepted %q with params %+v", s, p)
		}
	})
}
