//go:build race

package explore

// raceEnabled reports whether the tests run under the race detector.
const raceEnabled = true
