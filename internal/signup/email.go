package signup

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strings"
	"time"

	"golang.org/x/net/idna"
)

// Resolver looks up a mail domain. *net.Resolver satisfies it; production
// passes net.DefaultResolver.
type Resolver interface {
	LookupMX(ctx context.Context, name string) ([]*net.MX, error)
	LookupHost(ctx context.Context, host string) ([]string, error)
}

// DefaultLookupTimeout bounds the domain check, so that a slow DNS server
// delays a sign-up by seconds at most.
const DefaultLookupTimeout = 3 * time.Second

// email is a syntactically checked address.
type email struct {
	normalized string // lower-cased, domain in its Unicode form
	ascii      string // the domain as DNS knows it (punycode), lower-cased
}

// parseEmail checks an address's syntax. Beyond what net/mail accepts it
// refuses display names, quoted local parts, IP-literal domains and domains
// without a dot, which people never mean and bots often send. On failure it
// returns a message for the person.
func parseEmail(s string) (email, string) {
	const shape = "Please enter an email address like name@example.org."
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return email{}, "Please enter your email address."
	case len(s) > MaxEmail:
		return email{}, "That email address is too long."
	case strings.Count(s, "@") != 1 || strings.ContainsAny(s, " \t\r\n\"<>()[],;:\\"):
		return email{}, shape
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return email{}, shape
	}
	local, domain, _ := strings.Cut(s, "@")
	if len(local) > 64 || strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return email{}, "The part before the @ doesn't look right."
	}
	ascii, ok := asciiDomain(domain)
	if !ok {
		return email{}, "The part after the @ is not a valid domain."
	}
	uni, err := idna.Display.ToUnicode(ascii)
	if err != nil {
		uni = ascii
	}
	return email{normalized: strings.ToLower(local) + "@" + uni, ascii: ascii}, ""
}

// asciiDomain returns a host name's DNS form and whether it is a plausible
// public mail domain: at least two labels, letters, digits and hyphens only,
// and a top-level label that is not all digits.
func asciiDomain(d string) (string, bool) {
	a, err := idna.Lookup.ToASCII(strings.TrimSuffix(d, "."))
	if err != nil || len(a) > 253 || !strings.Contains(a, ".") {
		return "", false
	}
	a = strings.ToLower(a)
	labels := strings.Split(a, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return "", false
		}
		for _, c := range []byte(l) {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return "", false
			}
		}
	}
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return "", false
	}
	return a, true
}

// NormalizeEmail returns the form of an address used to tell people apart:
// trimmed, lower-cased, with an internationalized domain in its Unicode
// form. It returns an error for addresses that do not parse.
func NormalizeEmail(s string) (string, error) {
	e, msg := parseEmail(s)
	if msg != "" {
		return "", fmt.Errorf("signup: email: %s", msg)
	}
	return e.normalized, nil
}

// checkDomain asks DNS whether the domain can receive mail: an MX record, or
// failing that an address record (RFC 5321's implicit MX). It returns a
// message for the person only when DNS says the domain does not exist or
// refuses mail (a null MX); when DNS is slow or failing it returns "" so
// that a real person is never turned away because of our resolver.
func checkDomain(ctx context.Context, r Resolver, e email, timeout time.Duration) string {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	mx, err := r.LookupMX(ctx, e.ascii)
	if err == nil && len(mx) > 0 {
		if len(mx) == 1 && (mx[0].Host == "." || mx[0].Host == "") {
			return "That domain does not accept email; please use another address."
		}
		return ""
	}
	if err != nil && !notFound(err) {
		return ""
	}
	addrs, err := r.LookupHost(ctx, e.ascii)
	if err == nil && len(addrs) > 0 {
		return ""
	}
	if err != nil && !notFound(err) {
		return ""
	}
	_, domain, _ := strings.Cut(e.normalized, "@")
	return fmt.Sprintf("We couldn't find the domain %s; please check the spelling.", domain)
}

// notFound reports whether DNS answered that a name or record does not exist
// (as opposed to failing to answer).
func notFound(err error) bool {
	var de *net.DNSError
	return errors.As(err, &de) && de.IsNotFound
}
