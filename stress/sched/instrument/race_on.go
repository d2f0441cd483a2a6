//go:build race

package instrument

// raceEnabled: this binary was built with -race, and so is a re-run.
const raceEnabled = true
