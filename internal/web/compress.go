package web

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"net/http"
	"strings"

	"github.com/andybalholm/brotli"
)

// Compression levels: pages are compressed once per change, so we can
// afford the better ratios.
const (
	gzipLevel   = flate.BestCompression
	brotliLevel = 9 // quality 10-11 cost ten times more for a few per cent
)

// gzipParts is a page with holes, gzip-compressed part by part so that a
// response is made by splicing, not by compressing again.
//
// DEFLATE (RFC 1951) is a sequence of blocks, and a block may be a "stored"
// block holding raw bytes. Each static part is compressed on its own and
// ended at a byte boundary without the final-block bit (a sync flush; the
// last part is closed normally), so the parts can be laid end to end with a
// stored block carrying each hole's text in between. The gzip trailer's
// CRC-32 covers the whole text: the CRC of the first part is kept, and the
// rest (holes and the parts after them, usually a few kilobytes at the end
// of a page) is hashed per response.
type gzipParts struct {
	deflated [][]byte // parts[i] compressed; all but the last end in a sync flush
	crc0     uint32   // CRC-32 of parts[0]
}

// gzipHeader is a gzip member header: magic, deflate, no flags, no mtime,
// no extra flags, OS unknown (RFC 1952).
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}

// gzipped compresses e's parts on first use.
func (e *entry) gzipped(c *pageCache) *gzipParts {
	e.gzOnce.Do(func() {
		g := &gzipParts{crc0: crc32.ChecksumIEEE(e.parts[0])}
		n := 0
		for i, p := range e.parts {
			d := deflate(p, i == len(e.parts)-1)
			g.deflated = append(g.deflated, d)
			n += len(d)
		}
		e.gz = g
		c.grow(e, n)
	})
	return e.gz
}

// deflate compresses p with a fresh dictionary, ending with the final block
// when last and with a sync flush (byte-aligned, not final) otherwise.
func deflate(p []byte, last bool) []byte {
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, gzipLevel) // the level is valid
	fw.Write(p)                             // writes to a bytes.Buffer do not fail
	if last {
		fw.Close()
	} else {
		fw.Flush()
	}
	return b.Bytes()
}

// write sends the gzip member for parts with fills in the holes. The CRC
// of each hole's text is taken from its copy in the response buffer, so the
// fills themselves never escape (they live on the caller's stack).
func (g *gzipParts) write(w http.ResponseWriter, r *http.Request, parts, fills [][]byte) {
	if r.Method == http.MethodHead {
		n := len(gzipHeader) + 8
		for i, d := range g.deflated {
			n += len(d)
			if i < len(fills) {
				n += storedLen(len(fills[i]))
			}
		}
		w.Header()["Content-Length"] = contentLength(n)
		w.WriteHeader(http.StatusOK)
		return
	}
	buf := getBuf()
	defer putBuf(buf)
	crc := g.crc0
	size := len(parts[0])
	b := append(*buf, gzipHeader...)
	for i, d := range g.deflated {
		if i > 0 {
			crc = crc32.Update(crc, crc32.IEEETable, parts[i])
			size += len(parts[i])
		}
		b = append(b, d...)
		if i < len(fills) {
			start := len(b)
			b = appendStored(b, fills[i])
			crc = storedCRC(crc, b[start:])
			size += len(fills[i])
		}
	}
	b = binary.LittleEndian.AppendUint32(b, crc)
	b = binary.LittleEndian.AppendUint32(b, uint32(size))
	*buf = b
	writeBody(w, r, b)
}

// storedCRC continues crc over the data of the stored blocks in b.
func storedCRC(crc uint32, b []byte) uint32 {
	for len(b) >= 5 {
		n := int(binary.LittleEndian.Uint16(b[1:3]))
		crc = crc32.Update(crc, crc32.IEEETable, b[5:5+n])
		b = b[5+n:]
	}
	return crc
}

// maxStored is the most a stored block can hold.
const maxStored = 0xffff

// storedLen is the size of f's text as stored blocks.
func storedLen(n int) int {
	blocks := max(1, (n+maxStored-1)/maxStored)
	return 5*blocks + n
}

// appendStored appends f as stored blocks: each a header byte 0 (three
// bits "not final, stored", padded to the byte boundary we are on), then
// LEN and its ones' complement, little-endian, then the bytes.
func appendStored(b, f []byte) []byte {
	for first := true; first || len(f) > 0; first = false {
		n := min(len(f), maxStored)
		b = append(b, 0)
		b = binary.LittleEndian.AppendUint16(b, uint16(n))
		b = binary.LittleEndian.AppendUint16(b, ^uint16(n))
		b = append(b, f[:n]...)
		f = f[n:]
	}
	return b
}

// brotli compresses a page without holes on first use.
func (e *entry) brotli(c *pageCache) []byte {
	e.brOnce.Do(func() {
		var b bytes.Buffer
		bw := brotli.NewWriterLevel(&b, brotliLevel)
		bw.Write(e.parts[0]) // writes to a bytes.Buffer do not fail
		bw.Close()
		e.br = b.Bytes()
		c.grow(e, len(e.br))
	})
	return e.br
}

// compressAsset returns the gzip and brotli forms of an embedded text
// file, or nils for other types and when compression saves under a tenth.
func compressAsset(body []byte, ctype string) (gz, br []byte) {
	if !strings.HasPrefix(ctype, "text/") && !strings.HasPrefix(ctype, "image/svg") &&
		!strings.HasPrefix(ctype, "application/javascript") && !strings.HasPrefix(ctype, "application/json") {
		return nil, nil
	}
	gz = deflateGzip(body)
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotliLevel)
	bw.Write(body) // writes to a bytes.Buffer do not fail
	bw.Close()
	br = b.Bytes()
	if len(gz) > len(body)*9/10 {
		return nil, nil
	}
	return gz, br
}

// deflateGzip is body as one gzip member.
func deflateGzip(body []byte) []byte {
	out := append([]byte(nil), gzipHeader...)
	out = append(out, deflate(body, true)...)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
	return binary.LittleEndian.AppendUint32(out, uint32(len(body)))
}
