package feed

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
)

// readFixture returns a file from testdata.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func TestParse(t *testing.T) {
	tests := []struct {
		file, baseURL string
		want          *Feed
	}{
		{"rss2.xml", "https://harbour.example.com/feed.rss", &Feed{
			Format:      "rss",
			Title:       "The Harbour Gazette",
			Description: "News from the harbour town",
			HomepageURL: "https://harbour.example.com/",
			Language:    "en-gb",
			TTL:         30 * time.Minute,
			Entries: []Entry{
				{
					GUID:        "harbour-2026-0142",
					URL:         "https://harbour.example.com/news/ferry-timetable",
					Title:       "Ferry timetable changes for winter",
					Summary:     "<p>The last evening crossing moves to 19:10.</p>",
					ContentHTML: `<p>The last evening crossing moves to 19:10 from the first of December.</p><p><img src="/img/ferry.jpg" alt="The ferry"></p>`,
					Authors:     []news.Author{{Name: "Mara Olsen"}},
					Published:   date("2026-11-02T08:30:00Z"),
					Tags:        []news.Tag{{Slug: "transport", Name: "Transport"}, {Slug: "winter", Name: "Winter"}},
					ImageURL:    "https://cdn.example.com/ferry-wide.jpg",
				},
				{
					URL:       "https://harbour.example.com/news/cafe?id=7",
					Title:     "Tom & Jerry's café reopens",
					Summary:   "The café on the quay is open again.",
					Authors:   []news.Author{{Name: "Ines Duarte"}},
					Published: date("2026-11-01T17:00:00Z"),
				},
			},
		}},
		{"rss1.rdf", "https://valley.example.org/rss", &Feed{
			Format:      "rss",
			Title:       "Valley Weekly",
			Description: "Stories from up the valley",
			HomepageURL: "https://valley.example.org/",
			Language:    "de",
			Entries: []Entry{{
				URL:       "https://valley.example.org/2026/bridge",
				Title:     "New footbridge opens over the river",
				Summary:   "Walkers can cross at the mill again.",
				Authors:   []news.Author{{Name: "Jonas Brandt"}},
				Published: date("2026-10-30T08:15:00Z"),
				Updated:   date("2026-10-30T08:15:00Z"), // gofeed reads dc:date as both
				Tags:      []news.Tag{{Slug: "local", Name: "Local"}},
			}},
		}},
		{"rss091.xml", "http://mill.example.net/rss.xml", &Feed{
			Format:      "rss",
			Title:       "Old Mill Bulletin",
			Description: "An old-style feed",
			HomepageURL: "http://mill.example.net/",
			Language:    "en-us",
			Entries: []Entry{{
				URL:     "http://mill.example.net/grain.html",
				Title:   "Grain prices steady",
				Summary: "Prices held for a third week.",
			}},
		}},
		{"atom.xml", "https://coast.example.com/feeds/atom.xml", &Feed{
			Format:      "atom",
			Title:       "Coast Notes",
			HomepageURL: "https://coast.example.com/blog/",
			Language:    "fr",
			Entries: []Entry{
				{
					GUID:        "tag:coast.example.com,2026:storm-lifted",
					URL:         "https://coast.example.com/blog/2026/storm-lifted",
					Title:       "Storm warning lifted",
					Summary:     "The storm warning for the coast has been lifted.",
					ContentHTML: "<p>Boats may leave harbour again.</p>",
					Authors: []news.Author{
						{Name: "Léa Martin", URL: "https://coast.example.com/blog/people/lea"},
						{Name: "Paul Noor"},
					},
					Published: date("2026-11-03T08:00:00Z"),
					Updated:   date("2026-11-03T10:00:00Z"),
					Tags:      []news.Tag{{Slug: "weather", Name: "Weather"}},
				},
				{
					GUID:      "tag:coast.example.com,2026:tides",
					URL:       "https://coast.example.com/archive/tides-december",
					Title:     "Tide tables for December",
					Summary:   "Printed tables are at the harbour office.",
					Authors:   []news.Author{{Name: "Coast Desk", URL: "https://coast.example.com/about/desk"}},
					Published: date("2026-11-02T08:00:00Z"),
					Updated:   date("2026-11-02T08:00:00Z"),
				},
			},
		}},
		{"jsonfeed11.json", "https://hilltown.example.com/feed.json", &Feed{
			Format:      "json",
			Title:       "Hill Town Daily",
			HomepageURL: "https://hilltown.example.com/",
			Language:    "it",
			Entries: []Entry{
				{
					GUID:        "2026-11-04-market",
					URL:         "https://hilltown.example.com/stories/market-square",
					Title:       "Market square to be pedestrianised",
					Summary:     "Cars will be banned from the square next spring.",
					ContentHTML: "<p>The council voted 9 to 4.</p>",
					Authors:     []news.Author{{Name: "Giulia Ferri", URL: "https://hilltown.example.com/people/giulia"}},
					Published:   date("2026-11-04T06:00:00Z"),
					Updated:     date("2026-11-04T08:30:00Z"),
					Tags:        []news.Tag{{Slug: "council", Name: "Council"}, {Slug: "traffic", Name: "Traffic"}},
					ImageURL:    "https://hilltown.example.com/images/square.jpg",
				},
				{
					GUID:        "2026-11-03-choir",
					URL:         "https://hilltown.example.com/stories/choir",
					Title:       "Choir wins regional prize",
					ContentHTML: "<p>The town choir won first prize.</p><p>They sing again on &lt;Sunday&gt; &amp; Monday.</p>",
					Authors:     []news.Author{{Name: "Hill Town Newsroom", URL: "https://hilltown.example.com/newsroom"}},
					Published:   date("2026-11-03T18:00:00Z"),
				},
			},
		}},
		{"latin1.xml", "https://port.example.fr/rss", &Feed{
			Format:      "rss",
			Title:       "Le Petit Journal du Port",
			HomepageURL: "https://port.example.fr/",
			Language:    "fr",
			Entries: []Entry{{
				URL:       "https://port.example.fr/fete",
				Title:     "Fête de la mer : déjà complet",
				Summary:   "Les réservations sont closes. Prix : 5 ¤ à l'entrée, ½ tarif pour les élèves.",
				Published: date("2026-11-03T11:00:00Z"),
			}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Parse(readFixture(t, tt.file), tt.baseURL)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		wantErr error
	}{
		{"malformed xml", readFixture(t, "malformed.xml"), ErrMalformed},
		{"html page", readFixture(t, "page.html"), ErrUnknownFormat},
		{"sitemap", readFixture(t, "sitemap.xml"), ErrUnknownFormat},
		{"empty", nil, ErrUnknownFormat},
		{"truncated json feed", []byte(`{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1"`), ErrMalformed},
		{"binary junk", []byte{0x00, 0xff, 0x13, 0x37, '<', 'r', 's', 's'}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, "https://example.com/feed")
			if err == nil {
				t.Fatalf("Parse = %+v, want an error", f)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknownFormat) {
				t.Errorf("err %v wraps neither ErrMalformed nor ErrUnknownFormat", err)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := map[string]string{
		"Plain title":                      "Plain title",
		"Storm <em>warning</em>  lifted\n": "Storm warning lifted",
		"Tom &amp; Jerry":                  "Tom & Jerry",
		"Tom &amp;amp; Jerry":              "Tom & Jerry",
		"<script>alert(1)</script>Hi":      "alert(1)Hi",
		"5 &lt; 7":                         "5 < 7",
	}
	for in, want := range tests {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDropsUnsafeLinks(t *testing.T) {
	body := []byte(`<rss version="2.0"><channel><title>x</title><link>javascript:alert(1)</link>
<item><title>a</title><link>javascript:alert(2)</link><guid>g1</guid></item>
<item><title>b</title><link>data:text/html,hi</link><guid>g2</guid></item></channel></rss>`)
	f, err := Parse(body, "https://example.com/feed")
	if err != nil {
		t.Fatal(err)
	}
	if f.HomepageURL != "" || f.Entries[0].URL != "" || f.Entries[1].URL != "" {
		t.Errorf("unsafe links kept: %q %q %q", f.HomepageURL, f.Entries[0].URL, f.Entries[1].URL)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "rss1.rdf", "rss091.xml", "atom.xml", "jsonfeed11.json", "latin1.xml", "malformed.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := Parse(body, "https://example.com/feed.xml")
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknownFormat) {
				t.Errorf("unclassified error: %v", err)
			}
			return
		}
		for _, e := range feed.Entries {
			if e.URL != "" && e.URL[:4] != "http" {
				t.Errorf("entry URL %q is not http(s)", e.URL)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"rss2.xml", "atom.xml", "jsonfeed11.json"} {
		body := readFixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(body, "https://example.com/feed"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
