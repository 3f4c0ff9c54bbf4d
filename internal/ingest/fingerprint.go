package ingest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"strings"
	"unicode"
)

// Content fingerprints. Two copies of one story rarely match byte for byte:
// a syndicating site adds a footer, drops a credit line, changes quotes. We
// compare sets of word shingles (every run of shingleWords words) by their
// Jaccard similarity, estimated with MinHash: for each of sigSize hash
// functions the smallest hash over the shingles. The share of equal
// positions in two signatures estimates the similarity. To find candidates
// without comparing against every article, the signature is cut into bands
// of bandRows values; articles sharing a whole band are compared in full
// (locality-sensitive hashing). See docs/ingestion.md.
const (
	shingleWords = 3
	sigSize      = 64
	bandRows     = 4
	numBands     = sigSize / bandRows
	// sameThreshold is the estimated similarity above which two texts are
	// one story. An added footer of a tenth of the length gives about 0.9;
	// different stories on one topic stay far below 0.2.
	sameThreshold = 0.6
	// minShingles is the least text worth fingerprinting: below it, a
	// match says more about boilerplate than about the story.
	minShingles = 20
)

// hashSeeds are the (multiplier, addend) pairs of the sigSize hash
// functions, derived once from a fixed seed so signatures stay comparable
// across processes and releases. Changing them invalidates stored ones.
var hashSeeds = func() (s [sigSize][2]uint64) {
	x := uint64(0x6e657773686f756e) // "newshoun"
	next := func() uint64 {         // splitmix64
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// Signature is a MinHash signature of a text; nil when the text is too
// short to fingerprint.
type Signature []uint32

// words splits text into lower-case words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// MinHash computes the signature of text.
func MinHash(text string) Signature {
	ws := words(text)
	if len(ws) < shingleWords+minShingles-1 {
		return nil
	}
	sig := make(Signature, sigSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(ws); i++ {
		h.Reset()
		for _, w := range ws[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j, seed := range hashSeeds {
			v := uint32((x*seed[0] + seed[1]) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the texts behind two
// signatures: the share of positions where they agree.
func Similarity(a, b Signature) float64 {
	if len(a) != sigSize || len(b) != sigSize {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / sigSize
}

// Same reports whether two signatures are of one story.
func Same(a, b Signature) bool { return Similarity(a, b) >= sameThreshold }

// Bands returns the band hashes of sig, one per band, each mixing in its
// band number, for the index of candidates; nil for a nil signature.
func (sig Signature) Bands() []int64 {
	if len(sig) != sigSize {
		return nil
	}
	out := make([]int64, numBands)
	var buf [4*bandRows + 1]byte
	for b := range out {
		for r := 0; r < bandRows; r++ {
			binary.BigEndian.PutUint32(buf[4*r:], sig[b*bandRows+r])
		}
		buf[4*bandRows] = byte(b) // equal values in different bands do not match
		h := fnv.New64a()
		h.Write(buf[:])
		out[b] = int64(h.Sum64() >> 1) // non-negative: fits every BIGINT
	}
	return out
}

// Bytes encodes sig for storage.
func (sig Signature) Bytes() []byte {
	if sig == nil {
		return nil
	}
	out := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// SignatureFrom decodes a stored signature; nil when b is not one.
func SignatureFrom(b []byte) Signature {
	if len(b) != 4*sigSize {
		return nil
	}
	sig := make(Signature, sigSize)
	for i := range sig {
		sig[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	return sig
}

// ExactFingerprint is a short hash of the text's words, equal for texts
// that differ only in case, spacing and punctuation. It fills
// news.Article.Fingerprint, which the related index uses to keep copies
// out of recommendations.
func ExactFingerprint(text string) string {
	h := sha256.New()
	for _, w := range words(text) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
