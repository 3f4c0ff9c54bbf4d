package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestNoscriptCopy checks an app shell whose story is in JSON-LD and in a
// <noscript> copy: the copy's markup wins when it holds the story, and
// the plain articleBody stays when the <noscript> holds something else.
func TestNoscriptCopy(t *testing.T) {
	paras := []string{boundsProse + "The quay was rebuilt in 1990.", "Fares", boundsProse + "Fares rose twice."}
	ld, err := json.Marshal(map[string]string{"@type": "NewsArticle", "articleBody": strings.Join(paras, "\n")})
	if err != nil {
		t.Fatal(err)
	}
	shell := func(noscript string) string {
		return `<html><head><script type="application/ld+json">` + string(ld) + `</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><noscript>` + noscript + `</noscript>
<div id="root"><span class="loading">Loading…</span></div></body></html>`
	}
	copyHTML := `<p>Please enable JavaScript.</p><article><p>` + paras[0] + `</p><h2>Fares</h2><p>` + paras[2] + `</p></article>`
	art, err := FromHTML([]byte(shell(copyHTML)), "https://quay.example/a")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyHTML, "<h2>Fares</h2>") || strings.Contains(art.BodyText, "Loading") {
		t.Errorf("want the <noscript> copy with its subhead, got:\n%s", art.BodyHTML)
	}
	art, err = FromHTML([]byte(shell(`<img src="/pixel.gif" alt="">`)), "https://quay.example/a")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.BodyHTML, "<h2>") || !strings.Contains(art.BodyText, "Fares rose twice.") {
		t.Errorf("want the articleBody as paragraphs, got:\n%s", art.BodyHTML)
	}
}
