package feed

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzDocuments runs every reader in the package over the same input:
// none may panic, and each either succeeds or says why in its own terms.
func FuzzDocuments(f *testing.F) {
	for _, name := range []string{"sitemap.xml", "sitemap-index.xml", "news-sitemap.xml", "sources.opml", "page.html", "atom.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Add(gzipBytes(f, readFixture(f, "sitemap.xml")))
	f.Fuzz(func(t *testing.T, body []byte) {
		_ = Detect(body).String()

		for _, u := range Discover(body, "https://example.com/page") {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Errorf("Discover returned %q", u)
			}
		}

		sm, err := ParseSitemap(body, "https://example.com/sitemap.xml")
		if err != nil && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("ParseSitemap: unclassified error %v", err)
		}
		if err == nil {
			for _, u := range sm.URLs {
				if !strings.HasPrefix(u.URL, "http") {
					t.Errorf("sitemap URL %q", u.URL)
				}
			}
		}

		if _, err := ParseOPML(bytes.NewReader(body)); err != nil && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("ParseOPML: unclassified error %v", err)
		}
	})
}
