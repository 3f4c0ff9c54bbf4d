package ingest_test

import (
	"testing"

	"newshound/internal/ingest"
)

// FuzzNormalizeURL: normalizing never panics and is idempotent, so a key
// computed twice (at poll time and at store time) always agrees.
func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{
		"https://News.Example:443/a/./b/?utm_source=x&b=2&a=1#top",
		"http://[::1]:80/x/", "https://ex.example/%2F/?", "https://ex.example/a?=&&b", "mailto:a@b", "",
		"https://ex.example/a?utm_%73ource=x", "//no-scheme.example/a", "https://ex.example/a/../../..",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := ingest.NormalizeURL(s)
		if twice := ingest.NormalizeURL(once); twice != once {
			t.Errorf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}

// FuzzMinHash: any text gives no signature or a full one, equal to itself.
func FuzzMinHash(f *testing.F) {
	f.Add("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two")
	f.Add("\xff\xfe broken utf-8 \x00")
	f.Fuzz(func(t *testing.T, s string) {
		sig := ingest.MinHash(s)
		if sig == nil {
			return
		}
		if ingest.Similarity(sig, ingest.MinHash(s)) != 1 || len(sig.Bands()) != 16 {
			t.Errorf("signature of %q is not stable", s)
		}
	})
}
