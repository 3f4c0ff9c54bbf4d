package signup

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
)

func TestWriteCSV(t *testing.T) {
	first := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	second := time.Date(2026, 4, 2, 18, 5, 7, 0, time.FixedZone("CEST", 2*3600))
	people := []news.Signup{
		{
			ID: 7, Email: "ana@example.org", Name: "Ana Souza", Phone: "+55 11 5555 0100",
			City: "São Paulo", Country: "Brasil", Message: "Count me in, \"really\"\nsee you",
			Status: news.SignupContacted, Note: "=HYPERLINK(\"http://evil.example\")",
			CreatedAt: first, UpdatedAt: second,
			Events: []news.SignupEvent{
				{At: first, ArticleID: 12, Consent: "old wording"},
				{At: second, ArticleID: 0, Consent: "new wording"},
				{At: second, ArticleID: 12, Consent: "new wording"},
			},
		},
		{ID: 8, Email: "bob@example.org", Name: "@bob", City: "-1+1", Country: "\tTab", Status: news.SignupNew, CreatedAt: second},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, people); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v\n%s", err, buf.String())
	}
	want := [][]string{
		CSVHeader,
		{"7", "ana@example.org", "Ana Souza", "'+55 11 5555 0100", "São Paulo", "Brasil", "contacted",
			"'=HYPERLINK(\"http://evil.example\")", "2026-03-01T09:30:00Z", "2026-04-02T16:05:07Z", "3", "12",
			"new wording", "Count me in, \"really\"\nsee you"},
		{"8", "bob@example.org", "'@bob", "", "", "'-1+1", "new", "", "2026-04-02T16:05:07Z", "2026-04-02T16:05:07Z", "0", "", "", ""},
	}
	want[2][5] = "'\tTab"
	want[2][4] = "'-1+1"
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("CSV rows (-want +got):\n%s", diff)
	}
}

func TestWriteCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "id,email,name,phone,city,country,status,note,first_signed_up,last_signed_up,times_signed_up,article_ids,consent,message\n"; got != want {
		t.Errorf("empty export = %q, want just the header %q", got, want)
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "plain": "plain", "=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "a=b": "a=b", "'quoted": "'quoted",
	} {
		if got := defuse(in); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}
