package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"newshound/internal/config"
	"newshound/internal/extract"
	"newshound/internal/fetch"
	"newshound/internal/news"
)

// maxExtractInput bounds what extract reads from a file or standard input.
const maxExtractInput = 16 << 20

// runExtract prints the article extracted from an HTML file, a URL or
// standard input ("-") as plain text (the body only), HTML or JSON.
func runExtract(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("extract", env)
	format := fs.String("format", "text", "output format: text (body text only), html (body HTML) or json (article with metadata)")
	pageURL := fs.String("url", "", "URL the page was fetched from, for resolving relative links (files and stdin)")
	// Only the fetcher's settings are bound: extract needs no database or
	// data directory, which keeps its start-up lean.
	loader := config.Bind(fs, config.Fetch)
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	cfg, err := loader.Load(env.Getenv)
	if err != nil {
		return usagef("extract: %v", err)
	}
	switch *format {
	case "text", "html", "json":
	default:
		return usagef("extract: unknown --format %q; use text, html or json", *format)
	}
	if fs.NArg() != 1 {
		return usagef("extract: want exactly one FILE_OR_URL (or - for standard input), got %d", fs.NArg())
	}
	src := fs.Arg(0)
	page, base, err := readPage(ctx, env, src, cfg)
	if err != nil {
		return err
	}
	if *pageURL != "" {
		base = *pageURL
	}
	art, err := extract.FromHTML(page, base)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err) // err reads "extract: ..."
	}
	return writeArticle(env.Stdout, *format, art)
}

// readPage reads the page named by src: "-" for standard input, an http(s)
// URL, or a file path. It returns the bytes and the URL to resolve links by.
func readPage(ctx context.Context, env Env, src string, cfg config.Config) ([]byte, string, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		client := fetch.New(fetch.Options{AllowPrivate: cfg.AllowPrivateNetworks, UserAgent: cfg.UserAgent, MaxBytes: maxExtractInput})
		defer client.CloseIdleConnections()
		resp, err := client.Get(ctx, src, fetch.Conditional{})
		if err != nil {
			return nil, "", fmt.Errorf("extract: fetch %s: %w", src, err)
		}
		return resp.Body, resp.URL, nil
	}
	var r io.Reader
	if src == "-" {
		r = env.Stdin
	} else {
		f, err := os.Open(src)
		if err != nil {
			return nil, "", fmt.Errorf("extract: %w", err)
		}
		defer f.Close()
		r = f
	}
	page, err := io.ReadAll(io.LimitReader(r, maxExtractInput+1))
	if err != nil {
		return nil, "", fmt.Errorf("extract: read %s: %w", src, err)
	}
	if len(page) > maxExtractInput {
		return nil, "", fmt.Errorf("extract: %s is larger than %d MiB", src, maxExtractInput>>20)
	}
	return page, "", nil
}

// articleJSON is the JSON form of an extracted article.
type articleJSON struct {
	URL          string       `json:"url,omitempty"`
	CanonicalURL string       `json:"canonical_url,omitempty"`
	SiteName     string       `json:"site_name,omitempty"`
	Title        string       `json:"title"`
	Standfirst   string       `json:"standfirst,omitempty"`
	Authors      []authorJSON `json:"authors,omitempty"`
	Language     string       `json:"language,omitempty"`
	Published    string       `json:"published,omitempty"`
	Updated      string       `json:"updated,omitempty"`
	LeadImage    *figureJSON  `json:"lead_image,omitempty"`
	BodyHTML     string       `json:"body_html"`
	BodyText     string       `json:"body_text"`
}

// authorJSON is the JSON form of a credited author.
type authorJSON struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// figureJSON is the JSON form of the lead image.
type figureJSON struct {
	ImageURL string `json:"image_url"`
	Alt      string `json:"alt,omitempty"`
	Caption  string `json:"caption,omitempty"`
	Credit   string `json:"credit,omitempty"`
}

// toJSON converts an article to its JSON form.
func toJSON(art news.Article) articleJSON {
	out := articleJSON{
		URL: art.OriginalURL, CanonicalURL: art.CanonicalURL, SiteName: art.SiteName,
		Title: art.Title, Standfirst: art.Standfirst,
		Language: art.Language, Published: timeString(art.PublishedAt),
		Updated: timeString(art.UpdatedAt), BodyHTML: art.BodyHTML, BodyText: art.BodyText,
	}
	for _, a := range art.Authors {
		out.Authors = append(out.Authors, authorJSON{Name: a.Name, URL: a.URL})
	}
	if f := art.LeadImage; f != nil {
		out.LeadImage = &figureJSON{ImageURL: f.ImageURL, Alt: f.Alt, Caption: f.Caption, Credit: f.Credit}
	}
	return out
}

// writeArticle prints art in the given format.
func writeArticle(w io.Writer, format string, art news.Article) error {
	var err error
	switch format {
	case "text":
		_, err = fmt.Fprintln(w, art.BodyText)
	case "html":
		_, err = fmt.Fprintln(w, art.BodyHTML)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // body_html stays readable; JSON strings are safe as they are
		err = enc.Encode(toJSON(art))
	}
	if err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	return nil
}

// timeString formats t as RFC 3339, or "" for the zero time.
func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
