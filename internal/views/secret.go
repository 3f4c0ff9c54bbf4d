package views

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
)

// secret is one day's HMAC-SHA256 key. It is held only in memory, as the
// two padded key blocks HMAC is built from, so that hashing a visitor
// allocates nothing and destroying the key means zeroing arrays we own.
type secret struct {
	ipad, opad [sha256.BlockSize]byte
}

// newSecret draws a fresh 256-bit key from crypto/rand.
func newSecret() *secret {
	var key [32]byte
	rand.Read(key[:]) // never fails: crypto/rand aborts the process rather than return weak bytes
	s := secretFromKey(&key)
	clear(key[:])
	return s
}

// secretFromKey builds the padded blocks of HMAC-SHA256 for a 32-byte key
// (shorter than a block, so padded with zeros as RFC 2104 says).
func secretFromKey(key *[32]byte) *secret {
	s := &secret{}
	for i := range sha256.BlockSize {
		var k byte
		if i < len(key) {
			k = key[i]
		}
		s.ipad[i] = k ^ 0x36
		s.opad[i] = k ^ 0x5c
	}
	return s
}

// destroy zeroes the key so no later code, core dump or heap inspection can
// link a visitor hash back to an IP address.
func (s *secret) destroy() {
	clear(s.ipad[:])
	clear(s.opad[:])
}

// maxMsgLen bounds the hashed message: site, address and User-Agent with
// two separators. Longer values are cut; the cut is the same every time, so
// one visitor still maps to one hash.
const maxMsgLen = 128 + 64 + maxUALen + 2

// visitor returns the first 64 bits of HMAC-SHA256(key, site 0 ip 0 ua).
// 64 bits keep the chance of two visitors of one article colliding on one
// day below one in a million up to about six million visitors.
func (s *secret) visitor(site, ip, ua string) uint64 {
	var inner [sha256.BlockSize + maxMsgLen]byte
	n := copy(inner[:], s.ipad[:])
	n += copy(inner[n:], site[:min(len(site), 128)])
	inner[n] = 0
	n++
	n += copy(inner[n:], ip[:min(len(ip), 64)])
	inner[n] = 0
	n++
	n += copy(inner[n:], ua[:min(len(ua), maxUALen)])
	ih := sha256.Sum256(inner[:n])
	clear(inner[:sha256.BlockSize]) // the key block must not linger on the stack

	var outer [sha256.BlockSize + sha256.Size]byte
	copy(outer[:], s.opad[:])
	copy(outer[sha256.BlockSize:], ih[:])
	sum := sha256.Sum256(outer[:])
	clear(outer[:sha256.BlockSize])
	return binary.BigEndian.Uint64(sum[:8])
}
