// Package linearizability decides whether a recorded queue history
// ([history.History]) is linearizable: whether each operation can be given
// one point inside its interval so that, run one at a time in that order on
// the sequential specification of package models, they give exactly the
// results recorded.
//
// The way in is [Check]: it returns a [Report] whose [Verdict] is
// Linearizable, Violation or Unknown (a checker gave up; never a pass),
// with the checker that decided, and, for a violation, the few operations
// that make it ([Report.Culprits]) explained in words with their file
// lines. [Visualize] draws porcupine's HTML picture of a report.
//
// Two checkers stand behind Check, chosen with [WithChecker]: [Fast], an
// O(n log n) search for violation patterns in FIFO histories with distinct
// put values (with a search over orders of the values where a capacity
// binds) and polynomial checks of stack (LIFO) and priority queue
// histories with distinct put values, and [Porcupine], the exact search of
// github.com/anishathalye/porcupine for everything else, bounded by
// [WithTimeout] and [WithMemoryBudget]. [Auto], the default, runs the fast checker when it can
// decide and porcupine otherwise. A queue that promises less than the
// strict model (spurious try-failures, dropped items) is checked under a
// [Relaxation] ([WithRelaxations]), and every report made under one says
// so.
//
//	rec := history.NewRecorder(q)
//	// ... goroutines run operations through rec.Client() ...
//	r := linearizability.Check(rec.History(models.FIFO, q.Cap()))
//	if r.Verdict != linearizability.Linearizable {
//		t.Fatal(r, "\n", r.Explanation)
//	}
package linearizability
