package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sentinel errors returned (wrapped) by Client.Get. Test for them with
// errors.Is; the wrapped message names the URL and what to do about it.
var (
	// ErrBlockedAddress means the URL resolved to an address newshound does
	// not fetch by default: loopback, private, link-local (cloud metadata),
	// CGNAT, multicast or unspecified. Options.AllowPrivate lifts the guard.
	ErrBlockedAddress = errors.New("address is not public")
	// ErrBadURL means the URL cannot be fetched at all: not http(s), no
	// host, or it carries credentials.
	ErrBadURL = errors.New("unsupported URL")
	// ErrTooLarge means the decompressed body passed Options.MaxBytes.
	ErrTooLarge = errors.New("response body too large")
	// ErrTooManyRedirects means the redirect chain passed
	// Options.MaxRedirects or came back to a URL it had already visited.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrTimeout means a connect, header or whole-request time limit passed.
	ErrTimeout = errors.New("timed out")
	// ErrEncoding means the body's Content-Encoding is unknown or corrupt.
	ErrEncoding = errors.New("cannot decode response body")
	// ErrNoSuchHost means the host name does not resolve.
	ErrNoSuchHost = errors.New("no such host")
)

// StatusError is returned for any final response status other than 2xx and
// 304. RetryAfter carries the server's Retry-After (429, 503), zero when the
// server gave none.
type StatusError struct {
	Code       int
	URL        string // the URL that answered, after redirects
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("server answered %d %s", e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Temporary reports whether trying again later may succeed: rate limits,
// timeouts on the server's side and 5xx errors.
func (e *StatusError) Temporary() bool {
	return e.Code == http.StatusTooManyRequests || e.Code == http.StatusRequestTimeout || e.Code >= 500
}

// Temporary reports whether a Get error may go away by itself, so that a
// poller should back off and retry rather than report the source broken:
// timeouts, rate limits and server errors, refused or reset connections.
// Blocked addresses, bad URLs, oversize bodies, redirect loops, corrupt
// encodings, 4xx answers and unknown hosts are not temporary.
func Temporary(err error) bool {
	var se *StatusError
	switch {
	case err == nil:
		return false
	case errors.As(err, &se):
		return se.Temporary()
	case errors.Is(err, ErrTimeout):
		return true
	case errors.Is(err, ErrBlockedAddress), errors.Is(err, ErrBadURL), errors.Is(err, ErrTooLarge),
		errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrEncoding), errors.Is(err, ErrNoSuchHost):
		return false
	case errors.Is(err, context.Canceled):
		return false
	}
	// Anything else is a network failure on the way: refused, reset,
	// unreachable. Worth another try later.
	return true
}
