// Package models is the sequential specification of a queue, the one
// oracle every checker of the kit answers to: what a FIFO, LIFO or
// priority queue of a given capacity answers to each operation (put,
// try_put, get, try_get, len, task_done, join, shutdown), with Python
// 3.13's queue.Queue semantics as history/FORMAT.md states them.
//
// The vocabulary: [Kind] is the order of the queue, [Op] an operation,
// [Result] what it returned, [Input] and [Output] a call and its answer.
// The way in is [Spec]: [Spec.Init] gives the empty open queue's [State],
// [Spec.Step] every state an operation with a given answer can lead to
// (none: the answer is impossible), [Spec.Predict] what a correct queue
// answers, and [Spec.Porcupine] the same specification as a porcupine
// model, for the linearizability checkers. The property tests, porcupine
// and the explanations of violations all use these functions, so the
// oracles cannot drift apart.
package models
