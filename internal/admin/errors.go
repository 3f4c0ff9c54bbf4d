package admin

import (
	"context"
	"errors"
	"net/http"

	"newshound/internal/store"
)

// Errors handlers return to ask for a particular status page.
var (
	errNotFound   = errors.New("admin: page not found")
	errBadRequest = errors.New("admin: bad request")
	errNoIngest   = errors.New("admin: ingestion is not running in this process")
	errNotPolled  = errors.New("admin: this source is not polled (it was added from single pages), so there is nothing to pause")
)

// handlerFunc is an admin handler that reports failure by returning an
// error; handle turns it into a status page.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle is the one place where errors become status pages. Organisers get
// a short page in the admin's look; the log gets the operation, never form
// contents.
func (a *Admin) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			a.fail(w, r, err)
		}
	})
}

// statusOf maps an error to the status shown.
func statusOf(err error) int {
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, errBadRequest), errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrConflict), errors.Is(err, errNotPolled):
		return http.StatusConflict
	case errors.Is(err, errNoIngest):
		return http.StatusNotImplemented
	default:
		return http.StatusInternalServerError
	}
}

var errorTexts = map[int]string{
	http.StatusNotFound:            "There is nothing at this address, or it was deleted in the meantime.",
	http.StatusBadRequest:          "That request could not be understood. Go back, check what you entered and try again.",
	http.StatusConflict:            "That clashes with what is stored: a name or address already in use, or a source that is not polled.",
	http.StatusNotImplemented:      "Ingestion is not running in this process, so this action is not available here.",
	http.StatusInternalServerError: "Something went wrong on our side. Please try again in a moment.",
}

func (a *Admin) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	switch {
	case errors.Is(err, context.Canceled):
		return
	case status >= 500 && status != http.StatusNotImplemented:
		a.log.Error("admin: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	default:
		a.log.Debug("admin: request refused", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	p := errorPage{Layout: a.layout(r, http.StatusText(status), ""), Status: status, Message: errorTexts[status]}
	if err := a.render(w, status, "error.html", p); err != nil {
		a.log.Error("admin: render error page", "err", err)
		http.Error(w, http.StatusText(status), status)
	}
}
