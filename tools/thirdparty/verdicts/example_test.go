package verdicts_test

import (
	"fmt"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
	"github.com/pcqkit/pcq/tools/thirdparty/verdicts"
)

// An overwriting queue of 2 that drops the oldest item is linearizable
// with Lossy, though not strictly.
func ExampleCheckLossy() {
	op := func(in models.Input, out models.Output, t int64) history.Operation {
		return history.Operation{Input: in, Output: out, Call: t, Return: t + 1}
	}
	put := func(v int64, t int64) history.Operation {
		return op(models.Input{Op: models.TryPut, Value: v}, models.Output{Result: models.OK}, t)
	}
	get := func(v int64, t int64) history.Operation {
		return op(models.Input{Op: models.TryGet}, models.Output{Result: models.OK, Value: v}, t)
	}
	h := history.History{Kind: models.FIFO, Capacity: 2,
		Operations: []history.Operation{put(1, 0), put(2, 2), put(3, 4), get(2, 6), get(3, 8)}}
	fmt.Println("strict:", linearizability.Check(h).Verdict)
	fmt.Println("lossy:", verdicts.CheckLossy(h).Verdict)
	// Output:
	// strict: violation
	// lossy: linearizable
}

// Capacities asks each adapter what it really has: a ring of powers of two
// is asked for 1, 4 and 8, never 3.
func ExampleCapacities() {
	l, _ := adapters.Lookup("workiva-ring")
	fmt.Println(verdicts.Capacities(l.New))
	// Output: [1 4 8]
}
