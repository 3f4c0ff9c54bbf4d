package cli

import (
	"strings"
	"testing"

	"newshound/internal/news"
	"newshound/internal/store"
)

func TestImportSanitizesBodies(t *testing.T) {
	snap := store.Snapshot{Articles: []news.Article{{
		BodyHTML: `<p onclick="steal()">Kept text <a href="javascript:alert(1)">link</a></p><script>alert(1)</script>` +
			`<iframe src="https://evil.example/x"></iframe><figure><figcaption>Cap <span class="credit">Photo: A</span></figcaption></figure>`,
	}}}
	sanitizeBodies(&snap)
	got := snap.Articles[0].BodyHTML
	for _, bad := range []string{"onclick", "javascript:", "<script", "alert(1)", "<iframe", "evil.example"} {
		if strings.Contains(got, bad) {
			t.Errorf("imported body still holds %q: %s", bad, got)
		}
	}
	for _, want := range []string{"Kept text", `<span class="credit">Photo: A</span>`} {
		if !strings.Contains(got, want) {
			t.Errorf("imported body lost %q: %s", want, got)
		}
	}
}
