package web

import "hash/crc32"

// crcShift is the linear map (over GF(2)) that running n zero bytes
// through the CRC-32 register applies to it, tabulated a byte at a time
// so that applying it costs four lookups. It lets a response's CRC skip
// over a static part whose own CRC is known, instead of hashing the part
// again per request:
//
//	crc32.Update(c, IEEETable, B) == shift(len(B))(c) ^ crc32.ChecksumIEEE(B)
//
// (the pre- and post-inversion of the register cancel out).
type crcShift [4][256]uint32

// newCRCShift tabulates the shift over n zero bytes. Each of the 32 bit
// columns is found by hashing n zeros once; every other input is a sum
// (XOR) of columns, because the map is linear.
func newCRCShift(n int) *crcShift {
	zeros := make([]byte, n)
	var col [32]uint32
	for j := range col {
		// raw(x) = ^Update(^x, zeros): Update inverts on entry and exit.
		col[j] = ^crc32.Update(^uint32(1<<j), crc32.IEEETable, zeros)
	}
	s := new(crcShift)
	for k := range s {
		for b := 1; b < 256; b++ {
			var v uint32
			for i := range 8 {
				if b&(1<<i) != 0 {
					v ^= col[8*k+i]
				}
			}
			s[k][b] = v
		}
	}
	return s
}

// apply is the shift applied to crc.
func (s *crcShift) apply(crc uint32) uint32 {
	return s[0][byte(crc)] ^ s[1][byte(crc>>8)] ^ s[2][byte(crc>>16)] ^ s[3][byte(crc>>24)]
}

// crcCombine is the CRC-32 of A followed by B, given crcA, the CRC-32 of
// B and the shift over len(B).
func crcCombine(crcA, crcB uint32, shiftB *crcShift) uint32 {
	return shiftB.apply(crcA) ^ crcB
}
