package verdicts

import (
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// seq builds a one-client history of the given operations, each returning
// before the next is called.
func seq(capacity int, ops ...history.Operation) history.History {
	for i := range ops {
		ops[i].Call, ops[i].Return = int64(2*i), int64(2*i+1)
	}
	return history.History{Kind: models.FIFO, Capacity: capacity, Operations: ops}
}

func putOK(v int) history.Operation {
	return history.Operation{Input: models.Input{Op: models.TryPut, Value: int64(v)}, Output: models.Output{Result: models.OK}}
}

func getOK(v int) history.Operation {
	return history.Operation{Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.OK, Value: int64(v)}}
}

func getEmpty() history.Operation {
	return history.Operation{Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.Empty}}
}

func TestCheckLossy(t *testing.T) {
	cases := []struct {
		name          string
		h             history.History
		strict, lossy linearizability.Verdict
	}{
		{"in order", seq(2, putOK(1), putOK(2), getOK(1), getOK(2)),
			linearizability.Linearizable, linearizability.Linearizable},
		{"oldest dropped (overwrite)", seq(2, putOK(1), putOK(2), putOK(3), getOK(2), getOK(3), getEmpty()),
			linearizability.Violation, linearizability.Linearizable},
		{"newest first after an overwrite", seq(2, putOK(1), putOK(2), putOK(3), getOK(3), getOK(2)),
			linearizability.Violation, linearizability.Violation},
		{"empty while a later-got item is queued", seq(0, putOK(1), getEmpty(), getOK(1)),
			linearizability.Violation, linearizability.Violation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := linearizability.Check(c.h).Verdict; got != c.strict {
				t.Errorf("strict: %v, want %v", got, c.strict)
			}
			if got := CheckLossy(c.h).Verdict; got != c.lossy {
				t.Errorf("lossy: %v, want %v", got, c.lossy)
			}
		})
	}
}
