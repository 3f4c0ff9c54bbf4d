package views

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

func TestClassify(t *testing.T) {
	tests := []struct {
		name   string
		method string
		ua     string
		header [2]string
		want   bool
	}{
		{"browser GET", "GET", firefox, [2]string{}, true},
		{"browser POST beacon", "POST", firefox, [2]string{}, true},
		{"HEAD", "HEAD", firefox, [2]string{}, false},
		{"OPTIONS", "OPTIONS", firefox, [2]string{}, false},
		{"empty user agent", "GET", "", [2]string{}, false},
		{"blank user agent", "GET", "   ", [2]string{}, false},
		{"Googlebot", "GET", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", [2]string{}, false},
		{"bingbot upper case", "GET", "MOZILLA/5.0 (COMPATIBLE; BINGBOT/2.0)", [2]string{}, false},
		{"crawler", "GET", "SomeCrawler/1.0", [2]string{}, false},
		{"spider", "GET", "Baiduspider", [2]string{}, false},
		{"Yahoo slurp", "GET", "Mozilla/5.0 (compatible; Yahoo! Slurp)", [2]string{}, false},
		{"curl", "GET", "curl/8.5.0", [2]string{}, false},
		{"wget", "GET", "Wget/1.21", [2]string{}, false},
		{"python requests", "GET", "python-requests/2.31", [2]string{}, false},
		{"Go client", "GET", "Go-http-client/1.1", [2]string{}, false},
		{"headless Chrome", "GET", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36", [2]string{}, false},
		{"Facebook preview", "GET", "facebookexternalhit/1.1", [2]string{}, false},
		{"Chromium prefetch", "GET", firefox, [2]string{"Sec-Purpose", "prefetch"}, false},
		{"Chromium prerender", "GET", firefox, [2]string{"Sec-Purpose", "prefetch;prerender"}, false},
		{"old Purpose header", "GET", firefox, [2]string{"Purpose", "prefetch"}, false},
		{"Firefox X-Moz", "GET", firefox, [2]string{"X-Moz", "Prefetch"}, false},
		{"Safari preview", "GET", firefox, [2]string{"X-Purpose", "preview"}, false},
		{"unrelated header", "GET", firefox, [2]string{"Sec-Fetch-Mode", "navigate"}, true},
		{"very long browser agent", "GET", firefox + strings.Repeat(" x", 2000), [2]string{}, true},
		{"bot marker past the examined prefix", "GET", firefox + strings.Repeat("x", maxUALen) + "bot", [2]string{}, true},
	}
	remembered := newBotVerdicts()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "/a/x", nil)
			r.Header.Set("User-Agent", tt.ua)
			if tt.header[0] != "" {
				r.Header.Set(tt.header[0], tt.header[1])
			}
			if got := Classify(r); got != tt.want {
				t.Errorf("Classify = %v, want %v", got, tt.want)
			}
			// The Counter's remembered bot test: first sight, then memory.
			for i := range 2 {
				if got := classify(r, r.Header.Get("User-Agent"), remembered.isBot); got != tt.want {
					t.Errorf("classify with remembered verdicts, call %d = %v, want %v", i+1, got, tt.want)
				}
			}
		})
	}
}

// TestVisitorIsHMAC checks our allocation-free HMAC against crypto/hmac,
// so the privacy claim "an HMAC-SHA256" is literally true.
func TestVisitorIsHMAC(t *testing.T) {
	var key [32]byte
	for i := range key {
		key[i] = byte(i*7 + 3)
	}
	s := secretFromKey(&key)
	tests := []struct{ site, ip, ua string }{
		{"news.example", "192.0.2.1", firefox},
		{"", "", ""},
		{"news.example", "2001:db8::1", strings.Repeat("long agent ", 100)},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			ua := tt.ua[:min(len(tt.ua), maxUALen)]
			m := hmac.New(sha256.New, key[:])
			m.Write([]byte(tt.site + "\x00" + tt.ip + "\x00" + ua))
			want := binary.BigEndian.Uint64(m.Sum(nil)[:8])
			if got := s.visitor(tt.site, tt.ip, tt.ua); got != want {
				t.Errorf("visitor = %x, want %x", got, want)
			}
		})
	}
	if s.visitor("a", "1", "x") == s.visitor("a", "1", "y") {
		t.Error("different user agents gave one visitor")
	}
	s.destroy()
	for _, b := range append(s.ipad[:], s.opad[:]...) {
		if b != 0 {
			t.Fatal("destroy left key bytes behind")
		}
	}
}

// TestBotVerdictsEvict checks the remembered bot test against isBot for
// many more User-Agents than it has slots, bots and browsers mixed, so
// that answers are evicted and slots reused: every answer must still be
// isBot's, on first sight and after.
func TestBotVerdictsEvict(t *testing.T) {
	v := newBotVerdicts()
	uas := make([]string, 5000)
	for i := range uas {
		if i%3 == 0 {
			uas[i] = fmt.Sprintf("ExampleCrawler/%d", i)
		} else {
			uas[i] = fmt.Sprintf("Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0", i, i)
		}
	}
	for pass := range 3 {
		wrong := 0
		for i, ua := range uas {
			if got, want := v.isBot(ua), i%3 == 0; got != want {
				wrong++
			}
			if i%7 == 0 { // ask for a recent one again: answered from memory
				if got, want := v.isBot(uas[i/2]), (i/2)%3 == 0; got != want {
					wrong++
				}
			}
		}
		if wrong != 0 {
			t.Errorf("pass %d: %d wrong answers", pass, wrong)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	r := httptest.NewRequest(http.MethodGet, "/a/x", nil)
	r.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")
	b.ReportAllocs()
	for b.Loop() {
		if !Classify(r) {
			b.Fatal("a browser was not counted")
		}
	}
}
