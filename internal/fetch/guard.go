package fetch

import (
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"syscall"
)

// blockedRanges are the networks the default client never connects to,
// with the reason a person reads in the error. Single addresses such as the
// cloud metadata endpoint 169.254.169.254 fall inside these ranges.
var blockedRanges = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "a 'this network' address"},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private (RFC 1918) address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("127.0.0.0/8"), "a loopback address"},
	{netip.MustParsePrefix("169.254.0.0/16"), "a link-local address (cloud metadata lives here)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private (RFC 1918) address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol assignment address"},
	{netip.MustParsePrefix("192.0.2.0/24"), "a documentation address"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private (RFC 1918) address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("198.51.100.0/24"), "a documentation address"},
	{netip.MustParsePrefix("203.0.113.0/24"), "a documentation address"},
	{netip.MustParsePrefix("224.0.0.0/4"), "a multicast address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("::/128"), "the unspecified address"},
	{netip.MustParsePrefix("::1/128"), "a loopback address"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "a local-use NAT64 address"},
	{netip.MustParsePrefix("100::/64"), "a discard-only address"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation address"},
	{netip.MustParsePrefix("fc00::/7"), "a unique local (private) address"},
	{netip.MustParsePrefix("fe80::/10"), "a link-local address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
	{netip.MustParsePrefix("ff00::/8"), "a multicast address"},
}

// CheckAddr returns an error wrapping ErrBlockedAddress when ip is not a
// public unicast address. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) and
// NAT64 addresses (64:ff9b::a.b.c.d) are judged by the IPv4 address inside,
// so they cannot be used to smuggle a private target past the guard.
func CheckAddr(ip netip.Addr) error {
	if !ip.IsValid() {
		return fmt.Errorf("%w: invalid address", ErrBlockedAddress)
	}
	ip = ip.WithZone("")
	inner := ip.Unmap()
	if nat64 := netip.MustParsePrefix("64:ff9b::/96"); ip.Is6() && nat64.Contains(ip) {
		b := ip.As16()
		inner = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(inner) {
			return fmt.Errorf("%w: %s is %s; pass --allow-private-networks (or set NEWSHOUND_ALLOW_PRIVATE_NETWORKS=1) to fetch from it", ErrBlockedAddress, ip, r.reason)
		}
	}
	return nil
}

// checkDial is the net.Dialer Control hook. It runs after DNS resolution,
// once per address tried and before the connect system call, so every
// connection (first request and each redirect) is checked on the address it
// really goes to: a hostname that resolves to 127.0.0.1 is refused too.
func (c *Client) checkDial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse dial address %q", ErrBlockedAddress, address)
	}
	return c.checkAddr(ap)
}

// checkAddr applies the guard to one address and port.
func (c *Client) checkAddr(ap netip.AddrPort) error {
	if c.opts.AllowPrivate || (c.allowAddr != nil && c.allowAddr(ap)) {
		return nil
	}
	return CheckAddr(ap.Addr())
}

// checkTarget applies checkURL and, when the host is a literal IP, the
// address guard at once: the caller gets the clearest error without any
// DNS or socket work.
func (c *Client) checkTarget(u *url.URL) error {
	if err := checkURL(u); err != nil {
		return err
	}
	ip, err := netip.ParseAddr(u.Hostname())
	if err != nil {
		return nil // a name: checked at connect time, once resolved
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	p, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return fmt.Errorf("%w: bad port %q", ErrBadURL, port)
	}
	return c.checkAddr(netip.AddrPortFrom(ip, uint16(p)))
}

// checkURL refuses URLs newshound never fetches whatever the address:
// other schemes than http and https, missing hosts and embedded
// credentials (which would otherwise end up in logs and error messages).
func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: scheme %q (only http and https are fetched)", ErrBadURL, u.Scheme)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: no host", ErrBadURL)
	}
	if u.User != nil {
		return fmt.Errorf("%w: URLs with a user name or password are refused", ErrBadURL)
	}
	return nil
}

// redactURL hides credentials, should a URL carry any, before it goes into
// an error message.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.Redacted()
}
