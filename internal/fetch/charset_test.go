package fetch

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// encode writes s in enc, failing the test if it cannot be represented.
func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// charsetCases are documents in legacy charsets, generated with x/text
// encoders from text we wrote, and how each declares its charset.
func charsetCases(t testing.TB) []struct {
	name, contentType string
	body              []byte
	wantCharset, want string
} {
	const (
		textFR = "Café « déjà vu » — 5 € le numéro"
		textPL = "Zażółć gęślą jaźń: wiadomości"
		textJA = "日本語のニュース、今日の天気"
		textZH = "中文新闻：今天的天气很好"
		textKO = "한국어 뉴스: 오늘의 날씨"
	)
	type tc = struct {
		name, contentType string
		body              []byte
		wantCharset, want string
	}
	return []tc{
		{"windows-1252 in header", "text/html; charset=windows-1252",
			encode(t, charmap.Windows1252, "<p>"+textFR+"</p>"), "windows-1252", "<p>" + textFR + "</p>"},
		{"iso-8859-1 label means windows-1252", "text/html; charset=ISO-8859-1",
			encode(t, charmap.Windows1252, "<p>"+textFR+"</p>"), "windows-1252", "<p>" + textFR + "</p>"},
		{"iso-8859-2 in meta charset", "text/html",
			encode(t, charmap.ISO8859_2, `<html><head><meta charset="iso-8859-2"><title>`+textPL+`</title>`),
			"iso-8859-2", `<html><head><meta charset="iso-8859-2"><title>` + textPL + `</title>`},
		{"shift_jis in meta http-equiv", "",
			encode(t, japanese.ShiftJIS, `<head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><p>`+textJA+`</p>`),
			"shift_jis", `<head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><p>` + textJA + `</p>`},
		{"gb2312 label means gbk", "text/html; charset=gb2312",
			encode(t, simplifiedchinese.GBK, "<p>"+textZH+"</p>"), "gbk", "<p>" + textZH + "</p>"},
		{"euc-kr in xml declaration, rewritten", "application/rss+xml",
			encode(t, korean.EUCKR, `<?xml version="1.0" encoding="EUC-KR"?><rss><title>`+textKO+`</title></rss>`),
			"euc-kr", `<?xml version="1.0" encoding="UTF-8"?><rss><title>` + textKO + `</title></rss>`},
		{"iso-8859-1 xml declaration", "text/xml",
			encode(t, charmap.ISO8859_1, `<?xml version='1.0' encoding='ISO-8859-1'?><feed>`+"Café « déjà vu »"+`</feed>`),
			"windows-1252", `<?xml version='1.0' encoding='UTF-8'?><feed>` + "Café « déjà vu »" + `</feed>`},
		{"header wins over meta", "text/html; charset=windows-1252",
			encode(t, charmap.Windows1252, `<meta charset="utf-8"><p>`+textFR+`</p>`),
			"windows-1252", `<meta charset="utf-8"><p>` + textFR + `</p>`},
		{"utf-8 BOM wins over header", "text/html; charset=windows-1252",
			append([]byte{0xEF, 0xBB, 0xBF}, "<p>"+textJA+"</p>"...), "utf-8", "<p>" + textJA + "</p>"},
		{"utf-16le BOM", "",
			append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "<p>"+textKO+"</p>")...),
			"utf-16le", "<p>" + textKO + "</p>"},
		{"utf-16be BOM", "",
			append([]byte{0xFE, 0xFF}, encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "<p>"+textZH+"</p>")...),
			"utf-16be", "<p>" + textZH + "</p>"},
		{"utf-16 in meta is read as utf-8", "",
			[]byte(`<meta charset="utf-16"><p>` + textPL + `</p>`), "utf-8", `<meta charset="utf-16"><p>` + textPL + `</p>`},
		{"unknown label is skipped", "text/html; charset=x-martian",
			[]byte("<p>" + textPL + "</p>"), "utf-8", "<p>" + textPL + "</p>"},
		{"undeclared utf-8", "", []byte("<p>" + textJA + "</p>"), "utf-8", "<p>" + textJA + "</p>"},
		{"undeclared legacy bytes guess windows-1252", "",
			encode(t, charmap.Windows1252, "<p>"+textFR+"</p>"), "windows-1252", "<p>" + textFR + "</p>"},
		{"declared utf-8 with bad bytes", "text/html; charset=utf-8",
			[]byte("<p>ok \xff\xfe done</p>"), "utf-8", "<p>ok \uFFFD done</p>"},
		{"meta inside a feed's content is not the feed's charset", "",
			[]byte(`<feed><entry><content type="xhtml"><div><meta charset="windows-1252"/>` + textJA + `</div></content></entry></feed>`),
			"utf-8", `<feed><entry><content type="xhtml"><div><meta charset="windows-1252"/>` + textJA + `</div></content></entry></feed>`},
		{"meta inside a feed served as xml", "application/atom+xml",
			[]byte(`  <feed><content type="html">&lt;meta charset="gbk"&gt;<meta charset="gbk"></content>` + textZH + `</feed>`),
			"utf-8", `  <feed><content type="html">&lt;meta charset="gbk"&gt;<meta charset="gbk"></content>` + textZH + `</feed>`},
		{"meta after 4 KiB is not seen", "",
			encode(t, charmap.ISO8859_2, "<!--"+strings.Repeat("x", 5000)+`--><meta charset="iso-8859-2">ż`),
			"windows-1252", "<!--" + strings.Repeat("x", 5000) + `--><meta charset="iso-8859-2">¿`},
	}
}

func TestToUTF8(t *testing.T) {
	for _, tt := range charsetCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			got, name := ToUTF8(tt.body, tt.contentType)
			if name != tt.wantCharset {
				t.Errorf("charset = %q, want %q", name, tt.wantCharset)
			}
			if string(got) != tt.want {
				t.Errorf("body = %q\nwant   %q", got, tt.want)
			}
			if DetectCharset(tt.body, tt.contentType) != name {
				t.Errorf("DetectCharset disagrees with ToUTF8")
			}
		})
	}
}

// TestGetDecodesCharsets serves the same documents over HTTP.
func TestGetDecodesCharsets(t *testing.T) {
	for _, tt := range charsetCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				if tt.contentType == "" {
					w.Header()["Content-Type"] = nil // no sniffing by the test server
				}
				w.Write(tt.body)
			})
			resp, err := newClient(t, Options{}).Get(context.Background(), srv.URL, Conditional{})
			if err != nil {
				t.Fatal(err)
			}
			if resp.Charset != tt.wantCharset || string(resp.Body) != tt.want {
				t.Errorf("got %q %q, want %q %q", resp.Charset, resp.Body, tt.wantCharset, tt.want)
			}
		})
	}
}

func TestContentCharset(t *testing.T) {
	tests := map[string]string{
		"text/html; charset=Shift_JIS":  "Shift_JIS",
		"text/html;charset='koi8-r'":    "koi8-r",
		`text/html; charset="gbk"; x=1`: "gbk",
		"text/html; CHARSET = big5":     "big5",
		"text/html":                     "",
		"charset":                       "",
	}
	for in, want := range tests {
		if got := contentCharset(in); got != want {
			t.Errorf("contentCharset(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzToUTF8(f *testing.F) {
	for _, tt := range charsetCases(f) {
		f.Add(tt.body, tt.contentType)
	}
	f.Add([]byte(`<?xml version="1.0" encoding="`), "text/xml; charset=")
	f.Add([]byte(`<meta http-equiv=content-type content="charset=`), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		out, name := ToUTF8(body, contentType)
		if !utf8.Valid(out) {
			t.Errorf("ToUTF8 returned invalid UTF-8 (charset %q)", name)
		}
		if name == "" {
			t.Error("ToUTF8 returned no charset name")
		}
	})
}

func BenchmarkToUTF8(b *testing.B) {
	page := strings.Repeat("<p>Café « déjà vu » — 5 € le numéro, ½ tarif.</p>\n", 2000)
	for _, tt := range []struct {
		name string
		body []byte
	}{
		{"utf-8", []byte(page)},
		{"windows-1252", encode(b, charmap.Windows1252, page)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.body)))
			b.ReportAllocs()
			for b.Loop() {
				ToUTF8(tt.body, "text/html")
			}
		})
	}
}
