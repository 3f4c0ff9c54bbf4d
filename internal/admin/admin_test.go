package admin

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/auth"
	"newshound/internal/fetch"
	"newshound/internal/ingest"
	"newshound/internal/ingest/ingesttest"
	"newshound/internal/news"
	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

const (
	adminEmail  = "organiser@example.net"
	adminPass   = "a long and secret passphrase"
	editorEmail = "editor@example.net"
	editorPass  = "another secret passphrase"
)

// fixture is an admin site on a real HTTP server over a real store, with
// an admin, an editor, one source, two articles and two sign-ups.
type fixture struct {
	st      *store.Store
	ts      *httptest.Server
	source  news.Source
	article news.Article
	other   news.Article
	person  int64            // sign-up of Zoë, from the article
	second  int64            // sign-up of Ada, from /join
	site    *ingesttest.Site // a news site on 127.0.0.1 with a feed at /feed.xml
	in      *ingest.Ingester
}

func newFixture(t *testing.T, st *store.Store, o auth.Options, edit ...func(*Config)) *fixture {
	t.Helper()
	ctx := context.Background()
	a := auth.New(st, o)
	for _, u := range []struct {
		email, pass string
		role        auth.Role
	}{{adminEmail, adminPass, auth.RoleAdmin}, {editorEmail, editorPass, auth.RoleEditor}} {
		if _, err := a.CreateUser(ctx, u.email, u.pass, u.role, store.User{}); err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{st: st, site: ingesttest.NewSite(t)}
	story := ingesttest.NewStory(7, 2, 6, time.Now().Add(-time.Hour))
	f.site.Feed("/feed.xml", "Harbour Post", []ingesttest.Item{f.site.Article("/ferry", "Harbour Post", story)})
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second})
	t.Cleanup(client.CloseIdleConnections)
	var err error
	if f.in, err = ingest.New(ingest.Options{Store: st, Fetcher: client}); err != nil {
		t.Fatal(err)
	}
	f.source = news.Source{Name: "Riverside Chronicle", HomepageURL: "https://chronicle.example/"}
	if err := st.CreateSource(ctx, &f.source); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Trams come in pairs", "The bridge reopens"} {
		art := news.Article{SourceID: f.source.ID, Title: title, Standfirst: "A standfirst.",
			OriginalURL: "https://chronicle.example/" + strconv.Itoa(i), BodyHTML: "<p>Body.</p>", BodyText: "Body.",
			PublishedAt: time.Date(2026, 3, 1+i, 9, 0, 0, 0, time.UTC), Tags: []news.Tag{{Name: "Transit"}}}
		if err := st.CreateArticle(ctx, &art); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.article = art
		} else {
			f.other = art
		}
	}
	consent := signup.DefaultForm().Consent
	if f.person, _, err = st.AddSignup(ctx, news.Signup{Name: "Zoë Ōkubo", Email: "zoe@example.org", City: "Leeds", Status: news.SignupNew},
		news.SignupEvent{ArticleID: f.article.ID, Consent: consent, Message: "Count me in."}); err != nil {
		t.Fatal(err)
	}
	if f.second, _, err = st.AddSignup(ctx, news.Signup{Name: "Ada Byron", Email: "ada@example.org", Country: "UK", Status: news.SignupNew},
		news.SignupEvent{Consent: consent}); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: st, Auth: a, Ingest: FromIngester(f.in, st), SiteName: "Test Hound", Logger: slog.New(slog.NewTextHandler(testLog{t}, nil))}
	for _, e := range edit {
		e(&cfg)
	}
	adm, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.ts = httptest.NewServer(adm.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

// client returns an HTTP client with its own cookie jar that does not
// follow redirects, logged in as email when email is not empty.
func (f *fixture) client(t *testing.T, email, pass string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if email == "" {
		return c
	}
	code, loc, body := f.post(t, c, "/admin/login", url.Values{"email": {email}, "password": {pass}, "next": {"/admin/"}})
	if code != http.StatusSeeOther || loc != "/admin/" {
		t.Fatalf("login as %s: %d to %q\n%s", email, code, loc, body)
	}
	return c
}

func (f *fixture) do(t *testing.T, c *http.Client, req *http.Request) (int, http.Header, string) {
	t.Helper()
	resp, err := c.Do(req)
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

func (f *fixture) get(t *testing.T, c *http.Client, path string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", f.ts.URL+path, nil)
	return f.do(t, c, req)
}

func (f *fixture) post(t *testing.T, c *http.Client, path string, form url.Values, header ...string) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", f.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	code, h, body := f.do(t, c, req)
	return code, h.Get("Location"), body
}

// TestAccess runs every admin route as nobody, as an editor and as an
// admin: anonymous requests never get through, editors never reach
// sign-ups, the blocklist or the audit log, and refused changes change
// nothing.
func TestAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, auth.Options{})
		adm, err := New(Config{Store: st, Auth: auth.New(st, auth.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		routes := adm.Routes()
		if len(routes) < 20 {
			t.Fatalf("only %d routes listed", len(routes))
		}
		clients := map[string]*http.Client{
			"anonymous": f.client(t, "", ""),
			"editor":    f.client(t, editorEmail, editorPass),
		}
		for _, rt := range routes {
			path := strings.NewReplacer("{$}", "", "{id}", "0").Replace(rt.Path)
			switch {
			case strings.HasPrefix(rt.Path, "/admin/signups/{id}"):
				path = strings.Replace(rt.Path, "{id}", strconv.FormatInt(f.person, 10), 1)
			case strings.HasPrefix(rt.Path, "/admin/articles/{id}"):
				path = strings.Replace(rt.Path, "{id}", strconv.FormatInt(f.article.ID, 10), 1)
			case strings.HasPrefix(rt.Path, "/admin/sources/{id}"):
				path = strings.Replace(rt.Path, "{id}", strconv.FormatInt(f.source.ID, 10), 1)
			}
			form := url.Values{"confirm": {"yes"}, "status": {"contacted"}, "domain": {"evil.example"}, "title": {"Hacked"}, "url": {"https://x.example/"}}
			for _, who := range []string{"anonymous", "editor"} {
				if who == "editor" && rt.Path == "/admin/logout" {
					continue // would end the session the other cases use; see TestLoginLogoutAndHeaders
				}
				t.Run(who+" "+rt.Method+" "+path, func(t *testing.T) {
					c := clients[who]
					var code int
					var loc string
					if rt.Method == "GET" {
						var h http.Header
						code, h, _ = f.get(t, c, path)
						loc = h.Get("Location")
					} else {
						code, loc, _ = f.post(t, c, path, form)
					}
					switch {
					case who == "anonymous" && rt.Method == "GET":
						if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/login?next=") {
							t.Errorf("got %d to %q, want a redirect to the login page", code, loc)
						}
					case who == "anonymous":
						if code != http.StatusUnauthorized {
							t.Errorf("got %d, want 401", code)
						}
					case rt.Role == auth.RoleAdmin:
						if code != http.StatusForbidden {
							t.Errorf("editor got %d, want 403", code)
						}
					default:
						if code == http.StatusUnauthorized || code == http.StatusForbidden {
							t.Errorf("editor refused with %d on an editor route", code)
						}
					}
				})
			}
		}
		// Nothing the refused requests asked for happened.
		p, err := st.Signup(context.Background(), f.person)
		if err != nil || p.Status != news.SignupNew {
			t.Errorf("sign-up after refused requests: %v, status %q", err, p.Status)
		}
		if bad, _ := st.IsDisposableDomain(context.Background(), "evil.example"); bad {
			t.Error("a refused request put a domain on the blocklist")
		}
	})
}

// TestSignupsPages works through the organiser's sign-up pages as an
// admin: list, search, filter, mark contacted, export, delete.
func TestSignupsPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, auth.Options{})
		c := f.client(t, adminEmail, adminPass)

		lists := []struct {
			query      string
			want, lack []string
		}{
			{"", []string{"Zoë Ōkubo", "Ada Byron", "2 people"}, nil},
			{"?q=LEEDS", []string{"Zoë Ōkubo", "1 person"}, []string{"Ada Byron"}},
			{"?q=ada%40example", []string{"Ada Byron"}, []string{"Zoë Ōkubo"}},
			{"?status=contacted", []string{"0 people", "Nobody matches."}, []string{"Ada Byron"}},
		}
		for _, l := range lists {
			t.Run("list"+l.query, func(t *testing.T) {
				code, h, body := f.get(t, c, "/admin/signups"+l.query)
				if code != 200 {
					t.Fatalf("status %d", code)
				}
				if h.Get("Cache-Control") != "no-store" {
					t.Errorf("Cache-Control %q", h.Get("Cache-Control"))
				}
				for _, w := range l.want {
					if !strings.Contains(body, w) {
						t.Errorf("lacks %q", w)
					}
				}
				for _, w := range l.lack {
					if strings.Contains(body, w) {
						t.Errorf("shows %q", w)
					}
				}
			})
		}

		id := strconv.FormatInt(f.person, 10)
		_, _, body := f.get(t, c, "/admin/signups/"+id)
		for _, w := range []string{"zoe@example.org", "Count me in.", `<a href="/a/` + f.article.Slug + `">Trams come in pairs</a>`, "Agreed to: “I agree that"} {
			if !strings.Contains(body, w) {
				t.Errorf("detail page lacks %q", w)
			}
		}

		code, loc, _ := f.post(t, c, "/admin/signups/"+id+"/status", url.Values{"status": {"contacted"}, "note": {"Called on 3 March, will come to Tuesday's meeting"}})
		if code != http.StatusSeeOther || loc != "/admin/signups/"+id+"?done=status" {
			t.Fatalf("mark contacted: %d to %q", code, loc)
		}
		p, err := st.Signup(ctx, f.person)
		if err != nil || p.Status != news.SignupContacted || !strings.HasPrefix(p.Note, "Called on 3 March") {
			t.Errorf("after marking: %v %q %q", err, p.Status, p.Note)
		}
		if _, _, body := f.get(t, c, "/admin/signups?status=contacted"); !strings.Contains(body, "Zoë Ōkubo") || strings.Contains(body, "Ada Byron") {
			t.Error("the contacted filter does not show exactly Zoë")
		}
		if code, _, _ := f.post(t, c, "/admin/signups/"+id+"/status", url.Values{"status": {"vip"}}); code != http.StatusBadRequest {
			t.Errorf("unknown status: %d, want 400", code)
		}

		// The CSV is byte for byte what `newshound signups export` writes.
		code, h, csv := f.get(t, c, "/admin/signups/export.csv")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
			t.Errorf("export: %d %q %q", code, h.Get("Content-Type"), h.Get("Content-Disposition"))
		}
		all, err := st.AllSignups(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := signup.WriteCSV(&want, all); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), csv); diff != "" {
			t.Errorf("CSV differs from the CLI's (-cli +admin):\n%s", diff)
		}

		// Delete needs the box ticked; then the person is gone.
		if code, _, _ := f.post(t, c, "/admin/signups/"+id+"/delete", url.Values{}); code != http.StatusBadRequest {
			t.Errorf("delete without confirmation: %d", code)
		}
		if code, loc, _ := f.post(t, c, "/admin/signups/"+id+"/delete", url.Values{"confirm": {"yes"}}); code != 303 || loc != "/admin/signups?done=deleted" {
			t.Errorf("delete: %d to %q", code, loc)
		}
		if _, err := st.Signup(ctx, f.person); err == nil {
			t.Error("deleted person still stored")
		}
		if code, _, _ := f.get(t, c, "/admin/signups/"+id); code != 404 {
			t.Errorf("deleted person's page: %d", code)
		}

		// The audit log has every action, without personal data.
		_, _, audit := f.get(t, c, "/admin/audit")
		for _, w := range []string{"signup.status", "marked sign-up #" + id + " contacted", "signup.export", "exported 2 sign-ups as CSV",
			"signup.delete", "deleted sign-up #" + id, adminEmail, "login"} {
			if !strings.Contains(audit, w) {
				t.Errorf("audit page lacks %q", w)
			}
		}
		for _, personal := range []string{"zoe@example.org", "Zoë", "Called on 3 March"} {
			if strings.Contains(audit, personal) {
				t.Errorf("audit page shows personal data %q", personal)
			}
		}
	})
}

func TestBlocklist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, auth.Options{})
		c := f.client(t, adminEmail, adminPass)
		if err := st.CountBlockedSignup(ctx, "honeypot", time.Now()); err != nil {
			t.Fatal(err)
		}
		if code, loc, _ := f.post(t, c, "/admin/blocklist/add", url.Values{"domain": {"Burner.Example"}}); code != 303 || loc != "/admin/blocklist?done=blocked" {
			t.Errorf("add: %d to %q", code, loc)
		}
		if bad, err := st.IsDisposableDomain(ctx, "burner.example"); err != nil || !bad {
			t.Errorf("burner.example not blocked: %v", err)
		}
		code, _, body := f.post(t, c, "/admin/blocklist/add", url.Values{"domain": {"not a domain"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, `value="not a domain"`) || !strings.Contains(body, "aria-invalid") {
			t.Errorf("bad domain: %d", code)
		}
		_, _, page := f.get(t, c, "/admin/blocklist")
		for _, w := range []string{"burner.example", "<td>honeypot</td><td class=\"num\">1</td>"} {
			if !strings.Contains(page, w) {
				t.Errorf("blocklist page lacks %q", w)
			}
		}
		if code, _, _ := f.post(t, c, "/admin/blocklist/remove", url.Values{"domain": {"burner.example"}}); code != 303 {
			t.Errorf("remove: %d", code)
		}
		if code, _, _ := f.post(t, c, "/admin/blocklist/remove", url.Values{"domain": {"burner.example"}}); code != 404 {
			t.Errorf("remove again: %d, want 404", code)
		}
		if bad, _ := st.IsDisposableDomain(ctx, "burner.example"); bad {
			t.Error("burner.example still blocked")
		}
	})
}

// TestContentPages works on sources, articles and counts as an editor.
func TestContentPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, auth.Options{})
		c := f.client(t, editorEmail, editorPass)
		aid := strconv.FormatInt(f.article.ID, 10)

		// Edit title, standfirst and tags; the slug stays.
		code, loc, _ := f.post(t, c, "/admin/articles/"+aid, url.Values{"title": {"Trams really do come in pairs"}, "standfirst": {"Now with data."}, "tags": {"Transit, City life ,, "}})
		if code != 303 || loc != "/admin/articles/"+aid+"?done=saved" {
			t.Fatalf("save: %d to %q", code, loc)
		}
		got, err := st.Article(ctx, f.article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Trams really do come in pairs" || got.Standfirst != "Now with data." || got.Slug != f.article.Slug {
			t.Errorf("after save: %q %q slug %q", got.Title, got.Standfirst, got.Slug)
		}
		if diff := cmp.Diff([]news.Tag{{Slug: "transit", Name: "Transit"}, {Slug: "city-life", Name: "City life"}}, got.Tags); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		code, _, body := f.post(t, c, "/admin/articles/"+aid, url.Values{"title": {"  "}, "standfirst": {"kept <typed>"}, "tags": {"a"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "The title cannot be empty.") || !strings.Contains(body, "kept &lt;typed&gt;") {
			t.Errorf("empty title: %d", code)
		}

		// Unpublish and publish again.
		if code, _, _ := f.post(t, c, "/admin/articles/"+aid+"/unpublish", nil); code != 303 {
			t.Errorf("unpublish: %d", code)
		}
		if got, _ := st.Article(ctx, f.article.ID); got.Status != news.StatusUnpublished {
			t.Errorf("status after unpublish %q", got.Status)
		}
		if _, _, body := f.get(t, c, "/admin/articles?status=unpublished"); !strings.Contains(body, "Trams really do come in pairs") || strings.Contains(body, "The bridge reopens") {
			t.Error("the unpublished filter shows the wrong articles")
		}
		if code, _, _ := f.post(t, c, "/admin/articles/"+aid+"/publish", nil); code != 303 {
			t.Errorf("publish: %d", code)
		}
		if got, _ := st.Article(ctx, f.article.ID); got.Status != news.StatusPublished {
			t.Errorf("status after publish %q", got.Status)
		}
		// An article that ingestion never fetched cannot be extracted again;
		// the page says why.
		if code, _, body := f.post(t, c, "/admin/articles/"+aid+"/reextract", nil); code != 422 || !strings.Contains(body, "no stored original page") {
			t.Errorf("reextract of a hand-made article: %d", code)
		}
		if code, _, _ := f.get(t, c, "/admin/articles/999999"); code != 404 {
			t.Errorf("missing article: %d", code)
		}

		// Sources: add a real feed through ingestion, poll it, pause,
		// resume, see health and errors; re-extract what it brought in.
		if code, loc, _ := f.post(t, c, "/admin/sources", url.Values{"url": {f.site.URL + "/feed.xml"}, "name": {"Harbour Post"}}); code != 303 || loc != "/admin/sources?done=added" {
			t.Fatalf("add source: %d to %q", code, loc)
		}
		if code, _, body := f.post(t, c, "/admin/sources", url.Values{"url": {f.site.URL + "/feed.xml"}, "name": {"Again"}}); code != 409 || !strings.Contains(body, `value="Again"`) {
			t.Errorf("add the same feed again: %d", code)
		}
		if code, _, body := f.post(t, c, "/admin/sources", url.Values{"url": {""}, "name": {"Typed name"}}); code != 422 || !strings.Contains(body, `value="Typed name"`) {
			t.Errorf("add without URL: %d", code)
		}
		harbour, err := st.SourceBySlug(ctx, "harbour-post")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.in.RunOnce(ctx, true, nil); err != nil {
			t.Fatal(err)
		}
		ingested, _, err := st.Articles(ctx, store.ArticleFilter{SourceID: harbour.ID, Limit: 5})
		if err != nil || len(ingested) != 1 {
			t.Fatalf("ingested %d articles (%v)", len(ingested), err)
		}
		iid := strconv.FormatInt(ingested[0].ID, 10)
		if code, loc, _ := f.post(t, c, "/admin/articles/"+iid+"/reextract", nil); code != 303 || loc != "/admin/articles/"+iid+"?done=reextracted" {
			t.Errorf("reextract an ingested article: %d to %q", code, loc)
		}
		hid := strconv.FormatInt(harbour.ID, 10)
		if code, _, _ := f.post(t, c, "/admin/sources/"+hid+"/pause", nil); code != 303 {
			t.Errorf("pause: %d", code)
		}
		if sf, err := st.SourceFeed(ctx, harbour.ID); err != nil || !sf.Paused {
			t.Errorf("not paused: %v", err)
		}
		if code, _, _ := f.post(t, c, "/admin/sources/"+strconv.FormatInt(f.source.ID, 10)+"/pause", nil); code != 409 {
			t.Errorf("pause a source that is not polled: %d, want 409", code)
		}
		_, _, page := f.get(t, c, "/admin/sources")
		for _, w := range []string{"Harbour Post", "paused by an organiser", "/admin/sources/" + hid + "/resume", "Riverside Chronicle"} {
			if !strings.Contains(page, w) {
				t.Errorf("sources page lacks %q", w)
			}
		}
		if code, _, _ := f.post(t, c, "/admin/sources/"+hid+"/resume", nil); code != 303 {
			t.Errorf("resume: %d", code)
		}
		// The feed breaks: the next poll's error shows on the page.
		f.site.Handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
		if _, err := f.in.RunOnce(ctx, true, nil); err != nil {
			t.Fatal(err)
		}
		_, _, page = f.get(t, c, "/admin/sources")
		for _, w := range []string{"failing (1)", "503"} {
			if !strings.Contains(page, w) {
				t.Errorf("sources page lacks %q after a failed poll", w)
			}
		}

		// Counts from stored views.
		today := dayNumber(time.Now().UTC())
		old := dayNumber(time.Now().UTC().AddDate(0, 0, -10))
		if err := st.AddViews(ctx, []store.ViewDelta{{ArticleID: f.article.ID, Day: today, Views: 5, Visitors: 3}, {ArticleID: f.other.ID, Day: old, Views: 40, Visitors: 30}}); err != nil {
			t.Fatal(err)
		}
		_, _, counts := f.get(t, c, "/admin/counts")
		sections := strings.Split(counts, "<h2>")
		if len(sections) != 4 {
			t.Fatalf("counts page has %d sections", len(sections)-1)
		}
		if !strings.Contains(sections[1], "Trams really do") || strings.Contains(sections[1], "The bridge reopens") {
			t.Error("today's list is wrong")
		}
		if !strings.Contains(sections[3], "The bridge reopens") || !strings.Contains(sections[3], ">40<") {
			t.Error("the 30-day list lacks the older article")
		}
		if strings.Contains(sections[2], "The bridge reopens") {
			t.Error("the 7-day list has a 10-day-old view")
		}

		// The audit log has the editor's actions (seen by an admin).
		entries, _, err := st.AuditLog(ctx, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range entries {
			if e.Actor == editorEmail {
				actions = append(actions, e.Action)
			}
		}
		want := []string{"source.resume", "source.pause", "article.reextract", "source.add", "article.publish", "article.unpublish", "article.edit", "login"}
		if diff := cmp.Diff(want, actions); diff != "" {
			t.Errorf("editor's audit entries, newest first (-want +got):\n%s", diff)
		}
	})
}

func TestLoginLogoutAndHeaders(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, auth.Options{FailuresPerEmail: 2})
	anon := f.client(t, "", "")

	code, h, body := f.get(t, anon, "/admin/login?next=//evil.example/")
	if code != 200 || !strings.Contains(body, `name="next" value="/admin/"`) {
		t.Errorf("login page: %d, next not made safe", code)
	}
	for k, want := range map[string]string{
		"X-Frame-Options": "DENY", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
	} {
		if h.Get(k) != want {
			t.Errorf("%s: %q, want %q", k, h.Get(k), want)
		}
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}

	code, _, body = f.post(t, anon, "/admin/login", url.Values{"email": {adminEmail}, "password": {"wrong password!"}})
	if code != http.StatusUnauthorized || !strings.Contains(body, "do not match") || !strings.Contains(body, `value="`+adminEmail+`"`) {
		t.Errorf("wrong password: %d", code)
	}
	f.post(t, anon, "/admin/login", url.Values{"email": {adminEmail}, "password": {"wrong again!!"}})
	if code, _, _ := f.post(t, anon, "/admin/login", url.Values{"email": {adminEmail}, "password": {adminPass}}); code != http.StatusTooManyRequests {
		t.Errorf("after 2 failures with a limit of 2: %d, want 429", code)
	}

	// A cross-site login or action is refused before it is looked at.
	if code, _, _ := f.post(t, anon, "/admin/login", url.Values{"email": {editorEmail}, "password": {editorPass}}, "Sec-Fetch-Site", "cross-site"); code != http.StatusForbidden {
		t.Errorf("cross-site login: %d", code)
	}

	c := f.client(t, editorEmail, editorPass)
	if code, _, _ := f.get(t, c, "/admin/"); code != 200 {
		t.Errorf("overview: %d", code)
	}
	if code, loc, _ := f.post(t, c, "/admin/logout", nil); code != 303 || loc != "/admin/login" {
		t.Errorf("logout: %d to %q", code, loc)
	}
	if code, _, _ := f.get(t, c, "/admin/"); code != http.StatusSeeOther {
		t.Errorf("after logout: %d, want a redirect to login", code)
	}

	// Sessions expire. A site of its own with a 300ms MaxAge, so that the
	// steps above, which need a live session, never race the expiry on a
	// busy machine; a later request can only find the session older.
	short := newFixture(t, storetest.SQLite(t), auth.Options{MaxAge: 300 * time.Millisecond})
	c = short.client(t, editorEmail, editorPass)
	time.Sleep(350 * time.Millisecond)
	if code, _, _ := short.get(t, c, "/admin/"); code != http.StatusSeeOther {
		t.Errorf("after expiry: %d, want a redirect to login", code)
	}
}

// TestLoginLimitBehindProxy checks that behind a trusted proxy the
// per-visitor login limit goes by the address the proxy passes on, not by
// the proxy's own address, which every request here shares.
func TestLoginLimitBehindProxy(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t), auth.Options{FailuresPerClient: 1, FailuresPerEmail: 100},
		func(c *Config) { c.ClientIPHeader = "X-Forwarded-For" })
	wrong := url.Values{"email": {adminEmail}, "password": {"wrong password!"}}
	right := url.Values{"email": {adminEmail}, "password": {adminPass}, "next": {"/admin/"}}
	if code, _, _ := f.post(t, f.client(t, "", ""), "/admin/login", wrong, "X-Forwarded-For", "198.51.100.1"); code != http.StatusUnauthorized {
		t.Errorf("wrong password: %d, want 401", code)
	}
	if code, _, _ := f.post(t, f.client(t, "", ""), "/admin/login", right, "X-Forwarded-For", "203.0.113.9"); code != http.StatusSeeOther {
		t.Errorf("another visitor's login: %d, want 303 (the limit is per visitor)", code)
	}
	if code, _, _ := f.post(t, f.client(t, "", ""), "/admin/login", right, "X-Forwarded-For", "198.51.100.1"); code != http.StatusTooManyRequests {
		t.Errorf("the failing visitor again: %d, want 429", code)
	}
}

// TestEveryTemplateRenders fails when a template is never rendered by the
// pages the tests visit.
func TestEveryTemplateRenders(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, auth.Options{})
	c := f.client(t, adminEmail, adminPass)
	pages := map[string]string{
		"dashboard.html": "/admin/", "signups.html": "/admin/signups", "signup.html": "/admin/signups/" + strconv.FormatInt(f.second, 10),
		"blocklist.html": "/admin/blocklist", "sources.html": "/admin/sources", "articles.html": "/admin/articles",
		"article.html": "/admin/articles/" + strconv.FormatInt(f.other.ID, 10), "counts.html": "/admin/counts",
		"audit.html": "/admin/audit", "error.html": "/admin/nothing-here",
	}
	for page, path := range pages {
		code, _, body := f.get(t, c, path)
		if (code != 200 && page != "error.html") || !strings.Contains(body, "</html>") {
			t.Errorf("%s via %s: %d", page, path, code)
		}
		if strings.Contains(body, "<script") || strings.Contains(body, "style=") {
			t.Errorf("%s has inline script or style", page)
		}
	}
	_, _, login := f.get(t, f.client(t, "", ""), "/admin/login")
	if !strings.Contains(login, `name="password"`) {
		t.Error("login page lacks the password field")
	}
	pages["login.html"] = "/admin/login"
	adm, _ := New(Config{Store: st, Auth: auth.New(st, auth.Options{})})
	for name := range adm.pages {
		if _, ok := pages[name]; !ok {
			t.Errorf("template %s is not visited by this test", name)
		}
	}
}

// testLog sends the admin's log lines to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}
