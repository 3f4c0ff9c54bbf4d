package cli

import (
	"strings"
	"testing"
)

func TestReadSnapshotRefusesBadInput(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string
	}{
		{"empty", "  \n", []string{"is empty"}},
		{"syntax error", "{\n\"version\": 1,\n\"sources\": [,]\n}", []string{"line 3", "not a newshound export"}},
		{"wrong type", "{\"version\": \"one\"}", []string{"line 1", "version"}},
		{"truncated", "{\"version\": 1, \"sources\": [", []string{"ends too early"}},
		{"unknown field", `{"version": 1, "Posts": []}`, []string{"Posts"}},
		{"no version", `{"sources": []}`, []string{"no \"version\""}},
		{"two documents", `{"version": 1} {"version": 1}`, []string{"more data"}},
		{"not an object", `[1, 2, 3]`, []string{"not a newshound export"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readSnapshot("-", strings.NewReader(tt.input))
			if err == nil {
				t.Fatal("readSnapshot accepted the input")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestReadSnapshotAcceptsAnExport(t *testing.T) {
	snap, err := readSnapshot("-", strings.NewReader(`{"version": 1, "sources": [], "accounts": [], "articles": [], "tags": []}`))
	if err != nil {
		t.Fatalf("readSnapshot: %v", err)
	}
	if snap.Version != 1 {
		t.Errorf("Version = %d, want 1", snap.Version)
	}
}
