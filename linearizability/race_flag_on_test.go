//go:build race

package linearizability

// raceEnabled reports whether the test binary was built with -race.
const raceEnabled = true
