package web

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newshound/internal/onewrite"
)

// The page cache keeps every rendered public page as bytes, so that a page
// view in the common case runs no template and asks the database nothing.
// Compressed forms (gzip, brotli) are made once per cached page, the first
// time a client asks for them, and kept beside it.
//
// A page is stale when the site changed: the store keeps a site-wide
// generation number that every write to what pages show increases (see
// store.Generation). The server reads it at most once per MaxStale, in the
// background, so a change made by any process shows within about that
// long. Pages also expire after pageMaxAge, for the few things that depend
// on the clock (the news sitemap's two-day window, the join form's token).
//
// Parts of a page that change per request — the visit counter, the join
// form's token — are holes: the cached page is kept as the static parts
// between them, and each response fills them in (see holes.go). Such pages
// are served plain or gzip-compressed by splicing, never recompressed.

// Cache defaults.
const (
	DefaultMaxStale   = time.Second
	DefaultCacheBytes = 64 << 20
	pageMaxAge        = 10 * time.Minute
	maxCacheKey       = 512
	renderTimeout     = 10 * time.Second // a render shared by waiting requests
)

// cacheableQuery is the only query string whose pages are cached: none, or
// a page number. Other queries (tracking parameters, junk) render fresh, so
// they cannot fill the cache with copies.
var cacheableQuery = regexp.MustCompile(`^(page=[0-9]{1,6})?$`)

// entry is one cached page.
type entry struct {
	gen      int64
	expires  time.Time
	ctype    []string // header values, kept as slices so serving allocates nothing
	control  []string
	modified []string // Last-Modified
	modTime  time.Time
	etag     string              // base tag (a content hash), without quotes
	weak     bool                // the page has holes: W/ tags, equal "enough" across fills
	tags     map[string][]string // ETag header value by encoding

	articleID int64    // the article shown (its views are counted), or 0
	parts     [][]byte // static text; holes[i] goes between parts[i] and parts[i+1]
	holes     []holeKind

	gzOnce sync.Once
	gz     *gzipParts
	brOnce sync.Once
	br     []byte // brotli of parts[0], for pages without holes

	size int64
	used atomic.Int64 // unix seconds of the last hit, for eviction
}

// pageCache is a map of entries by key, bounded in bytes.
type pageCache struct {
	mu      sync.RWMutex
	entries map[string]*entry
	size    int64
	max     int64

	flightMu sync.Mutex
	flight   map[string]*flight // renders in progress, so a stampede renders once
}

type flight struct {
	done chan struct{}
	e    *entry
	err  error
}

func newPageCache(max int64) *pageCache {
	return &pageCache{entries: map[string]*entry{}, max: max, flight: map[string]*flight{}}
}

// get returns the entry for key if it is of generation gen and not expired.
func (c *pageCache) get(key string, gen int64, now time.Time) *entry {
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	if e == nil || e.gen != gen || now.After(e.expires) {
		return nil
	}
	if u := now.Unix(); e.used.Load() != u {
		e.used.Store(u)
	}
	return e
}

// put stores e under key and evicts the least recently used entries when
// the cache is over its size, down to 90% of it.
func (c *pageCache) put(key string, e *entry) {
	if c.max <= 0 || e.size > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.entries[key]; old != nil {
		c.size -= old.size
	}
	c.entries[key] = e
	c.size += e.size
	if c.size <= c.max {
		return
	}
	type kv struct {
		key  string
		used int64
	}
	all := make([]kv, 0, len(c.entries))
	for k, v := range c.entries {
		all = append(all, kv{k, v.used.Load()})
	}
	slices.SortFunc(all, func(a, b kv) int { return int(a.used - b.used) })
	for _, x := range all {
		if c.size <= c.max*9/10 {
			break
		}
		c.size -= c.entries[x.key].size
		delete(c.entries, x.key)
	}
}

// grow accounts for compressed bytes added to an entry after it was stored.
func (c *pageCache) grow(e *entry, n int) {
	c.mu.Lock()
	e.size += int64(n)
	c.size += int64(n)
	c.mu.Unlock()
}

// once runs render for key unless a render of key is already running, in
// which case it waits for that one and shares its result.
func (c *pageCache) once(ctx context.Context, key string, render func() (*entry, error)) (*entry, error) {
	c.flightMu.Lock()
	if f, ok := c.flight[key]; ok {
		c.flightMu.Unlock()
		select {
		case <-f.done:
			return f.e, f.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{})}
	c.flight[key] = f
	c.flightMu.Unlock()
	f.e, f.err = render()
	c.flightMu.Lock()
	delete(c.flight, key)
	c.flightMu.Unlock()
	close(f.done)
	return f.e, f.err
}

// generation returns the site's change counter as last read. It re-reads
// it in the background when the value is older than MaxStale, so a request
// never waits for the database, except the first, or every request when
// MaxStale is negative (tests that change the site between requests).
func (s *Server) generation(ctx context.Context) (int64, error) {
	now := time.Now().UnixNano()
	g := s.gen.Load()
	if g == 0 || s.maxStale < 0 {
		return s.readGeneration(ctx)
	}
	if now-s.genRead.Load() > int64(s.maxStale) && s.genBusy.CompareAndSwap(false, true) {
		go func() {
			defer s.genBusy.Store(false)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, err := s.readGeneration(ctx)
			switch {
			case err != nil && !s.genFailing.Swap(true): // once per outage, not every second
				s.log.Warn("web: cannot check for site changes; serving cached pages", "err", err)
			case err == nil && s.genFailing.Swap(false):
				s.log.Info("web: checking for site changes again")
			}
		}()
	}
	return g, nil
}

func (s *Server) readGeneration(ctx context.Context) (int64, error) {
	g, err := s.store.Generation(ctx)
	if err != nil {
		return 0, err
	}
	s.gen.Store(g)
	s.genRead.Store(time.Now().UnixNano())
	return g, nil
}

// page is what a cacheable handler produces: the rendered bytes and how to
// serve them.
type page struct {
	body      []byte
	ctype     string
	control   string // Cache-Control
	articleID int64  // views of this article are counted on every serve
}

// pageFunc renders a page for a request. It must depend on nothing in the
// request but its path (and a ?page= number), since its result is shared.
type pageFunc func(r *http.Request) (page, error)

// cached serves the pages of render from the cache, rendering on a miss.
// Requests with other query strings are rendered fresh and not stored.
func (s *Server) cached(render pageFunc) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		gen, err := s.generation(r.Context())
		if err != nil {
			return fmt.Errorf("web: site generation: %w", err)
		}
		key := s.cacheKey(r)
		now := time.Now()
		if len(key) > maxCacheKey || r.URL.RawQuery != "" && !cacheableQuery.MatchString(r.URL.RawQuery) {
			e, err := s.newEntry(r, render, gen, now)
			if err != nil {
				return err
			}
			s.serveEntry(w, r, e)
			return nil
		}
		e := s.cache.get(key, gen, now)
		if e == nil {
			e, err = s.cache.once(r.Context(), key, func() (*entry, error) {
				// Other requests may be waiting for this render: it must not
				// fail because this request's client went away.
				ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), renderTimeout)
				defer cancel()
				e, err := s.newEntry(r.WithContext(ctx), render, gen, now)
				if err == nil {
					s.cache.put(key, e)
				}
				return e, err
			})
			if err != nil {
				return err
			}
		}
		s.serveEntry(w, r, e)
		return nil
	})
}

// cacheKey is the key of r's page in the cache: its path and query, and
// its host when absolute links follow the Host header.
func (s *Server) cacheKey(r *http.Request) string {
	key := r.URL.Path
	if r.URL.RawQuery != "" {
		key += "?" + r.URL.RawQuery
	}
	if s.baseURL == "" {
		key = r.Host + key
	}
	return key
}

// ServeHTTP serves a page straight from the cache when it is there and
// current, and routes everything else through the site's mux. Only the
// mux's cached GET routes put pages in the cache, always under a path the
// mux had already cleaned, so a hit is exactly what the route would serve;
// skipping the routing saves a tenth of a cached view's work.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		if g := s.gen.Load(); g != 0 && s.maxStale >= 0 {
			now := time.Now()
			if now.UnixNano()-s.genRead.Load() <= int64(s.maxStale) {
				if e := s.cache.get(s.cacheKey(r), g, now); e != nil {
					s.serveEntry(w, r, e)
					return
				}
			}
		}
	}
	s.mux.ServeHTTP(w, r)
}

// newEntry renders a page and prepares it for serving.
func (s *Server) newEntry(r *http.Request, render pageFunc, gen int64, now time.Time) (*entry, error) {
	p, err := render(r)
	if err != nil {
		return nil, err
	}
	parts, holes := s.holes.split(p.body)
	sum := sha256.New()
	for _, part := range parts {
		sum.Write(part)
	}
	mod := now.UTC().Truncate(time.Second)
	e := &entry{
		gen:       gen,
		expires:   now.Add(pageMaxAge),
		ctype:     []string{p.ctype},
		control:   []string{p.control},
		modified:  []string{mod.Format(http.TimeFormat)},
		modTime:   mod,
		etag:      base64.RawURLEncoding.EncodeToString(sum.Sum(nil)[:12]),
		weak:      len(holes) > 0,
		articleID: p.articleID,
		parts:     parts,
		holes:     holes,
		size:      int64(len(p.body)) + 512,
	}
	e.tags = map[string][]string{}
	for _, enc := range []string{"", "gzip", "br"} {
		e.tags[enc] = []string{e.tag(enc)}
	}
	e.used.Store(now.Unix())
	return e, nil
}

// Header values shared by every response, as slices so that setting them
// allocates nothing.
var (
	varyEncoding = []string{"Accept-Encoding"}
	encGzip      = []string{"gzip"}
	encBrotli    = []string{"br"}
	noSniff      = []string{"nosniff"}
)

// serveEntry writes e for r: counts the view when e is an article, answers
// 304 when the client's copy is current, and otherwise sends the page in
// the best encoding the client accepts, filling its holes.
func (s *Server) serveEntry(w http.ResponseWriter, r *http.Request, e *entry) {
	if e.articleID != 0 && s.counter != nil {
		// Before any 304: a revalidated view is still a view.
		s.counter.Record(e.articleID, r)
	}
	enc := acceptedEncoding(r.Header.Get("Accept-Encoding"), len(e.holes) == 0)
	h := w.Header()
	if strings.HasPrefix(e.ctype[0], "text/html") {
		// An HTML page declared text/html leaves a browser nothing to
		// sniff, and without nosniff a page view sends eight header
		// fields: net/http's header map (and its copy when the header is
		// written) stays in its small form, which takes about 6% off a
		// view's CPU time (README, "Reading speed"). Everything else the
		// cache serves (feeds, sitemaps) keeps it.
		delete(h, "X-Content-Type-Options")
	} else {
		h["X-Content-Type-Options"] = noSniff
	}
	h["Content-Type"] = e.ctype
	h["Cache-Control"] = e.control
	h["Vary"] = varyEncoding
	h["Last-Modified"] = e.modified
	h["Etag"] = e.tags[enc]
	if notModified(r, e) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	// The holes' texts, in a buffer on the stack in the common case.
	var fillArr [numHoles][]byte // split makes at most numHoles
	var scratch [512]byte
	text := scratch[:0]
	for i, k := range e.holes {
		start := len(text)
		text = s.fill(text, r, e, k)
		fillArr[i] = text[start:len(text):len(text)]
	}
	fills := fillArr[:len(e.holes)]
	switch enc {
	case "br":
		body := e.brotli(s.cache)
		h["Content-Encoding"] = encBrotli
		writeBody(w, r, body)
	case "gzip":
		gz := e.gzipped(s.cache)
		h["Content-Encoding"] = encGzip
		gz.write(w, r, e.parts, fills)
	default:
		writeParts(w, r, e.parts, fills)
	}
}

// tag is the entity tag of e in encoding enc, quoted: each encoding is a
// different representation, so it gets its own tag.
func (e *entry) tag(enc string) string {
	t := `"` + e.etag
	if enc != "" {
		t += "-" + enc
	}
	t += `"`
	if e.weak {
		t = "W/" + t
	}
	return t
}

// notModified reports whether r's conditional headers show that the
// client holds e already (in any encoding).
func notModified(r *http.Request, e *entry) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagListHas(inm, e.etag)
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		t, err := http.ParseTime(ims)
		return err == nil && !e.modTime.After(t)
	}
	return false
}

// etagListHas reports whether an If-None-Match list names base in any
// encoding, weak or strong ("*" matches everything).
func etagListHas(list, base string) bool {
	for len(list) > 0 {
		var tok string
		if i := indexByte(list, ','); i >= 0 {
			tok, list = list[:i], list[i+1:]
		} else {
			tok, list = list, ""
		}
		tok = trimSpace(tok)
		if tok == "*" {
			return true
		}
		if len(tok) > 2 && tok[:2] == "W/" {
			tok = tok[2:]
		}
		if len(tok) < 2 || tok[0] != '"' || tok[len(tok)-1] != '"' {
			continue
		}
		tok = tok[1 : len(tok)-1]
		for _, suffix := range []string{"", "-gzip", "-br"} {
			if tok == base+suffix {
				return true
			}
		}
	}
	return false
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// acceptedEncoding picks brotli (when allowed), gzip or nothing ("") from
// an Accept-Encoding header, honouring q=0 refusals.
func acceptedEncoding(header string, brotliOK bool) string {
	gzip, br := false, false
	for header != "" {
		var part string
		if i := indexByte(header, ','); i >= 0 {
			part, header = header[:i], header[i+1:]
		} else {
			part, header = header, ""
		}
		name, params := part, ""
		if i := indexByte(part, ';'); i >= 0 {
			name, params = part[:i], part[i+1:]
		}
		name = trimSpace(name)
		if refused(params) {
			continue
		}
		switch name {
		case "gzip", "x-gzip":
			gzip = true
		case "br":
			br = true
		case "*":
			gzip = true
		}
	}
	switch {
	case br && brotliOK:
		return "br"
	case gzip:
		return "gzip"
	}
	return ""
}

// refused reports whether Accept-Encoding parameters say q=0.
func refused(params string) bool {
	params = trimSpace(params)
	if len(params) < 3 || (params[0] != 'q' && params[0] != 'Q') || params[1] != '=' {
		return false
	}
	for _, c := range params[2:] {
		if c != '0' && c != '.' && c != ' ' {
			return false
		}
	}
	return true
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// writeBody sends one byte slice with its length.
func writeBody(w http.ResponseWriter, r *http.Request, body []byte) {
	w.Header()["Content-Length"] = contentLength(len(body))
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	g := onewrite.Gather(r) // headers and body in one write call
	w.WriteHeader(http.StatusOK)
	w.Write(body) // a write error means the client went away
	g.Send(w)
}

// writeParts sends the static parts with the holes filled in between.
func writeParts(w http.ResponseWriter, r *http.Request, parts, fills [][]byte) {
	if len(fills) == 0 {
		writeBody(w, r, parts[0])
		return
	}
	buf := getBuf()
	defer putBuf(buf)
	for i, p := range parts {
		*buf = append(*buf, p...)
		if i < len(fills) {
			*buf = append(*buf, fills[i]...)
		}
	}
	writeBody(w, r, *buf)
}

// bufs are response buffers. A response assembled in one buffer goes out
// in one Write, which net/http turns into the fewest syscalls and TCP
// segments; copying a page in memory costs far less than an extra segment.
var bufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

func getBuf() *[]byte { return bufs.Get().(*[]byte) }

func putBuf(b *[]byte) {
	if cap(*b) > 1<<20 {
		return // let an unusually large page's buffer go
	}
	*b = (*b)[:0]
	bufs.Put(b)
}

// lengths remembers recent Content-Length header values, direct-mapped by
// length: a busy page is sent with the same few lengths over and over, and
// its header value then costs no allocation.
var lengths [256]atomic.Pointer[lengthValue]

type lengthValue struct {
	n int
	v []string
}

func contentLength(n int) []string {
	slot := &lengths[n&255]
	if l := slot.Load(); l != nil && l.n == n {
		return l.v
	}
	l := &lengthValue{n: n, v: []string{itoa(n)}}
	slot.Store(l)
	return l.v
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
