package linearizability

import (
	"cmp"
	"slices"
)

// fastKey is a sort key with a payload: an index, sometimes with a flag in
// its top bit.
type fastKey struct {
	k int64
	i int32
}

// fastSort sorts keys by k, stably, so that equal keys keep the order they
// were given in. It is an LSD radix sort with 11-bit digits that skips the
// digits all keys share: times and values of a history span far fewer
// than 64 bits, so it usually makes two or three passes over the keys
// instead of the n log n comparisons of a comparison sort.
func fastSort(keys []fastKey) []fastKey {
	if len(keys) < 1024 {
		// small: a comparison sort in place beats the radix buckets
		slices.SortStableFunc(keys, func(a, b fastKey) int { return cmp.Compare(a.k, b.k) })
		return keys
	}
	var diff uint64
	first := uint64(keys[0].k)
	for _, x := range keys {
		diff |= uint64(x.k) ^ first
	}
	const bits = 11
	const mask = 1<<bits - 1
	buf := make([]fastKey, len(keys))
	var count [1 << bits]int
	for shift := uint(0); shift < 64; shift += bits {
		if (diff>>shift)&mask == 0 {
			continue
		}
		count = [1 << bits]int{}
		for _, x := range keys {
			count[fastDigit(x.k, shift)&mask]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, x := range keys {
			d := fastDigit(x.k, shift) & mask
			buf[count[d]] = x
			count[d]++
		}
		keys, buf = buf, keys
	}
	return keys
}

// fastDigit returns the bits of k from shift on, with the sign bit flipped
// so that negative keys sort first.
func fastDigit(k int64, shift uint) uint64 {
	return (uint64(k) ^ 1<<63) >> shift
}
