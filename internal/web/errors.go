package web

import (
	"context"
	"errors"
	"net/http"

	"newshound/internal/store"
)

// Errors handlers return to ask for a particular status page.
var (
	errNotFound   = errors.New("web: page not found")
	errBadRequest = errors.New("web: bad request")
)

// handlerFunc is a handler that reports failure by returning an error
// instead of writing an error response itself.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts h to http.Handler: the single place where errors become
// status pages. Visitors get a friendly page; the log gets the detail.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// statusOf maps an error to the HTTP status shown to the visitor.
func statusOf(err error) int {
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, errBadRequest):
		return http.StatusBadRequest
	default:
		return http.StatusInternalServerError
	}
}

// fail logs err and writes the status page for it. Only the method and
// path are logged: query strings and headers may carry personal data.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	switch {
	case status < 500:
		s.log.Debug("web: request refused", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	case errors.Is(err, context.Canceled):
		// The visitor went away; nothing is wrong with the site.
		s.log.Debug("web: request canceled", "method", r.Method, "path", r.URL.Path)
		return
	default:
		s.log.Error("web: request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	s.renderError(w, r, status)
}

// errorTexts are the headings and messages of the status pages.
var errorTexts = map[int][2]string{
	http.StatusNotFound:            {"Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."},
	http.StatusBadRequest:          {"That request did not make sense", "Part of the address is not something this site understands. Check the link and try again."},
	http.StatusInternalServerError: {"Something went wrong", "The site could not show this page just now. Please try again in a moment."},
}

// renderError writes the status page for status. If even that fails, it
// falls back to plain text so the visitor still gets an answer.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int) {
	text, ok := errorTexts[status]
	if !ok {
		text = [2]string{http.StatusText(status), ""}
	}
	p := errorPage{
		Layout:  s.layout(text[0], ""),
		Status:  status,
		Heading: text[0],
		Message: text[1],
	}
	if err := s.render(w, status, "error.html", p); err != nil {
		s.log.Error("web: render error page", "status", status, "err", err)
		http.Error(w, text[0], status)
	}
}
