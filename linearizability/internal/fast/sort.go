package fast

// sortKey is a sort key with a payload: an index, sometimes with a flag in
// its top bit.
type sortKey struct {
	k int64
	i int32
}

// sortKeys sorts keys by k, stably, so that equal keys keep the order they
// were given in. It is an LSD radix sort with 8- or 11-bit digits that skips the
// digits all keys share: times and values of a history span far fewer
// than 64 bits, so it usually makes two or three passes over the keys
// instead of the n log n comparisons of a comparison sort.
func sortKeys(keys []sortKey) []sortKey {
	if len(keys) <= 32 {
		// small: an insertion sort (stable) beats the radix buckets
		for i := 1; i < len(keys); i++ {
			for j := i; j > 0 && keys[j].k < keys[j-1].k; j-- {
				keys[j], keys[j-1] = keys[j-1], keys[j]
			}
		}
		return keys
	}
	var diff uint64
	first := uint64(keys[0].k)
	for _, x := range keys {
		diff |= uint64(x.k) ^ first
	}
	bits := uint(8) // fewer buckets to clear for fewer keys
	if len(keys) >= 1<<14 {
		bits = 11
	}
	mask := uint64(1)<<bits - 1
	buf := make([]sortKey, len(keys))
	count := make([]int, 1<<bits)
	for shift := uint(0); shift < 64; shift += bits {
		if (diff>>shift)&mask == 0 {
			continue
		}
		clear(count)
		for _, x := range keys {
			count[digit(x.k, shift)&mask]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, x := range keys {
			d := digit(x.k, shift) & mask
			buf[count[d]] = x
			count[d]++
		}
		keys, buf = buf, keys
	}
	return keys
}

// digit returns the bits of k from shift on, with the sign bit flipped
// so that negative keys sort first.
func digit(k int64, shift uint) uint64 {
	return (uint64(k) ^ 1<<63) >> shift
}
