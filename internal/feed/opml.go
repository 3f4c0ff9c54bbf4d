package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// OPMLOutline is one source in an OPML subscription list.
type OPMLOutline struct {
	// Title is the source's name (the outline's title, else its text).
	Title string
	// FeedURL is the feed (xmlUrl); may be empty for a page-only source.
	FeedURL string
	// HTMLURL is the site's home page (htmlUrl).
	HTMLURL string
	// Category is the path of folders the source sits in, joined by " / ";
	// empty at top level.
	Category string
}

// categorySep joins nested folder names in OPMLOutline.Category.
const categorySep = " / "

// opmlDoc is the XML shape of an OPML 1.0/2.0 document.
type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []opmlNode `xml:"outline"`
	} `xml:"body"`
}

type opmlNode struct {
	Text     string     `xml:"text,attr"`
	Title    string     `xml:"title,attr,omitempty"`
	Type     string     `xml:"type,attr,omitempty"`
	XMLURL   string     `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string     `xml:"htmlUrl,attr,omitempty"`
	Outlines []opmlNode `xml:"outline"`
}

// ParseOPML reads the sources of an OPML document, flattening folders
// into Category, in document order. Outlines with neither xmlUrl nor
// htmlUrl are folders, not sources. Broken XML gives an error wrapping
// ErrMalformed, a document that is not OPML one wrapping ErrUnknownFormat.
func ParseOPML(r io.Reader) ([]OPMLOutline, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := d.Decode(&doc); err != nil {
		var notOPML xml.UnmarshalError
		if errors.As(err, &notOPML) {
			return nil, fmt.Errorf("feed: parse OPML: %w: %v", ErrUnknownFormat, err)
		}
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("feed: parse OPML: %w: empty document", ErrMalformed)
		}
		return nil, fmt.Errorf("feed: parse OPML: %w: %v", ErrMalformed, err)
	}
	var out []OPMLOutline
	var walk func(nodes []opmlNode, path []string)
	walk = func(nodes []opmlNode, path []string) {
		for _, n := range nodes {
			name := strings.TrimSpace(n.Title)
			if name == "" {
				name = strings.TrimSpace(n.Text)
			}
			feedURL, htmlURL := strings.TrimSpace(n.XMLURL), strings.TrimSpace(n.HTMLURL)
			if feedURL != "" || htmlURL != "" {
				out = append(out, OPMLOutline{Title: name, FeedURL: feedURL, HTMLURL: htmlURL, Category: strings.Join(path, categorySep)})
			}
			if len(n.Outlines) > 0 {
				walk(n.Outlines, append(path[:len(path):len(path)], name))
			}
		}
	}
	walk(doc.Body.Outlines, nil)
	return out, nil
}

// WriteOPML writes sources as an OPML 2.0 document, in order, gathering
// the sources of each Category into one folder placed where that category
// first appears. ParseOPML reads the result back to the same outlines
// when sources of one category are listed together.
func WriteOPML(w io.Writer, outlines []OPMLOutline) error {
	doc := opmlDoc{Version: "2.0"}
	doc.Head.Title = "newshound sources"
	folders := map[string]int{} // category -> index in doc.Body.Outlines
	for _, o := range outlines {
		n := opmlNode{Text: o.Title, Title: o.Title, XMLURL: o.FeedURL, HTMLURL: o.HTMLURL}
		if o.FeedURL != "" {
			n.Type = "rss"
		}
		if o.Category == "" {
			doc.Body.Outlines = append(doc.Body.Outlines, n)
			continue
		}
		i, ok := folders[o.Category]
		if !ok {
			i = len(doc.Body.Outlines)
			folders[o.Category] = i
			doc.Body.Outlines = append(doc.Body.Outlines, opmlNode{Text: o.Category, Title: o.Category})
		}
		doc.Body.Outlines[i].Outlines = append(doc.Body.Outlines[i].Outlines, n)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("feed: write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("feed: write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("feed: write OPML: %w", err)
	}
	return nil
}
