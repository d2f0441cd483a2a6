//go:build race

package verdicts

// raceEnabled reports whether the tests run under the race detector.
const raceEnabled = true
