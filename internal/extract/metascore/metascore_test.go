package metascore

import (
	"testing"
	"time"
)

func TestReadTruth(t *testing.T) {
	got, err := ReadTruth([]byte(`{"title":" A title ","byline":null,"lang":"en","excerpt":"E",
		"siteName":"S","publishedTime":"2020-01-02","readerable":true}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Truth{Title: "A title", Byline: "", Published: "2020-01-02", Lang: "en", SiteName: "S", Excerpt: "E"}
	if got != want {
		t.Errorf("ReadTruth = %q, want %q", got, want)
	}
	if _, err := ReadTruth([]byte(`{`)); err == nil {
		t.Error("ReadTruth accepted broken JSON")
	}
}

func TestCompare(t *testing.T) {
	noon := time.Date(2018, 4, 5, 12, 0, 0, 0, time.FixedZone("", -4*3600))
	tests := []struct {
		name  string
		field Field
		want  string
		got   Values
		out   Outcome
	}{
		{"title quotes dashes space", Title, "It’s  here — “now”", Values{Title: `It's here - "now"`}, Match},
		{"title site suffix is a miss", Title, "Story | Site", Values{Title: "Story"}, Miss},
		{"title case counts", Title, "Story", Values{Title: "story"}, Miss},
		{"byline with By and case", Byline, "By JANE DOE", Values{Authors: []string{"Jane Doe"}}, Match},
		{"byline every name", Byline, "Ann Lee, Bo Ng and Cy Oh", Values{Authors: []string{"Cy Oh", "Ann Lee", "Bo Ng"}}, Match},
		{"byline one name short", Byline, "Ann Lee and Bo Ng", Values{Authors: []string{"Ann Lee"}}, Miss},
		{"byline one string split like the truth", Byline, "Ann Lee & Bo Ng", Values{Authors: []string{"Bo Ng, Ann Lee"}}, Match},
		{"byline web address dropped", Byline, "Bradley Kuhn (http://ebb.example/bk/)", Values{Authors: []string{"Bradley Kuhn"}}, Match},
		{"byline date left in ours", Byline, "Nathan Willis", Values{Authors: []string{"Nathan Willis March 25"}}, Miss},
		{"byline empty ours", Byline, "Ann Lee", Values{}, Missing},
		{"byline date in the truth is no name", Byline, "By Nathan Willis\n   March 25, 2015", Values{Authors: []string{"Nathan Willis"}}, Match},
		{"byline only a date matches nothing", Byline, "April 28, 2019 at 6:01 am", Values{Authors: []string{"Ben Romano"}}, Miss},
		{"published same instant other zone", Published, "2018-04-05T16:00:00Z", Values{Published: noon}, Match},
		{"published other instant", Published, "2018-04-05T12:00:00Z", Values{Published: noon}, Miss},
		{"published no zone same day", Published, "2018-04-05T06:00", Values{Published: noon}, Match},
		{"published day only", Published, "2018-04-05", Values{Published: noon}, Match},
		{"published no zone next day", Published, "2018-04-06 01:00:00", Values{Published: noon}, Miss},
		{"published truth empty we give one", Published, "", Values{Published: noon}, Extra},
		{"published both empty", Published, "", Values{}, BothEmpty},
		{"lang primary subtag", Lang, "en-US", Values{Lang: "EN-gb"}, Match},
		{"lang other", Lang, "en", Values{Lang: "fr"}, Miss},
		{"site name case and space", SiteName, "The  Verge", Values{SiteName: "the verge"}, Match},
		{"site name handle", SiteName, "GitLab", Values{SiteName: "@GitLab"}, Miss},
		{"excerpt truncated truth", Excerpt, "While very useful, XHR is not a very ...", Values{Excerpt: "While very useful, XHR is not a very good API."}, Match},
		{"excerpt ours shorter prefix", Excerpt, "One. Two.", Values{Excerpt: "One."}, Match},
		{"excerpt other", Excerpt, "One. Two.", Values{Excerpt: "Two."}, Miss},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.field, tt.want, tt.got); got != tt.out {
				t.Errorf("Compare(%s, %q) = %s, want %s", tt.field, tt.want, got, tt.out)
			}
		})
	}
}

func TestTally(t *testing.T) {
	var tl Tally
	tl.Add(Truth{Title: "A", Lang: "en"}, Values{Title: "A", Lang: "de", SiteName: "S"})
	tl.Add(Truth{Title: "B"}, Values{Title: "C"})
	if got := tl.Share(Title); got != 0.5 {
		t.Errorf("title share %v, want 0.5", got)
	}
	if tl.WithTruth(Lang) != 1 || tl.Count(Lang, Miss) != 1 || tl.Count(Lang, BothEmpty) != 1 {
		t.Errorf("lang counts %v", tl[Lang])
	}
	if tl.Count(SiteName, Extra) != 1 || tl.WithTruth(SiteName) != 0 || tl.Share(SiteName) != 0 {
		t.Errorf("site name counts %v", tl[SiteName])
	}
}
