package ingest

import (
	"net/url"
	"path"
	"sort"
	"strings"
)

// trackingParams are query parameters that say who sent a reader, not
// which page they read; they are dropped before URLs are compared.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true,
	"ref": true, "ref_src": true, "ref_url": true, "referrer": true, "cmpid": true,
	"ocid": true, "spm": true, "sr_share": true, "share": true, "at_medium": true, "at_campaign": true,
}

// NormalizeURL returns the form of raw used to tell whether two links
// name the same page: https instead of http (feeds and pages disagree
// about it more often than sites serve different things on each), host in
// lower case without the default port, no fragment, no trailing slash
// except for the root, no tracking parameters (utm_*, fbclid, gclid, ...)
// and the rest of the query sorted. It is a comparison key, not a URL to
// fetch. Unparseable input is returned trimmed, so it still compares equal
// to itself.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme == "http" {
		u.Scheme = "https"
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	if port == "80" || port == "443" {
		port = ""
	}
	if port != "" {
		host = hostPort(host, port)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
		if p == "" {
			p = "/"
		}
		p = cleanPath(p)
	}
	q := normQuery(u.RawQuery)
	out := u.Scheme + "://" + host + p
	if q != "" {
		out += "?" + q
	}
	return out
}

func hostPort(host, port string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

// cleanPath removes dot segments and doubled slashes from an escaped path.
func cleanPath(p string) string {
	c := path.Clean(p)
	if c == "." {
		return "/"
	}
	return c
}

// normQuery drops tracking parameters and sorts the rest by key, keeping
// the order of repeated keys, so equivalent queries compare equal.
func normQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type pair struct{ k, v string }
	var pairs []pair
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if k == "" && v == "" {
			continue // a bare "=" says nothing
		}
		dk, err := url.QueryUnescape(k)
		if err != nil {
			dk = k
		}
		lk := strings.ToLower(dk)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		pairs = append(pairs, pair{k, v})
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		if p.v == "" {
			parts[i] = p.k
		} else {
			parts[i] = p.k + "=" + p.v
		}
	}
	return strings.Join(parts, "&")
}
