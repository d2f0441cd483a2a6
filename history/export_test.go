package history

// Exported for the external tests, which check recorded histories with
// the linearizability package (it imports this one).
var (
	NewSliceQueue = newSliceQueue
	RecordRandom  = recordRandom
)

// WriteJepsenSim writes a simulated Jepsen queue history, for the
// external tests that check it.
var WriteJepsenSim = writeJepsenSim

// RaceEnabled reports whether the test binary was built with -race.
const RaceEnabled = raceEnabled
