package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"
)

//go:embed templates
var templateFS embed.FS

// base holds the templates every page shares: the layout and partials.
var base = []string{"templates/layout.html", "templates/partials.html", "templates/joinform.html", "templates/meta.html"}

// parsePages parses each page template together with the shared ones, once.
// The result maps a page's file name (e.g. "article.html") to its template.
func parsePages(funcs template.FuncMap) (map[string]*template.Template, error) {
	shared, err := template.New("").Funcs(funcs).ParseFS(templateFS, base...)
	if err != nil {
		return nil, fmt.Errorf("web: parse templates: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: list templates: %w", err)
	}
	pages := make(map[string]*template.Template)
	for _, name := range names {
		if isShared(name) {
			continue
		}
		t, err := template.Must(shared.Clone()).ParseFS(templateFS, name)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", name, err)
		}
		pages[strings.TrimPrefix(name, "templates/")] = t
	}
	return pages, nil
}

func isShared(name string) bool {
	for _, b := range base {
		if b == name {
			return true
		}
	}
	return false
}

// funcs are the helpers templates may call.
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"static":  s.staticURL,
		"date":    func(t time.Time) string { return t.UTC().Format("2 January 2006") },
		"isodate": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"sep":     listSep,
	}
}

// render executes page into a buffer first, so that a template error
// yields a clean 500 page instead of half a page.
func (s *Server) render(w http.ResponseWriter, status int, page string, data any) error {
	t, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("web: no template %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("web: render %s: %w", page, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// layout returns the shared page data for a page titled title.
func (s *Server) layout(title, description string) Layout {
	l := Layout{Site: s.site, Lang: s.lang, Description: description, Title: s.site, Join: s.join != nil, Feeds: siteFeeds(s.site)}
	if title != "" {
		l.Title = title + " — " + s.site
	}
	return l
}

// listSep returns what goes before item i of n in a running list:
// nothing, ", " or " and " ("A, B and C").
func listSep(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " and "
	default:
		return ", "
	}
}
