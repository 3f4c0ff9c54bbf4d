package feed

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseOPML(t *testing.T) {
	got, err := ParseOPML(bytes.NewReader(readFixture(t, "sources.opml")))
	if err != nil {
		t.Fatal(err)
	}
	want := []OPMLOutline{
		{Title: "Harbour Gazette", FeedURL: "https://harbour.example.com/feed.rss", HTMLURL: "https://harbour.example.com/"},
		{Title: "Valley Weekly (DE)", FeedURL: "https://valley.example.org/rss", Category: "Regional"},
		{Title: "Hill Town Daily", FeedURL: "https://hilltown.example.com/feed.json", HTMLURL: "https://hilltown.example.com/", Category: "Regional / Mountains"},
		{Title: "Coast Notes site", HTMLURL: "https://coast.example.com/blog/"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseOPML (-want +got):\n%s", diff)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		outlines []OPMLOutline
	}{
		{"fixture", func() []OPMLOutline {
			o, err := ParseOPML(bytes.NewReader(readFixture(t, "sources.opml")))
			if err != nil {
				t.Fatal(err)
			}
			return o
		}()},
		{"escaping", []OPMLOutline{
			{Title: `Tom & Jerry's "News" <daily>`, FeedURL: "https://x.example/feed?a=1&b=2", Category: "Fun & games"},
			{Title: "Ünïcödé 新闻", HTMLURL: "https://y.example/", Category: "Fun & games"},
		}},
		{"empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteOPML(&buf, tt.outlines); err != nil {
				t.Fatal(err)
			}
			back, err := ParseOPML(&buf)
			if err != nil {
				t.Fatalf("ParseOPML of our own output: %v\n%s", err, buf.String())
			}
			if diff := cmp.Diff(tt.outlines, back); diff != "" {
				t.Errorf("round trip (-wrote +read):\n%s", diff)
			}
		})
	}
}

func TestWriteOPMLShape(t *testing.T) {
	var buf bytes.Buffer
	err := WriteOPML(&buf, []OPMLOutline{{Title: "A", FeedURL: "https://a.example/rss", HTMLURL: "https://a.example/", Category: "News"}})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, `<outline text="News" title="News">`,
		`<outline text="A" title="A" type="rss" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"></outline>`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

func TestParseOPMLRejects(t *testing.T) {
	tests := []struct {
		name, body string
		wantErr    error
	}{
		{"broken xml", `<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/rss">`, ErrMalformed},
		{"empty", ``, ErrMalformed},
		{"not opml", `<rss version="2.0"><channel/></rss>`, ErrUnknownFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOPML(strings.NewReader(tt.body))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseOPML = %v, %v; want %v", got, err, tt.wantErr)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteOPMLReportsWriteErrors(t *testing.T) {
	err := WriteOPML(failingWriter{}, []OPMLOutline{{Title: "A", FeedURL: "https://a.example/rss"}})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the write error", err)
	}
}
