package extract

import (
	"strings"
	"testing"
)

// prose is enough paragraph text for a test page to have an article.
const prose = `<p>The river rose two metres overnight, and the town's lower streets were closed by six in the morning.</p>
<p>Volunteers filled sandbags at the fire station, while the school opened its hall to families from the riverside.</p>
<p>By the afternoon the water had begun to fall, and the council said the bridge would reopen on Friday.</p>`

// bodyOf extracts page (wrapped in an article) and returns its body HTML.
func bodyOf(t *testing.T, inner, pageURL string) string {
	t.Helper()
	page := "<html><head><title>T</title></head><body><article>" + inner + "</article></body></html>"
	art, err := FromHTML([]byte(page), pageURL)
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	return art.BodyHTML
}

func TestLazyImages(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // substrings the body must contain
		not      []string // substrings it must not contain
	}{
		{
			name: "data-src replaces a placeholder",
			in:   `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/flood.jpg" alt="Flood"></figure>`,
			want: []string{`src="https://news.example/img/flood.jpg"`, `alt="Flood"`},
			not:  []string{"R0lGOD"},
		},
		{
			name: "largest srcset candidate",
			in:   `<figure><img data-srcset="/s.jpg 320w, /m.jpg 640w, /l.jpg 1280w"></figure>`,
			want: []string{`src="https://news.example/l.jpg"`},
		},
		{
			name: "srcset with commas inside URLs",
			in:   `<figure><img srcset="https://cdn.example/c_fill,w_300/a.jpg 300w, https://cdn.example/c_fill,w_900/a.jpg 900w"></figure>`,
			want: []string{`src="https://cdn.example/c_fill,w_900/a.jpg"`},
		},
		{
			name: "noscript copy replaces the placeholder",
			in:   `<figure><img class="lazy" src="/blank.gif"><noscript><img src="/real.jpg" alt="Real"></noscript><figcaption>The bridge at noon.</figcaption></figure>`,
			want: []string{`src="https://news.example/real.jpg"`, "The bridge at noon."},
			not:  []string{"blank.gif"},
		},
		{
			name: "picture source",
			in:   `<figure><picture><source srcset="/p-800.webp 800w, /p-1600.webp 1600w"><img alt="P"></picture></figure>`,
			want: []string{`src="https://news.example/p-1600.webp"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bodyOf(t, prose+tt.in+prose, "https://news.example/2024/flood.html")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("body lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("body keeps %q:\n%s", n, got)
				}
			}
		})
	}
}

func TestURLResolution(t *testing.T) {
	tests := []struct {
		name, head, in, pageURL string
		want, not               []string
	}{
		{
			name: "relative to the page", pageURL: "https://news.example/2024/03/flood.html",
			in:   `<p>See <a href="../map.html">the map</a> and <a href="/about">us</a>.</p>`,
			want: []string{`href="https://news.example/2024/map.html"`, `href="https://news.example/about"`},
		},
		{
			name: "relative to base element", pageURL: "https://news.example/2024/flood.html",
			head: `<base href="https://static.example/assets/">`,
			in:   `<p>See <a href="map.html">the map</a>.</p><figure><img src="i/a.jpg"></figure>`,
			want: []string{`href="https://static.example/assets/map.html"`, `src="https://static.example/assets/i/a.jpg"`},
		},
		{
			name: "javascript links lose their href, keep their text", pageURL: "https://news.example/a.html",
			in:   `<p>The council published <a href="javascript:alert(1)">here for the map</a> on its website.</p>`,
			want: []string{"here for the map"},
			not:  []string{"javascript", "alert"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body><article>" + prose + tt.in + prose + "</article></body></html>"
			art, err := FromHTML([]byte(page), tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(art.BodyHTML, w) {
					t.Errorf("body lacks %q:\n%s", w, art.BodyHTML)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(art.BodyHTML, n) {
					t.Errorf("body keeps %q:\n%s", n, art.BodyHTML)
				}
			}
		})
	}
}

func TestLargestSrc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.jpg 1x, b.jpg 2x", "b.jpg"},
		{"a.jpg 100w, b.jpg 50w", "a.jpg"},
		{"only.jpg", "only.jpg"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := largestSrc(tt.in); got != tt.want {
			t.Errorf("largestSrc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
