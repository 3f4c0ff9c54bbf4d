package extract

import (
	"strings"
	"testing"
)

func TestSanitizer(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		not      []string
	}{
		{
			name: "scripts, styles and handlers go",
			in:   `<p onclick="steal()">Hello <b onmouseover="x()">there</b><script>alert(1)</script><style>p{}</style></p>`,
			want: []string{"<p>Hello <b>there</b></p>"},
			not:  []string{"onclick", "onmouseover", "alert", "<style"},
		},
		{
			name: "javascript URLs go",
			in:   `<p><a href="javascript:alert(1)">x</a><a href="JaVaScRiPt:alert(2)">y</a></p>`,
			not:  []string{"javascript", "JaVaScRiPt", "alert"},
		},
		{
			name: "data URLs only on images",
			in:   `<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a><img src="data:image/png;base64,iVBORw0KGgo="></p>`,
			want: []string{`<img src="data:image/png;base64,iVBORw0KGgo="`},
			not:  []string{"data:text/html"},
		},
		{
			name: "iframes only from video hosts",
			in:   `<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe><iframe src="https://evil.example/embed"></iframe>`,
			want: []string{`src="https://www.youtube-nocookie.com/embed/abc"`},
			not:  []string{"evil.example"},
		},
		{
			name: "structure stays",
			in:   `<h2>A</h2><blockquote><p>Q</p></blockquote><ul><li>1</li></ul><table><tr><td colspan="2">c</td></tr></table><pre><code>x := 1</code></pre><figure><img src="https://a.example/i.jpg" alt="i"><figcaption>c <small class="credit">cr</small></figcaption></figure>`,
			want: []string{"<h2>A</h2>", "<blockquote>", "<li>1</li>", `colspan="2"`, "<pre><code>x := 1</code></pre>", `<small class="credit">cr</small>`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sanitize(tt.in)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("sanitized output lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("sanitized output keeps %q:\n%s", n, got)
				}
			}
		})
	}
}
