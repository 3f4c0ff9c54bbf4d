package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Password rules. Long passphrases are welcome; the upper bound only keeps
// a hostile login form from making us hash megabytes.
const (
	MinPasswordLen = 10   // characters
	MaxPasswordLen = 1024 // bytes
)

// argon2id parameters for new hashes: OWASP's minimum recommendation
// (19 MiB, two passes, one lane), which keeps a login well under a second
// on a small server. Stored hashes carry their own parameters, so these can
// be raised later without breaking old passwords.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// ErrWeakPassword is returned for a password that breaks the rules above.
var ErrWeakPassword = fmt.Errorf("auth: the password must have at least %d characters (and at most %d bytes)", MinPasswordLen, MaxPasswordLen)

// CheckPasswordRules reports whether password may be set as a new password.
func CheckPasswordRules(password string) error {
	if utf8.RuneCountInString(password) < MinPasswordLen || len(password) > MaxPasswordLen {
		return ErrWeakPassword
	}
	return nil
}

// HashPassword returns an argon2id hash of password with a fresh random
// salt, in the usual encoded form:
// $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH.
func HashPassword(password string) (string, error) {
	if len(password) > MaxPasswordLen {
		return "", ErrWeakPassword
	}
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: hash password: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches hash, comparing in
// constant time. It returns ErrBadCredentials for a wrong password and
// another error for a hash it cannot read.
func CheckPassword(hash, password string) error {
	p, err := parseHash(hash)
	if err != nil {
		return err
	}
	if len(password) > MaxPasswordLen {
		return ErrBadCredentials
	}
	key := argon2.IDKey([]byte(password), p.salt, p.time, p.memory, p.threads, uint32(len(p.key)))
	if subtle.ConstantTimeCompare(key, p.key) != 1 {
		return ErrBadCredentials
	}
	return nil
}

type hashParams struct {
	memory, time uint32
	threads      uint8
	salt, key    []byte
}

// errBadHash is returned for stored hashes we cannot read.
var errBadHash = errors.New("auth: stored password hash is not an argon2id hash this version can read")

// parseHash reads an encoded argon2id hash, refusing parameters far beyond
// anything we write, so a tampered row cannot make a login exhaust memory.
func parseHash(s string) (hashParams, error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return hashParams{}, errBadHash
	}
	var p hashParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return hashParams{}, errBadHash
	}
	if p.memory < 8 || p.memory > 1<<20 || p.time < 1 || p.time > 16 || p.threads < 1 {
		return hashParams{}, errBadHash
	}
	var err1, err2 error
	p.salt, err1 = base64.RawStdEncoding.DecodeString(parts[4])
	p.key, err2 = base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(p.salt) < 8 || len(p.key) < 16 || len(p.key) > 64 {
		return hashParams{}, errBadHash
	}
	return p, nil
}
