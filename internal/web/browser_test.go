package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"newshound/internal/browsertest"
	"newshound/internal/demo"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

// TestBrowser drives headless Chromium through the demo site: the home page
// and an article load, the article's title, a figure caption and its Source
// link are visible, footnote links work, nothing overflows a phone screen,
// and screenshots at 1280 and 375 px go to <repo>/artifacts/.
func TestBrowser(t *testing.T) {
	chromium := browsertest.Chromium(t)
	s := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := demo.Seed(ctx, s); err != nil {
		t.Fatal(err)
	}
	arts, _, err := s.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil || len(arts) == 0 {
		t.Fatalf("no demo article: %v", err)
	}
	art := arts[0]
	srv, err := New(Config{Store: s, SiteName: "Riverside Hound"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	artifacts := browsertest.ArtifactsDir(t)

	bctx := browsertest.Start(t, chromium)
	for _, width := range []int64{1280, 375} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			var opts []chromedp.EmulateViewportOption
			if width < 600 {
				opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(2))
			}
			steps := func(url string) error {
				return chromedp.Do(bctx,
					chromedp.EmulateViewport(width, 900, opts...),
					chromedp.Navigate(url),
					chromedp.WaitVisible(chromedp.CSS("main h1")),
				)
			}

			if err := steps(ts.URL + "/"); err != nil {
				t.Fatalf("load home: %v", err)
			}
			if got := visibleText(t, bctx, "main h1"); got != "Latest articles" {
				t.Errorf("home heading %q", got)
			}
			if got := visibleText(t, bctx, ".card h2 a"); got != art.Title {
				t.Errorf("first card %q, want the newest article %q", got, art.Title)
			}
			checkLayout(t, bctx, width)
			browsertest.Screenshot(t, bctx, filepath.Join(artifacts, fmt.Sprintf("home-%d.png", width)))

			// Follow the first card's link, as a reader would.
			if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(".card h2 a")), chromedp.WaitVisible(chromedp.CSS(".story h1"))); err != nil {
				t.Fatalf("open article from home: %v", err)
			}
			if got := visibleText(t, bctx, ".story h1"); got != art.Title {
				t.Errorf("article title %q, want %q", got, art.Title)
			}
			if got := visibleText(t, bctx, ".body figure figcaption"); got == "" {
				t.Error("no visible figure caption in the body")
			}
			if got := visibleText(t, bctx, ".story > .figure figcaption"); !strings.Contains(got, art.LeadImage.Caption) {
				t.Errorf("lead caption %q, want it to contain %q", got, art.LeadImage.Caption)
			}
			src, err := s.Source(ctx, art.SourceID)
			if err != nil {
				t.Fatal(err)
			}
			if got := visibleText(t, bctx, ".source-line"); got != "Source: "+art.Title+" — "+src.Name {
				t.Errorf("source line %q", got)
			}
			href, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector(".source-line a").href`))
			if err != nil || href != art.OriginalURL {
				t.Errorf("source link %q (%v), want %q", href, err, art.OriginalURL)
			}
			if got := visibleText(t, bctx, ".author-box"); !strings.Contains(got, "News Hound") {
				t.Errorf("author box %q", got)
			}
			checkLayout(t, bctx, width)
			if width >= 1024 {
				if n := charsPerLine(t, bctx, ".body > p"); n < 55 || n > 80 {
					t.Errorf("body text runs %d characters per line; a readable measure is about 65-75", n)
				}
			}
			browsertest.Screenshot(t, bctx, filepath.Join(artifacts, fmt.Sprintf("article-%d.png", width)))

			// Footnote reference -> note -> back-link, by clicking.
			if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS("#fnref-1 a"))); err != nil {
				t.Fatal(err)
			}
			if loc := browsertest.Location(t, bctx); !strings.HasSuffix(loc, "#fn-1") {
				t.Errorf("after clicking footnote 1: at %s, want #fn-1", loc)
			}
			if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#fn-1 a[href="#fnref-1"]`))); err != nil {
				t.Fatal(err)
			}
			if loc := browsertest.Location(t, bctx); !strings.HasSuffix(loc, "#fnref-1") {
				t.Errorf("after clicking the back-link: at %s, want #fnref-1", loc)
			}

			// The same page for a reader who prefers a dark scheme.
			if err := chromedp.Do(bctx, colorScheme("dark"), chromedp.Navigate(ts.URL+"/a/"+art.Slug), chromedp.WaitVisible(chromedp.CSS(".story h1"))); err != nil {
				t.Fatal(err)
			}
			bg, err := chromedp.Run(bctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
			if err != nil || bg != "rgb(22, 19, 17)" {
				t.Errorf("dark scheme background %q (%v), want rgb(22, 19, 17)", bg, err)
			}
			browsertest.Screenshot(t, bctx, filepath.Join(artifacts, fmt.Sprintf("article-%d-dark.png", width)))
			if err := chromedp.Do(bctx, colorScheme("light")); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// colorScheme makes the page match prefers-color-scheme: scheme.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// visibleText returns the text of the first element matching sel when it is
// rendered with a size and not hidden, and "" otherwise.
func visibleText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	q, _ := json.Marshal(sel)
	js := `(() => {
		const e = document.querySelector(` + string(q) + `);
		if (!e) return "";
		const r = e.getBoundingClientRect(), s = getComputedStyle(e);
		if (r.width === 0 || r.height === 0 || s.visibility === "hidden" || s.display === "none") return "";
		return e.innerText.replace(/\s+/g, " ").trim();
	})()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return got
}

// checkLayout fails when the page scrolls sideways at this width or an
// image did not load.
func checkLayout(t *testing.T, ctx context.Context, width int64) {
	t.Helper()
	type layout struct {
		ScrollWidth int64    `json:"scrollWidth"`
		Broken      []string `json:"broken"`
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("[...document.images].every(i => i.complete)",
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("images still loading: %v", err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`({
		scrollWidth: document.documentElement.scrollWidth,
		broken: [...document.images].filter(i => i.naturalWidth === 0).map(i => i.src),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if r.ScrollWidth > width {
		t.Errorf("page is %d px wide in a %d px window: something overflows", r.ScrollWidth, width)
	}
	if len(r.Broken) > 0 {
		t.Errorf("images failed to load: %v", r.Broken)
	}
}

// charsPerLine estimates the characters per full line of the longest
// paragraph matching sel from its length and its number of lines.
func charsPerLine(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	q, _ := json.Marshal(sel)
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => {
		const ps = [...document.querySelectorAll(`+string(q)+`)];
		const p = ps.reduce((a, b) => b.textContent.length > a.textContent.length ? b : a);
		const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
		return Math.round(p.textContent.length / Math.max(lines - 0.5, 1)); // the last line is about half full
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
