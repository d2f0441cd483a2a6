package linearizability_test

import (
	"fmt"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

func ExampleCheck() {
	put := func(v int64) models.Input { return models.Input{Op: models.Put, Value: v} }
	get := models.Input{Op: models.Get}
	ok := models.Output{Result: models.OK}
	got := func(v int64) models.Output { return models.Output{Result: models.OK, Value: v} }
	h := history.History{Kind: models.FIFO, Operations: []history.Operation{
		{Client: 0, Input: put(1), Output: ok, Call: 0, Return: 10, Line: 2},
		{Client: 0, Input: put(2), Output: ok, Call: 20, Return: 30, Line: 3},
		{Client: 1, Input: get, Output: got(2), Call: 40, Return: 50, Line: 4},
		{Client: 2, Input: models.Input{Op: models.Join}, Output: ok, Call: 60, Return: 70, Line: 5},
	}}
	r := linearizability.Check(h, linearizability.WithChecker(linearizability.Porcupine))
	fmt.Println(r.Verdict, r.Checker, r.Culprits)
	fmt.Println(r.Explanation)
	// Output:
	// violation porcupine [1 2 3]
	// no order of these 3 operations explains their results (shrunk: leaving out any more would lose the violation, or could make one up):
	//   client 0 (line 3): put(2) → ok, called at 20, returned at 30
	//   client 1 (line 4): get() → 2, called at 40, returned at 50
	//   client 2 (line 5): join() → ok, called at 60, returned at 70
	// the longest order that explains some: put(2) → ok; get() → 2, leaving [] unfinished=1 open; then
	//   client 2 (line 5) cannot come next: join() → ok, but it would still be waiting
}
