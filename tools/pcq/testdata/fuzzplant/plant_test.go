// Package fuzzplant holds two fuzz targets for the tests of pcq fuzz: one
// with a planted crasher that the fuzzer finds in moments, one that never
// fails.
package fuzzplant

import "testing"

func FuzzPlanted(f *testing.F) {
	f.Add([]byte("a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && data[0] == 'z' {
			t.Fatalf("planted crasher: input starts with 'z'")
		}
	})
}

func FuzzClean(f *testing.F) {
	f.Add([]byte("a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = len(data)
	})
}
