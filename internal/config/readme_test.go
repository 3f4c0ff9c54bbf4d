package config

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsEverySetting keeps the configuration table in README.md
// true: every flag and variable newshound reads through this package must
// be there, so a new setting cannot be added without documenting it.
func TestREADMEListsEverySetting(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatalf("read README.md: %v", err)
	}
	readme := string(b)
	for _, s := range settings {
		t.Run(s.env, func(t *testing.T) {
			if s.flag != "" && !strings.Contains(readme, "`--"+s.flag) {
				t.Errorf("README.md does not show the flag --%s", s.flag)
			}
			if !strings.Contains(readme, "`"+s.env) {
				t.Errorf("README.md does not show the variable %s", s.env)
			}
		})
	}
}
