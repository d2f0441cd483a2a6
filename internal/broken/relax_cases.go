package broken

import (
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
)

// RelaxCase is one row of the relaxation matrix that the concurrent
// harnesses are tested against: a queue, the relaxations it is held to,
// and whether it must pass.
type RelaxCase struct {
	Name  string
	New   harness.Factory
	Relax []linearizability.Relaxation
	Pass  bool
}

// RelaxCases returns the matrix: each relaxed queue fails strictly, passes
// under its own relaxation only, a lossy queue that also reorders fails
// even under Lossy, and the correct queue passes under both.
func RelaxCases() []RelaxCase {
	lossy, spurious := linearizability.Lossy, linearizability.SpuriousTryFailures
	return []RelaxCase{
		{"lossy strict", NewLossy, nil, false},
		{"lossy relaxed", NewLossy, []linearizability.Relaxation{lossy}, true},
		{"lossy-reorder relaxed", NewLossyReorder, []linearizability.Relaxation{lossy}, false},
		{"spurious strict", NewSpurious, nil, false},
		{"spurious relaxed", NewSpurious, []linearizability.Relaxation{spurious}, true},
		{"spurious under lossy", NewSpurious, []linearizability.Relaxation{lossy}, false},
		{"correct relaxed", NewCorrect, []linearizability.Relaxation{spurious, lossy}, true},
	}
}
