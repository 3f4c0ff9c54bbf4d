// Package fetch is newshound's only outbound HTTP client. It fetches feeds
// and pages safely: it refuses private, loopback and link-local addresses
// (checked on the resolved IP of every connection, redirects included),
// limits redirects, body size (after decompression) and time, decodes
// gzip, deflate and brotli, supports conditional GET, and hands back the
// body converted to UTF-8.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults used for zero Options fields.
const (
	DefaultUserAgent      = "newshound/dev (+https://github.com/newshound)"
	DefaultMaxBytes       = 10 << 20
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultHeaderTimeout  = 20 * time.Second
	DefaultMaxRedirects   = 10
)

// accept prefers the documents newshound reads but takes anything.
const accept = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, application/xhtml+xml;q=0.9, */*;q=0.5"

// Options configure a Client. Zero fields take the defaults above.
type Options struct {
	// AllowPrivate lets the client connect to loopback, private, link-local
	// and other non-public addresses: for tests and intranet sources.
	AllowPrivate bool
	// UserAgent is sent with every request. It must not carry personal data.
	UserAgent string
	// MaxBytes limits the body after decompression.
	MaxBytes int64
	// Timeout limits a whole request: connect, redirects, headers and body.
	Timeout time.Duration
	// ConnectTimeout limits each TCP connect and TLS handshake.
	ConnectTimeout time.Duration
	// HeaderTimeout limits the wait for response headers once the request
	// is sent.
	HeaderTimeout time.Duration
	// MaxRedirects limits the redirects followed; negative means none.
	MaxRedirects int
	// Limiter, when set, spaces and caps concurrent requests per host: the
	// host of the requested URL, held for the whole request, redirects
	// included.
	Limiter *HostLimiter
}

// Conditional carries the validators of a previous response for a
// conditional GET. Empty fields are not sent.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a successful (2xx) or not-modified (304) answer.
type Response struct {
	StatusCode int
	// URL is the final URL, after redirects.
	URL string
	// NotModified is true for a 304 answer to a conditional GET; Body is
	// then empty and the caller keeps what it had.
	NotModified bool

	ETag         string
	LastModified string
	// CacheControl is the raw Cache-Control header; MaxAge is its max-age
	// (zero when absent).
	CacheControl string
	MaxAge       time.Duration
	// Expires is the parsed Expires header, zero when absent or invalid.
	Expires time.Time
	// RetryAfter is the parsed Retry-After header, zero when absent.
	RetryAfter time.Duration

	// ContentType is the media type without parameters, e.g. "text/html".
	ContentType string
	// Charset is the canonical name of the charset the body was sent in,
	// e.g. "windows-1252".
	Charset string
	// Body is the decompressed body converted to UTF-8 (see ToUTF8). Do
	// not decode it again.
	Body []byte
	// Header holds all response headers as received.
	Header http.Header
}

// Client fetches URLs under the limits of its Options. It is safe for
// concurrent use; build one and share it.
type Client struct {
	opts Options
	http *http.Client
	// allowAddr lets tests in this package admit their own local servers
	// while the guard stays on for every other address.
	allowAddr func(netip.AddrPort) bool
}

// New returns a Client for opts, filling in defaults.
func New(opts Options) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.HeaderTimeout <= 0 {
		opts.HeaderTimeout = DefaultHeaderTimeout
	}
	switch {
	case opts.MaxRedirects == 0:
		opts.MaxRedirects = DefaultMaxRedirects
	case opts.MaxRedirects < 0:
		opts.MaxRedirects = 0
	}
	c := &Client{opts: opts}
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second, Control: c.checkDial}
	transport := &http.Transport{
		// No proxy, ever: through a proxy the guard would check the
		// proxy's address instead of the real target.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.HeaderTimeout,
		DisableCompression:    true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
	}
	c.http = &http.Client{Transport: transport, CheckRedirect: c.checkRedirect}
	return c
}

// CloseIdleConnections closes kept-alive connections; call it when done.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// Get fetches rawURL. It returns a Response for 2xx and 304 answers and an
// error otherwise: *StatusError for other statuses, or one wrapping
// ErrBadURL, ErrBlockedAddress, ErrTooManyRedirects, ErrTooLarge,
// ErrTimeout, ErrEncoding or ErrNoSuchHost, or the context's error when
// ctx ends. Temporary tells which of these are worth retrying.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		// The parse error quotes the URL; keep only its reason, in case
		// the URL carries a password.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("fetch: %w: cannot parse the URL: %v", ErrBadURL, err)
	}
	if err := c.checkTarget(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", redactURL(u), err)
	}
	if c.opts.Limiter != nil {
		release, err := c.opts.Limiter.Acquire(ctx, u.Host)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: wait for host slot: %w", u, err)
		}
		defer release()
	}
	reqCtx, cancel := context.WithTimeoutCause(ctx, c.opts.Timeout, ErrTimeout)
	defer cancel()
	resp, err := c.do(reqCtx, u, cond)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, c.classify(ctx, reqCtx, u, err))
	}
	return resp, nil
}

// do sends the request and reads the answer.
func (c *Client) do(ctx context.Context, u *url.URL, cond Conditional) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	hr, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer hr.Body.Close()

	final := hr.Request.URL.String()
	retryAfter, _ := ParseRetryAfter(hr.Header.Get("Retry-After"), time.Now())
	switch {
	case hr.StatusCode == http.StatusNotModified:
		return newResponse(hr, final, retryAfter), nil
	case hr.StatusCode < 200 || hr.StatusCode > 299:
		return nil, &StatusError{Code: hr.StatusCode, URL: final, RetryAfter: retryAfter}
	}
	contentEncoding := hr.Header.Get("Content-Encoding")
	if hr.ContentLength > c.opts.MaxBytes && contentEncoding == "" {
		return nil, fmt.Errorf("%w: server announces %d bytes, the limit is %s",
			ErrTooLarge, hr.ContentLength, byteSize(c.opts.MaxBytes))
	}
	tr := &transportReader{r: hr.Body}
	r, err := decoder(tr, contentEncoding)
	if err != nil {
		return nil, classifyBodyError(err, tr)
	}
	raw, err := readLimited(r, c.opts.MaxBytes)
	if err != nil {
		return nil, classifyBodyError(err, tr)
	}
	resp := newResponse(hr, final, retryAfter)
	resp.Body, resp.Charset = ToUTF8(raw, hr.Header.Get("Content-Type"))
	return resp, nil
}

// newResponse copies the headers of interest.
func newResponse(hr *http.Response, final string, retryAfter time.Duration) *Response {
	h := hr.Header
	resp := &Response{
		StatusCode:   hr.StatusCode,
		URL:          final,
		NotModified:  hr.StatusCode == http.StatusNotModified,
		ETag:         h.Get("ETag"),
		LastModified: h.Get("Last-Modified"),
		CacheControl: h.Get("Cache-Control"),
		MaxAge:       parseMaxAge(h.Get("Cache-Control")),
		RetryAfter:   retryAfter,
		Header:       h.Clone(),
	}
	if exp := h.Get("Expires"); exp != "" {
		if t, err := http.ParseTime(exp); err == nil {
			resp.Expires = t
		}
	}
	if mt, _, err := mime.ParseMediaType(h.Get("Content-Type")); err == nil {
		resp.ContentType = mt
	}
	return resp
}

// checkRedirect runs before each redirect is followed: it enforces the
// limit, detects loops and applies the URL checks to the new target (the
// dial hook then checks the address it resolves to).
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	target := req.URL.String()
	for _, prev := range via {
		if prev.URL.String() == target {
			return fmt.Errorf("%w: redirect loop back to %s", ErrTooManyRedirects, redactURL(req.URL))
		}
	}
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrTooManyRedirects, c.opts.MaxRedirects)
	}
	if err := c.checkTarget(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", redactURL(req.URL), err)
	}
	return nil
}

// classify turns transport errors into the package's errors with a
// message a person can act on.
func (c *Client) classify(parent, reqCtx context.Context, u *url.URL, err error) error {
	if parent.Err() != nil {
		return parent.Err()
	}
	var hop string
	var ue *url.Error
	if errors.As(err, &ue) {
		hop = ue.URL
		err = ue.Err
	}
	var blocked *net.OpError
	if errors.Is(err, ErrBlockedAddress) && errors.As(err, &blocked) {
		// Drop the "dial tcp ...:" prefix: the guard's message says it all.
		err = blocked.Err
		if hop != "" && hop != u.String() {
			err = fmt.Errorf("connect to %s: %w", hop, err)
		}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return fmt.Errorf("%w: %q does not resolve; check the URL", ErrNoSuchHost, dnsErr.Name)
	}
	if errors.Is(context.Cause(reqCtx), ErrTimeout) {
		return fmt.Errorf("%w: no complete answer within %s", ErrTimeout, c.opts.Timeout)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return err
}

// ParseRetryAfter reads a Retry-After value, given either as seconds or as
// an HTTP date (then relative to now). It reports false when v is empty or
// invalid; a date in the past gives zero.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, int64(365*24*3600))) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// parseMaxAge returns the max-age directive of a Cache-Control value.
func parseMaxAge(cc string) time.Duration {
	for _, d := range strings.Split(cc, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(d), "=")
		if !ok || !strings.EqualFold(name, "max-age") {
			continue
		}
		secs, err := strconv.ParseInt(strings.Trim(val, `"`), 10, 64)
		if err != nil || secs < 0 {
			return 0
		}
		return time.Duration(min(secs, int64(365*24*3600))) * time.Second
	}
	return 0
}
