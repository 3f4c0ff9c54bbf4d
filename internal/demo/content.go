package demo

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"newshound/internal/news"
)

// entry is one demo article as read from articles/*.html.
type entry struct {
	file       string
	title      string
	standfirst string
	source     string // key into sources
	authors    []news.Author
	tags       []news.Tag
	age        time.Duration // how long before "now" it was published
	lead       news.Figure
	body       string
}

// loadArticles reads and checks every embedded article, sorted by file name.
func loadArticles() ([]entry, error) {
	names, err := fs.Glob(articleFS, "articles/*.html")
	if err != nil {
		return nil, fmt.Errorf("demo: list articles: %w", err)
	}
	entries := make([]entry, 0, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(articleFS, name)
		if err != nil {
			return nil, fmt.Errorf("demo: read %s: %w", name, err)
		}
		e, err := parseEntry(path.Base(name), string(b))
		if err != nil {
			return nil, fmt.Errorf("demo: %s: %w", name, err)
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// parseEntry reads the "key: value" header and the body after "---".
func parseEntry(file, text string) (entry, error) {
	head, body, ok := strings.Cut(text, "\n---\n")
	if !ok {
		return entry{}, fmt.Errorf("no line \"---\" between header and body")
	}
	e := entry{file: file, body: strings.TrimSpace(body)}
	sc := bufio.NewScanner(strings.NewReader(head))
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			return entry{}, fmt.Errorf("header line %d: want \"key: value\"", line)
		}
		if err := e.set(strings.TrimSpace(key), strings.TrimSpace(val)); err != nil {
			return entry{}, fmt.Errorf("header line %d: %w", line, err)
		}
	}
	return e, e.check()
}

// set stores one header value.
func (e *entry) set(key, val string) error {
	switch key {
	case "title":
		e.title = val
	case "standfirst":
		e.standfirst = val
	case "source":
		if _, ok := sources[val]; !ok {
			return fmt.Errorf("unknown source %q", val)
		}
		e.source = val
	case "authors":
		for _, a := range strings.Split(val, ";") {
			name, url, _ := strings.Cut(a, "<")
			e.authors = append(e.authors, news.Author{
				Name: strings.TrimSpace(name),
				URL:  strings.TrimSuffix(strings.TrimSpace(url), ">"),
			})
		}
	case "tags":
		for _, t := range strings.Split(val, ",") {
			t = strings.TrimSpace(t)
			e.tags = append(e.tags, news.Tag{Slug: news.Slugify(t), Name: t})
		}
	case "age":
		d, err := parseAge(val)
		if err != nil {
			return err
		}
		e.age = d
	case "image":
		e.lead.ImageURL = ImagePrefix + val
	case "alt":
		e.lead.Alt = val
	case "caption":
		e.lead.Caption = val
	case "credit":
		e.lead.Credit = val
	default:
		return fmt.Errorf("unknown key %q", key)
	}
	return nil
}

// check reports the first missing required field.
func (e *entry) check() error {
	for _, f := range []struct{ name, val string }{
		{"title", e.title}, {"standfirst", e.standfirst}, {"source", e.source},
		{"image", e.lead.ImageURL}, {"alt", e.lead.Alt}, {"caption", e.lead.Caption},
		{"credit", e.lead.Credit}, {"body", e.body},
	} {
		if f.val == "" {
			return fmt.Errorf("missing %s", f.name)
		}
	}
	if e.age <= 0 || len(e.authors) == 0 || len(e.tags) == 0 {
		return fmt.Errorf("needs an age, authors and tags")
	}
	return nil
}

// parseAge reads "12d 7h": days and hours before now.
func parseAge(s string) (time.Duration, error) {
	var d time.Duration
	for _, f := range strings.Fields(s) {
		if len(f) < 2 {
			return 0, fmt.Errorf("bad age %q: want e.g. \"12d 7h\"", s)
		}
		n, err := strconv.Atoi(f[:len(f)-1])
		if err != nil || n < 0 {
			return 0, fmt.Errorf("bad age %q: want e.g. \"12d 7h\"", s)
		}
		switch f[len(f)-1] {
		case 'd':
			d += time.Duration(n) * 24 * time.Hour
		case 'h':
			d += time.Duration(n) * time.Hour
		default:
			return 0, fmt.Errorf("bad age %q: want e.g. \"12d 7h\"", s)
		}
	}
	return d, nil
}
