package linearizability_test

import (
	"fmt"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// ExampleWithChecker runs the fast checker alone: it decides this FIFO
// history (a verdict other than unknown) and names the operations that
// make the violation.
func ExampleWithChecker() {
	put := func(client int, v, call, ret int64, line int) history.Operation {
		return history.Operation{Client: client, Input: models.Input{Op: models.Put, Value: v}, Call: call, Return: ret, Line: line}
	}
	get := func(client int, v, call, ret int64, line int) history.Operation {
		return history.Operation{Client: client, Input: models.Input{Op: models.Get}, Output: models.Output{Value: v}, Call: call, Return: ret, Line: line}
	}
	h := history.History{Kind: models.FIFO, Operations: []history.Operation{
		put(0, 3, 10, 20, 2),
		put(0, 5, 30, 40, 3),
		get(1, 5, 50, 60, 4),
		get(1, 3, 70, 80, 5),
	}}
	r := linearizability.Check(h, linearizability.WithChecker(linearizability.Fast))
	fmt.Println(r.Verdict != linearizability.Unknown, r.Verdict, r.Checker, r.Culprits)
	fmt.Println(r.Explanation)
	// Output:
	// true violation fast [0 1 2 3]
	// value 3 was put by client 0 (line 2) before the put of 5 by client 0 (line 3) began, but 5 was got by client 1 (line 4) before 3 was got by client 1 (line 5) began
}
