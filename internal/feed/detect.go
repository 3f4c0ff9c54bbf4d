package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"

	"golang.org/x/net/html/charset"
)

// Kind is what a fetched document turned out to be.
type Kind int

// Document kinds told apart by Detect.
const (
	KindUnknown      Kind = iota
	KindFeed              // RSS, Atom or JSON Feed: read with Parse
	KindSitemap           // <urlset>: read with ParseSitemap
	KindSitemapIndex      // <sitemapindex>: read with ParseSitemap
	KindHTML              // a web page: look for feeds with Discover
)

func (k Kind) String() string {
	switch k {
	case KindFeed:
		return "feed"
	case KindSitemap:
		return "sitemap"
	case KindSitemapIndex:
		return "sitemap index"
	case KindHTML:
		return "HTML page"
	}
	return "unknown"
}

// detectLen bounds how much of a document Detect reads.
const detectLen = 8192

// Detect tells a feed from a sitemap, a sitemap index and an HTML page by
// looking at the start of body (a gzip-compressed sitemap is looked into).
// It reads the root element rather than trusting a Content-Type, which
// servers often get wrong.
func Detect(body []byte) Kind {
	if isGzip(body) {
		head, err := gunzip(body, detectLen)
		if err != nil && len(head) == 0 {
			return KindUnknown
		}
		body = head
	}
	head := bytes.TrimPrefix(body, []byte{0xEF, 0xBB, 0xBF})
	if len(head) > detectLen {
		head = head[:detectLen]
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return KindUnknown
	}
	if trimmed[0] == '{' {
		return detectJSON(body)
	}
	if k := detectXML(head); k != KindUnknown {
		return k
	}
	lower := bytes.ToLower(head)
	for _, marker := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(lower, []byte(marker)) {
			return KindHTML
		}
	}
	return KindUnknown
}

// detectJSON recognises a JSON Feed by its version URL.
func detectJSON(body []byte) Kind {
	var probe struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(body, &probe) != nil {
		return KindUnknown
	}
	if strings.Contains(probe.Version, "jsonfeed.org/version/") {
		return KindFeed
	}
	return KindUnknown
}

// detectXML names the kind from the root element, reading no further.
func detectXML(head []byte) Kind {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for {
		tok, err := d.Token()
		if err != nil {
			return KindUnknown
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(start.Name.Local) {
		case "rss", "rdf", "feed":
			return KindFeed
		case "urlset":
			return KindSitemap
		case "sitemapindex":
			return KindSitemapIndex
		case "html", "head", "body":
			return KindHTML
		}
		return KindUnknown
	}
}

// isGzip reports whether b starts with the gzip magic number.
func isGzip(b []byte) bool {
	return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b
}
