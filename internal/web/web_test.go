package web

import (
	"bytes"
	"context"
	htmltemplate "html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newshound/internal/demo"
	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// site serves the demo site from s on a real HTTP server on 127.0.0.1.
func site(t *testing.T, s *store.Store, logs io.Writer) *httptest.Server {
	t.Helper()
	if logs == nil {
		logs = io.Discard
	}
	if _, err := demo.Seed(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Store: s, SiteName: "Demo Hound", Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// get fetches path and returns the status, headers and body.
func get(t *testing.T, ts *httptest.Server, path string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest("GET", ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func TestPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts := site(t, s, nil)
		ctx := context.Background()
		arts, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if total < 12 {
			t.Fatalf("demo seeded %d articles, want at least 12", total)
		}
		newest, oldest := arts[0], arts[len(arts)-1]
		src, err := s.Source(ctx, newest.SourceID)
		if err != nil {
			t.Fatal(err)
		}
		tag := newest.Tags[0]

		tests := []struct {
			name, path string
			status     int
			want       []string
			dontWant   []string
		}{
			{"home", "/", 200, []string{
				`<h1>Latest articles</h1>`, `href="/a/` + newest.Slug + `"`, `rel="next" href="/?page=2"`, "Page 1 of 2",
			}, []string{`href="/a/` + oldest.Slug + `"`, `rel="prev"`}},
			{"home page 2", "/?page=2", 200, []string{
				`href="/a/` + oldest.Slug + `"`, `rel="prev" href="/"`, "Page 2 of 2",
			}, []string{`href="/a/` + newest.Slug + `"`, `rel="next"`}},
			{"home past the end", "/?page=3", 404, []string{"Page not found"}, nil},
			{"home bad page", "/?page=two", 400, []string{"did not make sense"}, []string{"two"}},
			{"home page zero", "/?page=0", 400, nil, nil},
			{"article", "/a/" + newest.Slug, 200, []string{
				"<h1>" + newest.Title + "</h1>",
				`<p class="standfirst">`,
				`by <a rel="author" href="/author/news-hound">News Hound</a> · first published`,
				`by <a href="/source/` + src.Slug + `">`,
				"Original reporting by ",
				`<figure class="figure">`, `<figcaption>`, `<span class="credit">`,
				`<blockquote>`, `<section class="footnotes"`,
				`<sup id="fnref-1"><a href="#fn-1">1</a></sup>`, `<li id="fn-1">`, `<a href="#fnref-1"`,
				`<p class="source-line">Source: <a href="` + newest.OriginalURL + `">`,
				`<aside class="author-box"`, `<a href="/tag/` + tag.Slug + `">`,
				`<html lang="en">`,
			}, nil},
			{"unknown article", "/a/no-such-story", 404, []string{"Page not found", `<a class="brand" href="/">`}, []string{"no-such-story"}},
			{"source", "/source/" + src.Slug, 200, []string{"<h1>" + escaped(src.Name) + "</h1>", `href="/a/` + newest.Slug + `"`}, nil},
			{"unknown source", "/source/nobody", 404, nil, nil},
			{"author", "/author/news-hound", 200, []string{"<h1>News Hound</h1>", `href="/a/` + newest.Slug + `"`, `rel="next" href="/author/news-hound?page=2"`}, nil},
			{"unknown author", "/author/nobody", 404, nil, nil},
			{"tag", "/tag/" + tag.Slug, 200, []string{"<h1>" + tag.Name + "</h1>", `href="/a/` + newest.Slug + `"`}, nil},
			{"unknown tag", "/tag/no-such-tag", 404, nil, nil},
			{"unknown path", "/wp-admin/setup.php", 404, []string{"Page not found", `<a class="skip" href="#content">`}, nil},
			{"unknown static", "/static/nothing.css", 404, nil, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				status, h, body := get(t, ts, tt.path)
				if status != tt.status {
					t.Fatalf("GET %s: status %d, want %d", tt.path, status, tt.status)
				}
				if ct := h.Get("Content-Type"); ct != "text/html; charset=utf-8" {
					t.Errorf("Content-Type %q", ct)
				}
				if code := withoutDataBlocks(body); strings.Contains(code, "<script") || strings.Contains(code, " style=") {
					t.Errorf("GET %s has a script or inline style; pages must read without JavaScript and pass a strict CSP", tt.path)
				}
				for _, w := range tt.want {
					if !strings.Contains(body, w) {
						t.Errorf("GET %s lacks %q", tt.path, w)
					}
				}
				for _, w := range tt.dontWant {
					if strings.Contains(body, w) {
						t.Errorf("GET %s has %q", tt.path, w)
					}
				}
			})
		}
	})
}

// withoutDataBlocks removes JSON-LD blocks, which hold data that browsers
// never run, so that a test can look for scripts that would run.
func withoutDataBlocks(body string) string {
	const open, end = `<script type="application/ld+json">`, `</script>`
	for {
		i := strings.Index(body, open)
		if i < 0 {
			return body
		}
		j := strings.Index(body[i:], end)
		if j < 0 {
			return body
		}
		body = body[:i] + body[i+j+len(end):]
	}
}

// escaped is s as html/template writes it in text.
func escaped(s string) string { return htmltemplate.HTMLEscapeString(s) }

func TestArticlePageOnlyBodyIsRaw(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		src := news.Source{Name: `Hostile <b>Source</b>`, HomepageURL: "https://hostile.example/"}
		if err := s.CreateSource(ctx, &src); err != nil {
			t.Fatal(err)
		}
		a := news.Article{
			SourceID:    src.ID,
			Title:       `<script>alert(1)</script> Title`,
			Standfirst:  `"quoted" & <i>odd</i>`,
			OriginalURL: `javascript:alert(1)`,
			Authors:     []news.Author{{Name: "<img src=x onerror=alert(1)>", URL: "javascript:alert(2)"}},
			Language:    "fr",
			BodyHTML:    `<p>Le <em>corps</em> est déjà assaini.</p>`,
			Tags:        []news.Tag{{Name: "<Tag>"}},
		}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		srv, err := New(Config{Store: s})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		defer ts.Close()
		status, _, body := get(t, ts, "/a/"+a.Slug)
		if status != 200 {
			t.Fatalf("status %d", status)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`, "<b>Source</b>", "<i>odd</i>", "<Tag>"} {
			if strings.Contains(body, bad) {
				t.Errorf("page contains unescaped %q", bad)
			}
		}
		for _, want := range []string{`<p>Le <em>corps</em> est déjà assaini.</p>`, `<html lang="fr">`, "&lt;script&gt;alert(1)&lt;/script&gt; Title", `href="#ZgotmplZ"`} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q", want)
			}
		}
	})
}

func TestUnpublishedArticlesAreHidden(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ts := site(t, s, nil)
		src, err := s.SourceBySlug(ctx, "field-sky-notes")
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []news.Status{news.StatusDraft, news.StatusUnpublished} {
			a := news.Article{SourceID: src.ID, Title: "Hidden " + string(st), Status: st, Tags: []news.Tag{{Name: "Gardening"}}}
			if err := s.CreateArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			if status, _, _ := get(t, ts, "/a/"+a.Slug); status != 404 {
				t.Errorf("%s article: status %d, want 404", st, status)
			}
			for _, path := range []string{"/", "/source/" + src.Slug, "/tag/gardening"} {
				if _, _, body := get(t, ts, path); strings.Contains(body, a.Slug) {
					t.Errorf("%s article listed on %s", st, path)
				}
			}
		}
	})
}

func TestDatabaseDownGives500WithoutDetail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		var logs bytes.Buffer
		ts := site(t, s, &logs)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/", "/a/a-compost-heap-that-earns-its-corner-of-a-small-yard", "/tag/gardening"} {
			status, _, body := get(t, ts, path)
			if status != 500 {
				t.Errorf("GET %s with the database closed: status %d, want 500", path, status)
			}
			if !strings.Contains(body, "Something went wrong") || !strings.Contains(body, `<a class="brand" href="/">`) {
				t.Errorf("GET %s: 500 page is not in the site's look:\n%s", path, body)
			}
			if strings.Contains(body, "sql") || strings.Contains(body, "closed") {
				t.Errorf("GET %s: 500 page shows internal detail:\n%s", path, body)
			}
		}
		if !strings.Contains(logs.String(), "closed") {
			t.Errorf("the log lacks the error detail:\n%s", logs.String())
		}
	})
}

func TestStaticFiles(t *testing.T) {
	ts := site(t, storetest.SQLite(t), nil)
	_, _, home := get(t, ts, "/")
	i := strings.Index(home, `href="/static/style.css?v=`)
	if i < 0 {
		t.Fatal("home page links no versioned stylesheet")
	}
	versioned := home[i+len(`href="`):]
	versioned = versioned[:strings.IndexByte(versioned, '"')]

	tests := []struct {
		path, ctype, cache, want string
	}{
		{versioned, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "--measure"},
		{"/static/style.css", "text/css; charset=utf-8", "public, max-age=86400", "--measure"},
		{"/static/favicon.svg", "image/svg+xml", "public, max-age=86400", "<svg"},
		{"/static/demo/news-hound.svg", "image/svg+xml", "public, max-age=86400", "<svg"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, h, body := get(t, ts, tt.path)
			if status != 200 {
				t.Fatalf("status %d", status)
			}
			if h.Get("Content-Type") != tt.ctype || h.Get("Cache-Control") != tt.cache {
				t.Errorf("Content-Type %q, Cache-Control %q; want %q, %q", h.Get("Content-Type"), h.Get("Cache-Control"), tt.ctype, tt.cache)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body lacks %q", tt.want)
			}
			status, _, body = get(t, ts, tt.path, "If-None-Match", h.Get("ETag"))
			if status != http.StatusNotModified || body != "" {
				t.Errorf("conditional GET: status %d with %d bytes, want 304 and none", status, len(body))
			}
		})
	}
}

func TestEmptySite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		srv, err := New(Config{Store: s})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		defer ts.Close()
		status, _, body := get(t, ts, "/")
		if status != 200 || !strings.Contains(body, "No articles yet.") || strings.Contains(body, `class="pager"`) {
			t.Errorf("empty home: status %d, body:\n%s", status, body)
		}
		if status, _, _ := get(t, ts, "/?page=2"); status != 404 {
			t.Errorf("empty home page 2: status %d, want 404", status)
		}
		resp, err := ts.Client().Head(ts.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("HEAD /: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})
}

func TestNewNeedsAStore(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New without a store succeeded")
	}
}
