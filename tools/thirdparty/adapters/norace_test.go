//go:build !race

package adapters

// raceEnabled reports whether the tests run under the race detector.
const raceEnabled = false
