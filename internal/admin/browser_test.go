package admin

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"newshound/internal/auth"
	"newshound/internal/browsertest"
	"newshound/internal/demo"
	"newshound/internal/httpsec"
	"newshound/internal/news"
	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
	"newshound/internal/web"
)

// TestBrowserJoinAndAdmin drives headless Chromium as a reader and then as
// an organiser: the Join block under an article is filled in with
// JavaScript off and on, sent with mistakes (everything typed comes back,
// the mistakes marked), then sent right; the organiser logs in, finds the
// person, marks them contacted and exports the CSV. Screenshots go to
// <repo>/artifacts/.
func TestBrowserJoinAndAdmin(t *testing.T) {
	chromium := browsertest.Chromium(t)
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := demo.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	arts, _, err := st.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil || len(arts) == 0 {
		t.Fatalf("no demo article: %v", err)
	}
	art := arts[0]
	a := auth.New(st, auth.Options{})
	if _, err := a.CreateUser(ctx, adminEmail, adminPass, auth.RoleAdmin, store.User{}); err != nil {
		t.Fatal(err)
	}
	// A short minimum fill-in time keeps the test quick; typing takes longer.
	desk, err := signup.New(signup.Config{Form: signup.DefaultForm(), Store: st, MinDelay: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	site, err := web.New(web.Config{Store: st, SiteName: "Riverside Hound", Join: desk})
	if err != nil {
		t.Fatal(err)
	}
	adm, err := New(Config{Store: st, Auth: a, SiteName: "Riverside Hound"})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", adm.Handler())
	mux.Handle("/", site.Handler())
	ts := httptest.NewServer(httpsec.Handler(mux, httpsec.Options{}))
	defer ts.Close()
	artifacts := browsertest.ArtifactsDir(t)
	bctx := browsertest.Start(t, chromium)

	for _, js := range []struct {
		name  string
		off   bool
		email string
	}{{"js-off", true, "zoe.nojs@example.org"}, {"js-on", false, "zoe.js@example.org"}} {
		t.Run(js.name, func(t *testing.T) {
			tab := newTab(t, bctx)
			run(t, tab, "open the article",
				chromedp.EmulateViewport(1000, 900),
				bypassCSP(),
				scriptsOff(js.off),
				chromedp.Navigate(ts.URL+"/a/"+art.Slug),
				chromedp.WaitVisible(chromedp.CSS(".join-form")))
			run(t, tab, "fill in with mistakes",
				chromedp.SendKeys(chromedp.CSS("#join-name"), "Zoë Ōkubo"),
				chromedp.SendKeys(chromedp.CSS("#join-email"), "zoe@@example"),
				chromedp.SendKeys(chromedp.CSS("#join-city"), "Leeds"),
				chromedp.SendKeys(chromedp.CSS("#join-message"), "Count me in."),
				chromedp.Sleep(400*time.Millisecond), // past the minimum fill-in time
				chromedp.Click(chromedp.CSS(".join-submit button")),
				chromedp.WaitVisible(chromedp.CSS("#join-alert")))
			if loc := browsertest.Location(t, tab); !strings.HasSuffix(loc, "/join") {
				t.Errorf("after a bad post: at %s, want /join", loc)
			}
			for sel, want := range map[string]string{"#join-name": "Zoë Ōkubo", "#join-email": "zoe@@example", "#join-city": "Leeds", "#join-message": "Count me in."} {
				if got := value(t, tab, sel); got != want {
					t.Errorf("%s came back as %q, want what was typed, %q", sel, got, want)
				}
			}
			if got := text(t, tab, "#join-email-error"); got == "" {
				t.Error("no message beside the email field")
			}
			if got := text(t, tab, "#join-consent-error"); got == "" {
				t.Error("no message beside the consent box")
			}
			if got := attr(t, tab, "#join-email", "aria-invalid"); got != "true" {
				t.Errorf("email aria-invalid %q", got)
			}
			if got := attr(t, tab, "#join-email", "aria-describedby"); got != "join-email-error" {
				t.Errorf("email aria-describedby %q", got)
			}
			if got := attr(t, tab, "#join-name", "aria-invalid"); got != "" {
				t.Errorf("a good name is marked invalid (%q)", got)
			}
			browsertest.Screenshot(t, tab, filepath.Join(artifacts, "join-errors-"+js.name+".png"))

			run(t, tab, "correct and send",
				chromedp.Clear(chromedp.CSS("#join-email")),
				chromedp.SendKeys(chromedp.CSS("#join-email"), js.email),
				chromedp.Click(chromedp.CSS("#join-consent")),
				chromedp.Sleep(400*time.Millisecond),
				chromedp.Click(chromedp.CSS(".join-submit button")),
				chromedp.WaitVisible(chromedp.CSS(".join-thanks")))
			if loc := browsertest.Location(t, tab); !strings.HasSuffix(loc, "/join/thanks") {
				t.Errorf("after a good post: at %s", loc)
			}
			if got := text(t, tab, ".join-thanks"); got != signup.DefaultForm().Thanks {
				t.Errorf("thanks %q", got)
			}
			browsertest.Screenshot(t, tab, filepath.Join(artifacts, "join-thanks-"+js.name+".png"))

			people, _, err := st.Signups(ctx, store.SignupFilter{Query: js.email})
			if err != nil || len(people) != 1 {
				t.Fatalf("stored: %d people, %v", len(people), err)
			}
			p := people[0]
			if p.Name != "Zoë Ōkubo" || p.City != "Leeds" || len(p.Events) != 1 || p.Events[0].ArticleID != art.ID {
				t.Errorf("stored %q %q, events %+v; want one from article %d", p.Name, p.City, p.Events, art.ID)
			}
		})
	}

	t.Run("organiser", func(t *testing.T) {
		tab := newTab(t, bctx)
		run(t, tab, "log in",
			chromedp.EmulateViewport(1280, 900),
			bypassCSP(),
			chromedp.Navigate(ts.URL+"/admin/signups"),
			chromedp.WaitVisible(chromedp.CSS("#password")),
			chromedp.SendKeys(chromedp.CSS("#email"), adminEmail),
			chromedp.SendKeys(chromedp.CSS("#password"), adminPass),
			chromedp.Click(chromedp.CSS("form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS("#q")))
		if loc := browsertest.Location(t, tab); !strings.HasSuffix(loc, "/admin/signups") {
			t.Errorf("after login: at %s, want back at /admin/signups", loc)
		}
		run(t, tab, "search",
			chromedp.SendKeys(chromedp.CSS("#q"), "zoe.nojs"),
			chromedp.Click(chromedp.CSS(".filters button")))
		waitText(t, tab, ".count", "1 person") // the list before the search had the table too
		if got := text(t, tab, "table.signups tbody"); !strings.Contains(got, "zoe.nojs@example.org") || strings.Contains(got, "zoe.js@") {
			t.Errorf("search results %q", got)
		}
		browsertest.Screenshot(t, tab, filepath.Join(artifacts, "admin-signups.png"))
		run(t, tab, "mark contacted",
			chromedp.Click(chromedp.CSS("table.signups tbody a")),
			chromedp.WaitVisible(chromedp.CSS("#note")),
			chromedp.SendKeys(chromedp.CSS("#status"), "contacted"), // type-ahead picks the option
			chromedp.SendKeys(chromedp.CSS("#note"), "Phoned; coming on Tuesday."),
			chromedp.Click(chromedp.CSS(`form[action$="/status"] button`)),
			chromedp.WaitVisible(chromedp.CSS(".notice")))
		if got := text(t, tab, ".facts"); !strings.Contains(got, "contacted") || !strings.Contains(got, "Phoned; coming on Tuesday.") {
			t.Errorf("after marking: %q", got)
		}
		browsertest.Screenshot(t, tab, filepath.Join(artifacts, "admin-signup-contacted.png"))

		// The CSV, fetched by the page with the organiser's session.
		csv, err := chromedp.Run(tab, chromedp.Evaluate[string](
			`fetch("/admin/signups/export.csv").then(r => r.ok ? r.text() : "HTTP " + r.status)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(csv), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], strings.Join(signup.CSVHeader, ",")) {
			t.Fatalf("CSV:\n%s", csv)
		}
		if !strings.Contains(csv, "zoe.nojs@example.org,Zoë Ōkubo,,Leeds,,contacted,Phoned; coming on Tuesday.") {
			t.Errorf("CSV lacks the contacted person:\n%s", csv)
		}
		p, _, err := st.Signups(ctx, store.SignupFilter{Status: news.SignupContacted})
		if err != nil || len(p) != 1 || p[0].Email != "zoe.nojs@example.org" {
			t.Errorf("contacted in the database: %v %v", p, err)
		}

		// On a phone the pages fit the screen; wide tables scroll in their box.
		run(t, tab, "phone width", chromedp.EmulateViewport(375, 800))
		for _, page := range []string{"/admin/signups", "/admin/sources", "/admin/articles", "/admin/audit"} {
			run(t, tab, page, chromedp.Navigate(ts.URL+page), chromedp.WaitVisible(chromedp.CSS("h1")))
			w, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if w > 375 {
				t.Errorf("%s is %d px wide at 375 px", page, w)
			}
		}
	})
}

// newTab opens a tab, closed when the test ends. It is opened here, on
// its own context, because a tab belongs to the context of its first
// action: opened inside run's timeout, it would close with it.
func newTab(t *testing.T, bctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return tab
}

// run performs actions in the tab, failing the test with what was being done.
func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for i, a := range actions {
		if err := chromedp.Do(ctx, a); err != nil {
			t.Fatalf("%s: step %d: %v", what, i+1, err)
		}
	}
}

// bypassCSP lets chromedp's own helper scripts run in pages whose
// Content-Security-Policy forbids eval; the pages themselves have none.
func bypassCSP() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
		return err
	})
}

// scriptsOff switches the page's JavaScript off (or on) in this tab.
func scriptsOff(off bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	})
}

// waitText waits until the text of sel is want.
func waitText(t *testing.T, ctx context.Context, sel, want string) {
	t.Helper()
	var got string
	for range 100 {
		// Mid-navigation the node may be gone; that is "not yet".
		tctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		v, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(sel)))
		cancel()
		if got = strings.Join(strings.Fields(v), " "); err == nil && got == want {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s reads %q, want %q", sel, got, want)
}

func value(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.Join(strings.Fields(v), " ")
}

func attr(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil {
		t.Fatalf("attribute %s of %s: %v", name, sel, err)
	}
	return v.Value
}
