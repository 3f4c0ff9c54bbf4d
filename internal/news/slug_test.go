package news

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, World!", "hello-world"},
		{"  Crème brûlée — a history ", "creme-brulee-a-history"},
		{"Ünïcode Straße 2026", "unicode-straße-2026"},
		{"日本語 タイトル", "日本語-タイトル"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := Slugify(strings.Repeat("word ", 40))
	if len(long) > maxSlugLen || strings.HasSuffix(long, "-") {
		t.Errorf("long slug not trimmed at a word: %q", long)
	}
}
