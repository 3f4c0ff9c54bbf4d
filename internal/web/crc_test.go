package web

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"
)

func TestCRCCombine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lens := range [][2]int{{0, 0}, {0, 1}, {1, 0}, {5, 3}, {100, 4096}, {4096, 70000}, {13, 1}} {
		a := make([]byte, lens[0])
		b := make([]byte, lens[1])
		for i := range a {
			a[i] = byte(rng.UintN(256))
		}
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		whole := crc32.ChecksumIEEE(append(append([]byte(nil), a...), b...))
		got := crcCombine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), newCRCShift(len(b)))
		if got != whole {
			t.Errorf("lens %v: combine = %08x, CRC of the whole = %08x", lens, got, whole)
		}
	}
}
