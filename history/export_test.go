package history

// Exported for the external tests, which check recorded histories with
// the linearizability package (it imports this one).
var (
	NewSliceQueue = newSliceQueue
	RecordRandom  = recordRandom
)
