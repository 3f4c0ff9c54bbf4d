package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is what we ask servers for; we decode it ourselves (the
// transport's transparent gzip is off) so that the size limit applies to
// the decompressed bytes whatever the encoding.
const acceptEncoding = "gzip, deflate, br"

// transportReader remembers the last error of the network body, so that a
// read error coming out of a decompressor can be told apart: a network or
// timeout failure, or a corrupt stream.
type transportReader struct {
	r   io.Reader
	err error
}

func (t *transportReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// decoder wraps body in the decompressors named by a Content-Encoding
// header, undoing them in reverse order of application.
func decoder(body io.Reader, contentEncoding string) (io.Reader, error) {
	codings := strings.Split(contentEncoding, ",")
	r := body
	for i := len(codings) - 1; i >= 0; i-- {
		coding := strings.ToLower(strings.TrimSpace(codings[i]))
		var err error
		switch coding {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			r, err = gzip.NewReader(r)
		case "deflate":
			r, err = deflateReader(r)
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, fmt.Errorf("%w: unknown Content-Encoding %q", ErrEncoding, coding)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrEncoding, coding, err)
		}
	}
	return r, nil
}

// deflateReader reads HTTP "deflate", which the standard defines as a zlib
// stream but some servers send as raw DEFLATE; the zlib header tells.
func deflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	h, err := br.Peek(2)
	if err != nil {
		return nil, err
	}
	if h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// readLimited reads r to the end, failing with ErrTooLarge as soon as more
// than max bytes come out. It never holds more than max+1 bytes, so a
// decompression bomb costs at most that much memory and the time it takes
// to inflate it.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: more than %s once decompressed", ErrTooLarge, byteSize(max))
	}
	return body, err
}

// classifyBodyError tells a corrupt compressed stream from a failing
// connection.
func classifyBodyError(err error, tr *transportReader) error {
	if err == nil || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEncoding) {
		return err
	}
	if tr.err != nil && errors.Is(err, tr.err) {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) && tr.err == nil {
		return fmt.Errorf("%w: compressed body ends early", ErrEncoding)
	}
	return fmt.Errorf("%w: %v", ErrEncoding, err)
}

// byteSize formats a byte count for people.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
