package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"

	"newshound/internal/demo"
	"newshound/internal/news"
	"newshound/internal/related"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
	"newshound/internal/views"
)

// Browser-like User-Agents: each is a different visitor.
const (
	uaFirefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
	uaSafari  = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15"
	uaBot     = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
)

// readingSite serves the demo site with recommendations computed and a
// visit counter, as serve wires it. edit may change the config.
// The reading site counts on noonClock: real time passing from noon UTC of
// the day the tests started, so that a run crossing midnight cannot count
// its views on two days.
var (
	testStart = time.Now()
	testNoon  = time.Date(testStart.Year(), testStart.Month(), testStart.Day(), 12, 0, 0, 0, time.UTC)
)

func noonClock() time.Time { return testNoon.Add(time.Since(testStart)) }

func readingSite(t testing.TB, s *store.Store, edit func(*Config)) (*httptest.Server, *views.Counter) {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Seed(ctx, s); err != nil {
		t.Fatal(err)
	}
	if _, err := related.Load(ctx, s, related.Options{}); err != nil {
		t.Fatal(err)
	}
	c, err := views.NewCounter(views.Options{Store: s, Site: "test", Logger: discard(), Clock: noonClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	cfg := Config{Store: s, SiteName: "Demo Hound", BaseURL: "https://hound.example", Counter: c, Logger: discard()}
	if edit != nil {
		edit(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, c
}

// fetch sends a request with the given headers (name, value, ...) and
// returns the response with its body read, not decompressed.
func fetch(t *testing.T, ts *httptest.Server, method, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", uaFirefox)
	req.Header.Set("Accept-Encoding", "identity")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Transport.RoundTrip(req) // no automatic gzip handling
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// newestArticle returns the demo's newest article.
func newestArticle(t testing.TB, s *store.Store) news.Article {
	t.Helper()
	arts, _, err := s.Articles(context.Background(), store.ArticleFilter{Limit: 1})
	if err != nil || len(arts) == 0 {
		t.Fatalf("no article: %v", err)
	}
	return arts[0]
}

var visitsRe = regexp.MustCompile(`<p class="visits">([^<]*)</p>`)

func visits(t *testing.T, body []byte) string {
	t.Helper()
	m := visitsRe.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no visit counter in the page")
	}
	return string(m[1])
}

func TestVisitCounter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, counter := readingSite(t, s, nil)
		a := newestArticle(t, s)
		path := "/a/" + a.Slug
		steps := []struct {
			name   string
			method string
			header []string
			want   string // counter text shown; "" for no body
			status int
		}{
			{"first visitor", "GET", nil, "Visited 1 time, 1 visit today", 200},
			{"same visitor again", "GET", nil, "Visited 2 times, 1 visit today", 200},
			{"second visitor", "GET", []string{"User-Agent", uaSafari}, "Visited 3 times, 2 visits today", 200},
			{"a bot sees the count but adds nothing", "GET", []string{"User-Agent", uaBot}, "Visited 3 times, 2 visits today", 200},
			{"a prefetch adds nothing", "GET", []string{"Sec-Purpose", "prefetch"}, "Visited 3 times, 2 visits today", 200},
			{"HEAD adds nothing", "HEAD", nil, "", 200},
			{"gzip, the same visitor", "GET", []string{"Accept-Encoding", "gzip"}, "Visited 4 times, 2 visits today", 200},
			{"a cached hit counts", "GET", nil, "Visited 5 times, 2 visits today", 200},
		}
		for _, st := range steps {
			resp, body := fetch(t, ts, st.method, path, st.header...)
			if resp.StatusCode != st.status {
				t.Fatalf("%s: status %d", st.name, resp.StatusCode)
			}
			if resp.Header.Get("Content-Encoding") == "gzip" {
				body = gunzip(t, body)
			}
			if st.want == "" {
				if len(body) != 0 {
					t.Errorf("%s: %d bytes of body", st.name, len(body))
				}
				continue
			}
			if got := visits(t, body); got != st.want {
				t.Errorf("%s: counter %q, want %q", st.name, got, st.want)
			}
		}
		// A revalidation answered 304 is still a view.
		resp, _ := fetch(t, ts, "GET", path)
		etag := resp.Header.Get("ETag")
		if !strings.HasPrefix(etag, `W/"`) || resp.Header.Get("Cache-Control") != "public, no-cache" {
			t.Errorf("ETag %q, Cache-Control %q; want a weak tag and no-cache", etag, resp.Header.Get("Cache-Control"))
		}
		resp, body := fetch(t, ts, "GET", path, "If-None-Match", etag)
		if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("revalidation: status %d with %d bytes, want 304", resp.StatusCode, len(body))
		}
		// 5 above, 1 for the ETag, 1 revalidated.
		if err := counter.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		day := testNoon
		stored, err := s.ViewTotals(context.Background(), []int64{a.ID}, day.Year()*10000+int(day.Month())*100+day.Day())
		if err != nil {
			t.Fatal(err)
		}
		if got := stored[a.ID]; got.Views != 7 || got.Visitors != 2 {
			t.Errorf("stored %+v, want 7 views by 2 visitors", got)
		}
	})
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	zr.Multistream(false) // one member, as browsers expect
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return out
}

// TestGzipSplice checks spliced responses against the gzip reader for
// random pages, holes of every size (empty, small, several stored blocks).
func TestGzipSplice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) []byte {
		words := []string{"harbour ", "tram ", "<p>", "</p>\n", "lantern ", "é ", "ü", "\x00", "bread "}
		var b bytes.Buffer
		for b.Len() < n {
			b.WriteString(words[rng.IntN(len(words))])
		}
		return b.Bytes()[:n]
	}
	for _, holes := range []int{0, 1, 2, 3} {
		for _, fillSize := range []int{0, 1, 40, maxStored, maxStored + 1, 3*maxStored + 7} {
			parts := make([][]byte, holes+1)
			var want bytes.Buffer
			fills := make([][]byte, holes)
			for i := range parts {
				parts[i] = text(rng.IntN(70_000))
				want.Write(parts[i])
				if i < holes {
					fills[i] = text(fillSize)
					want.Write(fills[i])
				}
			}
			e := &entry{parts: parts}
			w := httptest.NewRecorder()
			e.gzipped(newPageCache(1<<30)).write(w, httptest.NewRequest("GET", "/", nil), parts, fills)
			if got := w.Header().Get("Content-Length"); got != itoa(w.Body.Len()) {
				t.Errorf("%d holes of %d: Content-Length %s, body %d", holes, fillSize, got, w.Body.Len())
			}
			if got := gunzip(t, w.Body.Bytes()); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%d holes of %d bytes: decoded %d bytes, want %d", holes, fillSize, len(got), want.Len())
			}
		}
	}
}

func TestCompressionAndRevalidation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, _ := readingSite(t, s, nil)
		_, plain := fetch(t, ts, "GET", "/")
		tests := []struct {
			accept, want string
		}{
			{"gzip, deflate, br, zstd", "br"},
			{"gzip", "gzip"},
			{"br;q=0, gzip", "gzip"},
			{"gzip;q=0", ""},
			{"identity", ""},
			{"*", "gzip"},
		}
		for _, tt := range tests {
			resp, body := fetch(t, ts, "GET", "/", "Accept-Encoding", tt.accept)
			if got := resp.Header.Get("Content-Encoding"); got != tt.want {
				t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tt.accept, got, tt.want)
				continue
			}
			switch tt.want {
			case "br":
				var err error
				if body, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body))); err != nil {
					t.Fatal(err)
				}
			case "gzip":
				body = gunzip(t, body)
			}
			if !bytes.Equal(body, plain) {
				t.Errorf("Accept-Encoding %q: decoded page differs from the plain one", tt.accept)
			}
			if resp.Header.Get("Vary") != "Accept-Encoding" || resp.Header.Get("Cache-Control") != "public, max-age=60" {
				t.Errorf("Vary %q, Cache-Control %q", resp.Header.Get("Vary"), resp.Header.Get("Cache-Control"))
			}
		}
		resp, _ := fetch(t, ts, "GET", "/", "Accept-Encoding", "br")
		etag, mod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		if etag == "" || mod == "" {
			t.Fatalf("ETag %q, Last-Modified %q", etag, mod)
		}
		for _, h := range [][]string{
			{"If-None-Match", etag},
			{"If-None-Match", `"nope", ` + etag},
			{"If-None-Match", "*"},
			{"If-Modified-Since", mod},
		} {
			if resp, body := fetch(t, ts, "GET", "/", h...); resp.StatusCode != 304 || len(body) != 0 {
				t.Errorf("%s: %s: status %d, %d bytes; want 304", h[0], h[1], resp.StatusCode, len(body))
			}
		}
		if resp, _ := fetch(t, ts, "GET", "/", "If-None-Match", `"something-else"`); resp.StatusCode != 200 {
			t.Errorf("stale ETag: status %d, want 200", resp.StatusCode)
		}
		// An article page has holes, so it is never brotli; gzip is spliced.
		a := newestArticle(t, s)
		resp, body := fetch(t, ts, "GET", "/a/"+a.Slug, "Accept-Encoding", "br, gzip")
		if resp.Header.Get("Content-Encoding") != "gzip" || !bytes.Contains(gunzip(t, body), []byte("<h1>"+a.Title+"</h1>")) {
			t.Errorf("article with br, gzip: encoding %q", resp.Header.Get("Content-Encoding"))
		}
	})
}

// TestCachedPagesNeedNoDatabase shows that a page view in the common case
// costs no database round trip: once pages are cached, they are served
// (and counted) with the database closed.
func TestCachedPagesNeedNoDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, counter := readingSite(t, s, nil)
		a := newestArticle(t, s)
		for _, p := range []string{"/", "/a/" + a.Slug, "/feed.xml"} {
			if resp, _ := fetch(t, ts, "GET", p); resp.StatusCode != 200 {
				t.Fatalf("warm %s: %d", p, resp.StatusCode)
			}
		}
		// Store the warm-up view now: the counter's own flush (every second)
		// may or may not come first on a busy machine.
		if err := counter.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/", "/a/" + a.Slug, "/feed.xml"} {
			resp, body := fetch(t, ts, "GET", p, "Accept-Encoding", "gzip")
			if resp.StatusCode != 200 {
				t.Errorf("%s with the database closed: status %d, want the cached page", p, resp.StatusCode)
			}
			if p == "/a/"+a.Slug {
				if got := visits(t, gunzip(t, body)); got != "Visited 2 times, 1 visit today" {
					t.Errorf("counter %q", got)
				}
			}
		}
		if counter.Pending() != 1 {
			t.Errorf("%d views pending, want the 1 served with the database closed", counter.Pending())
		}
		// A page never cached still needs the database: a clean 500.
		if resp, _ := fetch(t, ts, "GET", "/tag/gardening"); resp.StatusCode != 500 {
			t.Errorf("uncached page with the database closed: %d", resp.StatusCode)
		}
	})
}

func TestCacheFollowsChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, _ := readingSite(t, s, func(c *Config) { c.MaxStale = 20 * time.Millisecond })
		ctx := context.Background()
		a := newestArticle(t, s)
		fetch(t, ts, "GET", "/a/"+a.Slug)
		fetch(t, ts, "GET", "/")
		a.Title = "A retitled story about compost"
		if err := s.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		n := news.Article{SourceID: a.SourceID, Title: "A brand new story", BodyHTML: "<p>New.</p>", PublishedAt: time.Now()}
		if err := s.CreateArticle(ctx, &n); err != nil {
			t.Fatal(err)
		}
		// MaxStale is 20ms; the generous deadline is for a busy machine.
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, page := fetch(t, ts, "GET", "/a/"+a.Slug)
			_, home := fetch(t, ts, "GET", "/")
			if bytes.Contains(page, []byte("<h1>A retitled story about compost</h1>")) && bytes.Contains(home, []byte(`href="/a/`+n.Slug+`"`)) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("cached pages still stale 10 s after a change")
			}
			time.Sleep(10 * time.Millisecond)
		}
		a.Status = news.StatusUnpublished
		if err := s.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		for {
			if resp, _ := fetch(t, ts, "GET", "/a/"+a.Slug); resp.StatusCode == 404 {
				break
			}
			if time.Now().After(deadline.Add(10 * time.Second)) {
				t.Fatal("a taken-down article is still served")
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

func TestRecommendedBlock(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, _ := readingSite(t, s, nil)
		arts, _, err := s.Articles(context.Background(), store.ArticleFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		block := regexp.MustCompile(`(?s)<section class="recommended".*?</section>`)
		link := regexp.MustCompile(`<li><a href="/a/([^"]+)">`)
		for _, a := range arts {
			_, body := fetch(t, ts, "GET", "/a/"+a.Slug)
			sec := block.Find(body)
			if sec == nil || !bytes.Contains(sec, []byte("Recommended for you")) {
				t.Errorf("%s: no Recommended block", a.Slug)
				continue
			}
			links := link.FindAllSubmatch(sec, -1)
			if len(links) != 5 {
				t.Errorf("%s: %d recommendations, want 5", a.Slug, len(links))
			}
			for _, l := range links {
				if string(l[1]) == a.Slug {
					t.Errorf("%s recommends itself", a.Slug)
				}
			}
		}
	})
}

func TestSearchPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, _ := readingSite(t, s, nil)
		ctx := context.Background()
		src := newestArticle(t, s).SourceID
		hostile := news.Article{SourceID: src, Title: `<script>alert(1)</script> Harbour lights`,
			BodyText: `Text with <b>markup</b> & the harbour at night. "</mark><img src=x onerror=alert(2)>"`,
			BodyHTML: "<p>Escaped.</p>"}
		if err := s.CreateArticle(ctx, &hostile); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, query string
			want, not   []string
		}{
			{"form only", "", []string{`<form class="search-form" action="/search"`, `name="q" value=""`}, []string{"found", "search-note"}},
			{"a demo article", "?q=compost", []string{"found", `href="/a/a-compost-heap-that-earns-its-corner-of-a-small-yard"`, "A <mark>compost</mark> heap"}, nil},
			{"prefix", "?q=compo*", []string{`href="/a/a-compost-heap-that-earns-its-corner-of-a-small-yard"`, "<mark>compost</mark>"}, nil},
			{"phrase", "?q=%22the+harbour+at+night%22", []string{"1 article found", "<mark>harbour</mark>"}, nil},
			{"escaped highlight", "?q=harbour", []string{"&lt;script&gt;alert(1)&lt;/script&gt; <mark>Harbour</mark> lights", "&lt;b&gt;markup&lt;/b&gt; &amp; the <mark>harbour</mark>", "&lt;/mark&gt;&lt;img src=x"},
				[]string{"<script>alert", "<b>markup", "<img src=x"}},
			{"query shown escaped", "?q=%3Cscript%3Ealert(3)%3C/script%3E", []string{`value="&lt;script&gt;alert(3)&lt;/script&gt;"`}, []string{"<script>alert(3)"}},
			{"no words", "?q=%22%22+***+%21%21", []string{"Type a word or two"}, []string{"found"}},
			{"nothing matches", "?q=zeppelin", []string{"Nothing matched"}, nil},
			{"long query cut", "?q=" + strings.Repeat("compost+", 1500), []string{"only its first 12 words", "found"}, nil},
			{"past the last page", "?q=compost&page=9", []string{"There are no more results."}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp, body := fetch(t, ts, "GET", "/search"+tt.query)
				if resp.StatusCode != 200 {
					t.Fatalf("status %d", resp.StatusCode)
				}
				for _, w := range tt.want {
					if !bytes.Contains(body, []byte(w)) {
						t.Errorf("page lacks %q", w)
					}
				}
				for _, w := range tt.not {
					if bytes.Contains(body, []byte(w)) {
						t.Errorf("page has %q", w)
					}
				}
			})
		}
		// Pages of results link each other with the query kept.
		_, body := fetch(t, ts, "GET", "/search?q=the")
		if !bytes.Contains(body, []byte(`rel="next" href="/search?page=2&amp;q=the"`)) {
			t.Errorf("first page of results has no next link")
		}
		if resp, _ := fetch(t, ts, "GET", "/search?q=the&page=two"); resp.StatusCode != 400 {
			t.Errorf("page=two: status %d, want 400", resp.StatusCode)
		}
		// Whatever the query, never a server error.
		for _, q := range []string{"%00", "%FF%FE", "NEAR(a+b)", "a+OR+b", "%22", "*", "%E2%80%AE", "title%3Ax", "-harbour", "a%27b", strings.Repeat("%22a*+", 2000)} {
			if resp, _ := fetch(t, ts, "GET", "/search?q="+q); resp.StatusCode != 200 {
				t.Errorf("q=%.40s: status %d", q, resp.StatusCode)
			}
		}
	})
}

func TestFeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, _ := readingSite(t, s, nil)
		ctx := context.Background()
		newest := newestArticle(t, s)
		src, err := s.Source(ctx, newest.SourceID)
		if err != nil {
			t.Fatal(err)
		}
		scopes := []struct {
			prefix string
			filter store.ArticleFilter
		}{
			{"", store.ArticleFilter{}},
			{"/source/" + src.Slug, store.ArticleFilter{SourceID: src.ID}},
			{"/tag/" + newest.Tags[0].Slug, store.ArticleFilter{TagSlug: newest.Tags[0].Slug}},
			{"/author/news-hound", store.ArticleFilter{AccountID: newest.AccountID}},
		}
		formats := []struct {
			file, ctype, feedType string
		}{
			{"/feed.xml", "application/rss+xml; charset=utf-8", "rss"},
			{"/atom.xml", "application/atom+xml; charset=utf-8", "atom"},
			{"/feed.json", "application/feed+json; charset=utf-8", "json"},
		}
		for _, sc := range scopes {
			sc.filter.Limit = feedItems
			want, _, err := s.Articles(ctx, sc.filter)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range formats {
				path := sc.prefix + f.file
				t.Run(path, func(t *testing.T) {
					resp, body := fetch(t, ts, "GET", path)
					if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != f.ctype {
						t.Fatalf("status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
					}
					feed, err := gofeed.NewParser().ParseString(string(body))
					if err != nil {
						t.Fatalf("our feed does not parse: %v\n%s", err, body)
					}
					if feed.FeedType != f.feedType {
						t.Errorf("parsed as %s", feed.FeedType)
					}
					var titles, wantTitles []string
					for _, it := range feed.Items {
						titles = append(titles, it.Title)
					}
					for _, a := range want {
						wantTitles = append(wantTitles, a.Title)
					}
					if diff := cmp.Diff(wantTitles, titles); diff != "" {
						t.Errorf("items (-want +got):\n%s", diff)
					}
					first := feed.Items[0]
					if first.Link != "https://hound.example/a/"+want[0].Slug {
						t.Errorf("first link %q", first.Link)
					}
					if first.PublishedParsed == nil || !first.PublishedParsed.Equal(want[0].PublishedAt.Truncate(time.Second)) {
						t.Errorf("first published %v, want %v", first.PublishedParsed, want[0].PublishedAt)
					}
					if len(first.Authors) == 0 || first.Authors[0].Name != want[0].Authors[0].Name {
						t.Errorf("first authors %+v", first.Authors)
					}
					if !strings.Contains(first.Content, "<p>") || !strings.Contains(first.Content, `src="https://hound.example/static/demo/`) {
						t.Errorf("first item's content lacks the body with absolute image links:\n%.300s", first.Content)
					}
				})
			}
		}
		for _, p := range []string{"/source/nobody/feed.xml", "/tag/nothing/atom.xml", "/author/nobody/feed.json"} {
			if resp, _ := fetch(t, ts, "GET", p); resp.StatusCode != 404 {
				t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
			}
		}
	})
}

func TestSitemaps(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts, _ := readingSite(t, s, nil)
		ctx := context.Background()
		arts, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		srcs, _ := s.Sources(ctx)
		accs, _ := s.Accounts(ctx)
		tags, _ := s.Tags(ctx)
		type urlset struct {
			URLs []struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
				News    struct {
					Title string `xml:"title"`
					Date  string `xml:"publication_date"`
					Name  string `xml:"publication>name"`
				} `xml:"news"`
			} `xml:"url"`
		}
		var set urlset
		resp, body := fetch(t, ts, "GET", "/sitemap.xml")
		if resp.StatusCode != 200 {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if err := xml.Unmarshal(body, &set); err != nil {
			t.Fatal(err)
		}
		if want := 1 + len(srcs) + len(accs) + len(tags) + total; len(set.URLs) != want {
			t.Errorf("sitemap has %d URLs, want %d", len(set.URLs), want)
		}
		found := false
		for _, u := range set.URLs {
			if u.Loc == "https://hound.example/a/"+arts[0].Slug && u.LastMod != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("sitemap lacks the newest article with its date")
		}

		var news urlset
		_, body = fetch(t, ts, "GET", "/news-sitemap.xml")
		if err := xml.Unmarshal(body, &news); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, a := range arts {
			if time.Since(a.PublishedAt) <= newsWindow {
				want = append(want, "https://hound.example/a/"+a.Slug)
			}
		}
		var got []string
		for _, u := range news.URLs {
			got = append(got, u.Loc)
			if u.News.Title == "" || u.News.Name != "Demo Hound" || u.News.Date == "" {
				t.Errorf("news entry %s lacks title, publication or date: %+v", u.Loc, u.News)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("news sitemap (-want +got):\n%s", diff)
		}
		_, body = fetch(t, ts, "GET", "/robots.txt")
		if !bytes.Contains(body, []byte("Sitemap: https://hound.example/sitemap.xml")) {
			t.Errorf("robots.txt:\n%s", body)
		}
	})
}

func TestArticleMetadata(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a := func() news.Article { // the demo's newest article, read after seeding
			ts, _ := readingSite(t, s, nil)
			a := newestArticle(t, s)
			_, body := fetch(t, ts, "GET", "/a/"+a.Slug)
			ours := "https://hound.example/a/" + a.Slug
			for _, want := range []string{
				`<link rel="canonical" href="` + a.OriginalURL + `">`,
				// html/template writes + in attributes as &#43;, which reads as +.
				`<link rel="alternate" type="application/rss&#43;xml" title="Demo Hound (RSS)" href="/feed.xml">`,
				`<link rel="alternate" type="application/atom&#43;xml"`, `<link rel="alternate" type="application/feed&#43;json"`,
				`<meta property="og:type" content="article">`,
				`<meta property="og:title" content="` + escaped(a.Title) + `">`,
				`<meta property="og:url" content="` + ours + `">`,
				`<meta property="og:image" content="https://hound.example/static/demo/`,
				`<meta property="article:published_time" content="` + a.PublishedAt.UTC().Format(time.RFC3339) + `">`,
				`<meta name="twitter:card" content="summary_large_image">`,
				`<script type="application/ld+json">`,
			} {
				if !bytes.Contains(body, []byte(want)) {
					t.Errorf("article page lacks %q", want)
				}
			}
			ld := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindSubmatch(body)
			if ld == nil {
				t.Fatal("no JSON-LD")
			}
			var got map[string]any
			if err := json.Unmarshal(ld[1], &got); err != nil {
				t.Fatalf("JSON-LD does not parse: %v\n%s", err, ld[1])
			}
			for k, v := range map[string]any{"@type": "NewsArticle", "headline": a.Title, "isBasedOn": a.OriginalURL, "url": ours, "mainEntityOfPage": ours} {
				if got[k] != v {
					t.Errorf("JSON-LD %s = %v, want %v", k, got[k], v)
				}
			}
			// Listing pages link their own feeds too.
			_, body = fetch(t, ts, "GET", "/tag/"+a.Tags[0].Slug)
			if !bytes.Contains(body, []byte(`href="/tag/`+a.Tags[0].Slug+`/atom.xml"`)) {
				t.Errorf("tag page does not link its feed")
			}
			return a
		}()

		ts, _ := readingSite(t, s, func(c *Config) { c.CanonicalSelf = true })
		_, body := fetch(t, ts, "GET", "/a/"+a.Slug)
		if want := `<link rel="canonical" href="https://hound.example/a/` + a.Slug + `">`; !bytes.Contains(body, []byte(want)) {
			t.Errorf("with CanonicalSelf the page lacks %q", want)
		}
	})
}

// TestJSONLDCannotEndTheScript stores a title that tries to close the
// JSON-LD element; html/template must escape it inside the JSON.
func TestJSONLDCannotEndTheScript(t *testing.T) {
	s := storetest.SQLite(t)
	ts, _ := readingSite(t, s, nil)
	a := news.Article{SourceID: newestArticle(t, s).SourceID, Title: `</script><script>alert(1)</script>`, BodyHTML: "<p>x</p>"}
	if err := s.CreateArticle(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	_, body := fetch(t, ts, "GET", "/a/"+a.Slug)
	if bytes.Contains(body, []byte("<script>alert(1)")) {
		t.Error("a title broke out of the JSON-LD block")
	}
	if !bytes.Contains(body, []byte(`\u003c/script\u003e\u003cscript\u003ealert(1)`)) {
		t.Errorf("JSON-LD does not carry the title escaped")
	}
}

func TestCounterText(t *testing.T) {
	tests := []struct {
		format       string
		views, today int64
		want         string
		err          bool
	}{
		{DefaultCounterText, 1, 1, "Visited 1 time, 1 visit today", false},
		{DefaultCounterText, 1234, 0, "Visited 1234 times, 0 visits today", false},
		{"Read {views}× — {today} readers <today>", 5, 2, "Read 5× — 2 readers &lt;today&gt;", false},
		{"{today|one <b>reader</b>|many}", 1, 1, "one &lt;b&gt;reader&lt;/b&gt;", false},
		{"Seen {count} times", 0, 0, "", true},
		{"Seen {views times", 0, 0, "", true},
		{"{views|a}", 0, 0, "", true},
	}
	for _, tt := range tests {
		f, err := ParseCounterText(tt.format)
		if (err != nil) != tt.err {
			t.Errorf("%q: err %v", tt.format, err)
			continue
		}
		if err == nil {
			if got := string(f.appendText(nil, tt.views, tt.today)); got != tt.want {
				t.Errorf("%q with %d, %d: %q, want %q", tt.format, tt.views, tt.today, got, tt.want)
			}
		}
	}
	if _, err := New(Config{Store: storetest.SQLite(t), CounterText: "{nope}"}); err == nil {
		t.Error("New accepted a bad counter text")
	}
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestJoinTokenIsFreshOnCachedPages checks the join form's token hole: a
// cached article page carries a token minted for the response (reused for
// at most tokenReuse), never one frozen into the cache.
func TestJoinTokenIsFreshOnCachedPages(t *testing.T) {
	s := storetest.SQLite(t)
	if _, err := demo.Seed(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	ts := joinSite(t, s, time.Millisecond, 0)
	path := "/a/" + newestArticle(t, s).Slug
	first := formToken(t, ts, path)
	time.Sleep(tokenReuse + 20*time.Millisecond)
	second := formToken(t, ts, path)
	if first == second {
		t.Errorf("two views %s apart got the same token %q: it is cached with the page", tokenReuse, first)
	}
	for _, tok := range []string{first, second} {
		if strings.HasPrefix(tok, "nh") {
			t.Errorf("token %q looks like a hole's placeholder", tok)
		}
	}
}

// TestStaticCompressed checks that text assets come gzip- or
// brotli-compressed (made once, at start) and revalidate per encoding.
func TestStaticCompressed(t *testing.T) {
	ts, _ := readingSite(t, storetest.SQLite(t), nil)
	for _, p := range []string{"/static/style.css", "/static/favicon.svg"} {
		_, plain := fetch(t, ts, "GET", p)
		tags := map[string]bool{}
		for _, enc := range []string{"br", "gzip"} {
			resp, body := fetch(t, ts, "GET", p, "Accept-Encoding", enc)
			if resp.Header.Get("Content-Encoding") != enc || resp.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s with %s: Content-Encoding %q, Vary %q", p, enc, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
				continue
			}
			if enc == "br" {
				var err error
				if body, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body))); err != nil {
					t.Fatal(err)
				}
			} else {
				body = gunzip(t, body)
			}
			if !bytes.Equal(body, plain) {
				t.Errorf("%s in %s decodes to something else", p, enc)
			}
			etag := resp.Header.Get("ETag")
			tags[etag] = true
			if resp, _ := fetch(t, ts, "GET", p, "Accept-Encoding", enc, "If-None-Match", etag); resp.StatusCode != 304 {
				t.Errorf("%s in %s: revalidation status %d", p, enc, resp.StatusCode)
			}
		}
		if len(tags) != 2 {
			t.Errorf("%s: the encodings share an ETag", p)
		}
	}
	resp, _ := fetch(t, ts, "GET", "/static/favicon.svg", "Accept-Encoding", "gzip")
	if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("compressed SVG lost its CSP")
	}
}
