package web

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"newshound/internal/browsertest"
	"newshound/internal/store/storetest"
)

// Desktop browser User-Agents for the browser test. Headless Chromium's own
// says "HeadlessChrome", which the counter rightly takes for a robot.
const (
	uaVisitorA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"
	uaVisitorB = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"
)

// TestBrowserReading drives headless Chromium through what a reader sees
// beyond the article: the visit counter goes up for a new visitor but a
// reload by the same one adds a view and no visitor; the Recommended block
// shows five links; the search form finds a known demo article; and
// screenshots of the home, article and search pages at 1280 and 375 px go
// to <repo>/artifacts/.
func TestBrowserReading(t *testing.T) {
	chromium := browsertest.Chromium(t)
	s := storetest.SQLite(t)
	ts, _ := readingSite(t, s, func(c *Config) { c.SiteName = "Riverside Hound"; c.BaseURL = "" })
	art := newestArticle(t, s)
	artifacts := browsertest.ArtifactsDir(t)
	bctx := browsertest.Start(t, chromium)
	// The browser must not answer a reload from its cache: we read the
	// counter the server sends for each view.
	if err := chromedp.Do(bctx, cacheDisabled(), userAgent(uaVisitorA)); err != nil {
		t.Fatal(err)
	}

	counter := func() (views, today int) {
		t.Helper()
		text := visibleText(t, bctx, ".visits")
		m := regexp.MustCompile(`^Visited (\d+) times?, (\d+) visits? today$`).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("visit counter %q not shown as expected", text)
		}
		views, _ = strconv.Atoi(m[1])
		today, _ = strconv.Atoi(m[2])
		return views, today
	}
	open := func(url, wait string) {
		t.Helper()
		if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(wait))); err != nil {
			t.Fatalf("open %s: %v", url, err)
		}
	}

	open(ts.URL+"/a/"+art.Slug, ".visits")
	v0, d0 := counter()
	if v0 != 1 || d0 != 1 {
		t.Errorf("first view shows %d views, %d today; want 1 and 1", v0, d0)
	}
	if err := chromedp.Do(bctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".visits"))); err != nil {
		t.Fatal(err)
	}
	if v, d := counter(); v != v0+1 || d != d0 {
		t.Errorf("after a reload by the same visitor: %d views, %d today; want %d and %d", v, d, v0+1, d0)
	}
	if err := chromedp.Do(bctx, userAgent(uaVisitorB)); err != nil {
		t.Fatal(err)
	}
	open(ts.URL+"/a/"+art.Slug, ".visits")
	if v, d := counter(); v != v0+2 || d != d0+1 {
		t.Errorf("a new visitor: %d views, %d today; want %d and %d", v, d, v0+2, d0+1)
	}

	n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".recommended li a")].filter(a => a.getBoundingClientRect().height > 0).length`))
	if err != nil || n != 5 {
		t.Errorf("Recommended block shows %d links (%v), want 5", n, err)
	}
	if got := visibleText(t, bctx, ".recommended h2"); got != "Recommended for you" {
		t.Errorf("Recommended heading %q", got)
	}

	// Search as a reader would: type in the box, press the button.
	open(ts.URL+"/", ".card h2 a")
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`nav a[href="/search"]`)), chromedp.WaitVisible(chromedp.CSS("#search-q"))); err != nil {
		t.Fatalf("open search from the menu: %v", err)
	}
	if err := chromedp.Do(bctx,
		chromedp.SendKeys(chromedp.CSS("#search-q"), "compost heap"),
		chromedp.Click(chromedp.CSS(".search-row button")),
		chromedp.WaitVisible(chromedp.CSS(".result h2 a")),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	if got := visibleText(t, bctx, ".result h2 a"); got != "A compost heap that earns its corner of a small yard" {
		t.Errorf("first result %q", got)
	}
	if got := visibleText(t, bctx, ".result mark"); !strings.EqualFold(got, "compost") && !strings.EqualFold(got, "heap") {
		t.Errorf("first highlight %q", got)
	}

	for _, width := range []int64{1280, 375} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			var opts []chromedp.EmulateViewportOption
			if width < 600 {
				opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(2))
			}
			if err := chromedp.Do(bctx, chromedp.EmulateViewport(width, 900, opts...)); err != nil {
				t.Fatal(err)
			}
			for _, p := range []struct{ name, path, wait string }{
				{"reading-home", "/", ".card h2 a"},
				{"reading-article", "/a/" + art.Slug, ".recommended"},
				{"search", "/search?q=bread", ".result h2 a"},
			} {
				open(ts.URL+p.path, p.wait)
				checkLayout(t, bctx, width)
				browsertest.Screenshot(t, bctx, filepath.Join(artifacts, fmt.Sprintf("%s-%d.png", p.name, width)))
			}
		})
	}
}

// userAgent makes the browser send ua from now on.
func userAgent(ua string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua})
		return err
	})
}

// cacheDisabled makes every navigation and reload go to the server.
func cacheDisabled() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})
}
