package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func TestReadingSettings(t *testing.T) {
	load := func(args []string, env map[string]string) (Config, error) {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		l := Bind(fs, Reading)
		if err := fs.Parse(args); err != nil {
			t.Fatalf("parse %v: %v", args, err)
		}
		return l.Load(func(k string) string { return env[k] })
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		count   bool
		text    string
		self    bool
		wantErr string
	}{
		{"defaults", nil, nil, true, "", false, ""},
		{"flags", []string{"--count-visits=false", "--counter-text", "Read {views} times", "--canonical", "self"}, nil, false, "Read {views} times", true, ""},
		{"environment", nil, map[string]string{"NEWSHOUND_COUNT_VISITS": "0", "NEWSHOUND_COUNTER_TEXT": "{today} today", "NEWSHOUND_CANONICAL": "SELF"}, false, "{today} today", true, ""},
		{"flag wins", []string{"--canonical", "original"}, map[string]string{"NEWSHOUND_CANONICAL": "self"}, true, "", false, ""},
		{"bad canonical", []string{"--canonical", "ours"}, nil, false, "", false, `--canonical: unknown canonical "ours"`},
		{"unbalanced text", nil, map[string]string{"NEWSHOUND_COUNTER_TEXT": "Read {views times"}, false, "", false, "NEWSHOUND_COUNTER_TEXT: \"Read {views times\" has unbalanced braces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(tt.args, tt.env)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.CountVisits != tt.count || c.CounterText != tt.text || c.CanonicalSelf != tt.self {
				t.Errorf("got count %v, text %q, self %v; want %v, %q, %v", c.CountVisits, c.CounterText, c.CanonicalSelf, tt.count, tt.text, tt.self)
			}
		})
	}
}
