package cli

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/config"
)

func TestLoadConfigTakesFlagsAroundArguments(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		nargs   int
		wantPos []string
		wantDir string
		usage   bool // a usage error is expected
	}{
		{"flags first", []string{"--data", "d1", "site.json"}, 1, []string{"site.json"}, "d1", false},
		{"flags after", []string{"site.json", "--data", "d2"}, 1, []string{"site.json"}, "d2", false},
		{"stdin dash", []string{"-", "--data=d3"}, 1, []string{"-"}, "d3", false},
		{"too many", []string{"a.json", "b.json"}, 1, nil, "", true},
		{"too few", []string{"--data", "d"}, 1, nil, "", true},
		{"unknown flag after argument", []string{"a.json", "--nope"}, 1, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := Env{Getenv: func(string) string { return "" }}
			fs := newFlagSet("import", env)
			l := config.Bind(fs, config.DataDir, config.Database)
			cfg, pos, err := loadConfig(fs, l, env, tt.args, tt.nargs)
			if tt.usage {
				var ue usageError
				if !errors.As(err, &ue) {
					t.Fatalf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantPos, pos); diff != "" || cfg.DataDir != tt.wantDir {
				t.Errorf("positional (-want +got):\n%s\nDataDir = %q, want %q", diff, cfg.DataDir, tt.wantDir)
			}
		})
	}
}
