package admin

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"newshound/internal/auth"
	"newshound/internal/httpsec"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
	"newshound/internal/web"
)

// TestPublicSiteFollows checks what organisers do reaches readers through
// the public site's page cache: an edited title shows, an unpublished
// article is gone, a published one is back.
func TestPublicSiteFollows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, auth.Options{})
		site, err := web.New(web.Config{Store: st, MaxStale: -1})
		if err != nil {
			t.Fatal(err)
		}
		adm, err := New(Config{Store: st, Auth: auth.New(st, auth.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("/admin/", adm.Handler())
		mux.Handle("/", site.Handler())
		f.ts.Close()
		f.ts = httptest.NewServer(httpsec.Handler(mux, httpsec.Options{}))
		defer f.ts.Close()
		c := f.client(t, editorEmail, editorPass)
		reader := f.client(t, "", "")
		page := "/a/" + f.article.Slug
		aid := strconv.FormatInt(f.article.ID, 10)

		steps := []struct {
			name   string
			post   string
			form   map[string]string
			status int
			want   string
		}{
			{"before", "", nil, 200, "<h1>Trams come in pairs</h1>"},
			{"edit", "/admin/articles/" + aid, map[string]string{"title": "Trams, in pairs, explained", "tags": "Transit"}, 200, "<h1>Trams, in pairs, explained</h1>"},
			{"unpublish", "/admin/articles/" + aid + "/unpublish", nil, 404, ""},
			{"publish", "/admin/articles/" + aid + "/publish", nil, 200, "<h1>Trams, in pairs, explained</h1>"},
		}
		for _, s := range steps {
			t.Run(s.name, func(t *testing.T) {
				if s.post != "" {
					form := map[string][]string{}
					for k, v := range s.form {
						form[k] = []string{v}
					}
					if code, _, _ := f.post(t, c, s.post, form); code != http.StatusSeeOther {
						t.Fatalf("POST %s: %d", s.post, code)
					}
				}
				// The cache reads the site's change counter on every
				// request here (MaxStale -1); allow a moment for a clock
				// tick, and a busy machine its while.
				var code int
				var body string
				for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
					code, _, body = f.get(t, reader, page)
					if code == s.status && strings.Contains(body, s.want) {
						return
					}
				}
				t.Errorf("reader got %d, want %d with %q", code, s.status, s.want)
			})
		}
	})
}
