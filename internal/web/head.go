package web

import (
	"html"
	"strings"

	"newshound/internal/news"
)

// The extractor keeps a page's standfirst and lead picture in the body
// when the page set them inside the article, and the same two come again
// from the page's metadata as the article's Standfirst and LeadImage.
// Showing both in the article's header and in its body would make the
// reader meet them twice, so the header leaves out what the body holds.
// Metadata, cards and feeds still use the fields whole.

// headStandfirst returns the standfirst for the article's header: "" when
// the body opens with it (a lede the page's description was copied from,
// often cut short with an ellipsis), after at most two blocks such as a
// picture's caption.
func headStandfirst(a news.Article) string {
	sf := news.FoldWords(strings.TrimRight(strings.TrimSpace(a.Standfirst), ".…"))
	if sf == "" {
		return a.Standfirst
	}
	rest := strings.TrimSpace(a.BodyText)
	for range 3 {
		var para string
		para, rest, _ = strings.Cut(rest, "\n\n")
		if f := news.FoldWords(para); f == sf || strings.HasPrefix(f, sf+"-") {
			return ""
		}
	}
	return a.Standfirst
}

// headImage returns the lead picture for the article's header: nil when
// the body shows the same image (the same address, whatever its query
// asks of size or crop).
func headImage(a news.Article) *news.Figure {
	if a.LeadImage == nil || a.LeadImage.ImageURL == "" {
		return a.LeadImage
	}
	lead := withoutQuery(a.LeadImage.ImageURL)
	for rest := a.BodyHTML; ; {
		i := strings.Index(rest, ` src="`)
		if i < 0 {
			return a.LeadImage
		}
		rest = rest[i+len(` src="`):]
		end := strings.IndexByte(rest, '"')
		if end < 0 {
			return a.LeadImage
		}
		if withoutQuery(html.UnescapeString(rest[:end])) == lead {
			return nil
		}
		rest = rest[end:]
	}
}

func withoutQuery(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i]
	}
	return u
}
