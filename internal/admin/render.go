package admin

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"newshound/internal/auth"
)

//go:embed templates static
var files embed.FS

// parsePages parses each page with the shared layout, once.
func parsePages() (map[string]*template.Template, error) {
	shared, err := template.New("").Funcs(funcs).ParseFS(files, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("admin: parse templates: %w", err)
	}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("admin: list templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, name := range names {
		if name == "templates/layout.html" {
			continue
		}
		t, err := template.Must(shared.Clone()).ParseFS(files, name)
		if err != nil {
			return nil, fmt.Errorf("admin: parse %s: %w", name, err)
		}
		pages[strings.TrimPrefix(name, "templates/")] = t
	}
	return pages, nil
}

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2 Jan 2006 15:04 UTC")
	},
	"isodate": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
}

// render executes page into a buffer first, so a template error gives a
// clean error page rather than half a page.
func (a *Admin) render(w http.ResponseWriter, status int, page string, data any) error {
	t, ok := a.pages[page]
	if !ok {
		return fmt.Errorf("admin: no template %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("admin: render %s: %w", page, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// layout returns the shared page data. The notice comes from a fixed list
// keyed by ?done=, so nothing typed into a URL is shown back.
func (a *Admin) layout(r *http.Request, title, section string) Layout {
	l := Layout{Site: a.site, Title: title + " — " + a.site + " admin", Heading: title, Section: section,
		Notice: notices[r.URL.Query().Get("done")]}
	if u, ok := auth.UserFrom(r.Context()); ok {
		l.User = u.Email
		l.Role = u.Role
		l.IsAdmin = auth.Role(u.Role) == auth.RoleAdmin
	}
	return l
}

// notices are the messages shown after a change, by ?done= key.
var notices = map[string]string{
	"status":      "Saved.",
	"deleted":     "The person and all their sign-ups were deleted. The audit log says so without their details.",
	"blocked":     "The domain is on the blocklist.",
	"unblocked":   "The domain is off the blocklist.",
	"added":       "The source was added; its first poll is due now.",
	"paused":      "The source is paused.",
	"resumed":     "The source is resumed; its next poll is due now.",
	"saved":       "The article was saved.",
	"unpublished": "The article is unpublished: it is no longer on the site.",
	"published":   "The article is published again.",
	"reextracted": "The article was extracted again from its original page.",
}

// seeOther redirects after a POST to path with a notice key.
func seeOther(w http.ResponseWriter, r *http.Request, path, done string) {
	if done != "" {
		path += "?done=" + url.QueryEscape(done)
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// serveCSS serves the admin stylesheet.
func serveCSS(w http.ResponseWriter, r *http.Request) {
	b, err := files.ReadFile("static/admin.css")
	if err != nil {
		http.Error(w, "missing stylesheet", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write(b)
}
