//go:build race

package history

// raceEnabled reports whether the test binary was built with -race.
const raceEnabled = true
