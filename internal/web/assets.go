package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"

	"newshound/internal/demo"
)

//go:embed static
var staticFS embed.FS

// asset is one embedded file, held in memory with its content hash.
type asset struct {
	body  []byte
	hash  string // first hex digits of its SHA-256; the ETag and ?v= value
	ctype string
	gz    []byte // gzip and brotli forms, made once at start for text
	br    []byte // types when they save something; nil otherwise
}

// assets are the files under /static/: the site's own (style.css, icons)
// and the demo content's illustrations under /static/demo/.
type assets struct {
	files map[string]asset // by path below /static/
}

// loadAssets reads every embedded file once, at start.
func loadAssets() (*assets, error) {
	a := &assets{files: make(map[string]asset)}
	own, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	if err := a.add(own, ""); err != nil {
		return nil, err
	}
	if err := a.add(demo.Assets(), "demo/"); err != nil {
		return nil, err
	}
	return a, nil
}

// add loads every file of fsys under the name prefix.
func (a *assets) add(fsys fs.FS, prefix string) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("web: read asset %s: %w", name, err)
		}
		sum := sha256.Sum256(body)
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		f := asset{body: body, hash: hex.EncodeToString(sum[:6]), ctype: ctype}
		f.gz, f.br = compressAsset(body, ctype)
		a.files[prefix+name] = f
		return nil
	})
}

// staticURL is the URL of an embedded file with its content hash as
// version, so that it can be cached for a year and still change on deploy.
func (s *Server) staticURL(name string) (string, error) {
	f, ok := s.assets.files[name]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", name)
	}
	return "/static/" + name + "?v=" + f.hash, nil
}

// static serves /static/{path...} from memory. A request carrying the
// current ?v= hash is immutable; others may be cached for a day.
func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	f, ok := s.assets.files[r.PathValue("path")]
	if !ok {
		return errNotFound
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+f.hash+`"`)
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=86400")
	}
	if path.Ext(r.PathValue("path")) == ".svg" {
		// An SVG opened on its own is a document; forbid it scripts.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	}
	body := f.body
	if f.gz != nil {
		h["Vary"] = varyEncoding
		switch acceptedEncoding(r.Header.Get("Accept-Encoding"), true) {
		case "br":
			body = f.br
			h["Content-Encoding"] = encBrotli
			h.Set("ETag", `"`+f.hash+`-br"`)
		case "gzip":
			body = f.gz
			h["Content-Encoding"] = encGzip
			h.Set("ETag", `"`+f.hash+`-gzip"`)
		}
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	return nil
}
