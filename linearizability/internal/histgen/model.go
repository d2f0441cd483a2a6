package histgen

import (
	"slices"

	"github.com/pcqkit/pcq/models"
)

// Queue is a plain sequential queue with the semantics of history/FORMAT.md
// (Python 3.13's queue.Queue): capacity, unfinished tasks and shutdown.
// It is the generator's own model, kept independent of package models so
// that the checkers are tested against a second reading of the spec.
type Queue struct {
	Kind       models.Kind
	Capacity   int // 0: unbounded
	Items      []int64
	Unfinished int
	Shut       bool
}

// Clone returns a deep copy of q.
func (q *Queue) Clone() *Queue {
	c := *q
	c.Items = slices.Clone(q.Items)
	return &c
}

// Do runs in on q and returns what it answers. A blocking put on a full
// queue, a blocking get on an empty one and a join with unfinished tasks
// would wait: Do answers Canceled and changes nothing.
func (q *Queue) Do(in models.Input) models.Output {
	switch in.Op {
	case models.Put, models.TryPut:
		return q.put(in)
	case models.Get, models.TryGet:
		return q.get(in.Op == models.TryGet)
	case models.Len:
		return models.Output{Result: models.OK, Value: int64(len(q.Items))}
	case models.TaskDone:
		if q.Unfinished == 0 {
			return models.Output{Result: models.Error}
		}
		q.Unfinished--
	case models.Join:
		if q.Unfinished > 0 {
			return models.Output{Result: models.Canceled}
		}
	case models.Shutdown:
		q.Shut = true
		if in.Immediate {
			q.Unfinished = max(0, q.Unfinished-len(q.Items))
			q.Items = q.Items[:0]
		}
	}
	return models.Output{Result: models.OK}
}

func (q *Queue) put(in models.Input) models.Output {
	switch {
	case q.Shut:
		return models.Output{Result: models.Closed}
	case q.Capacity > 0 && len(q.Items) >= q.Capacity && in.Op == models.TryPut:
		return models.Output{Result: models.Full}
	case q.Capacity > 0 && len(q.Items) >= q.Capacity:
		return models.Output{Result: models.Canceled}
	}
	q.Items = append(q.Items, in.Value)
	q.Unfinished++
	return models.Output{Result: models.OK}
}

func (q *Queue) get(try bool) models.Output {
	switch {
	case len(q.Items) == 0 && q.Shut:
		return models.Output{Result: models.Closed}
	case len(q.Items) == 0 && try:
		return models.Output{Result: models.Empty}
	case len(q.Items) == 0:
		return models.Output{Result: models.Canceled}
	}
	i := q.head()
	v := q.Items[i]
	if i == 0 {
		q.Items = q.Items[1:] // FIFO: no copying
	} else {
		q.Items = slices.Delete(q.Items, i, i+1)
	}
	return models.Output{Result: models.OK, Value: v}
}

// head returns the index of the item a get removes.
func (q *Queue) head() int {
	switch q.Kind {
	case models.LIFO:
		return len(q.Items) - 1
	case models.Priority:
		return slices.Index(q.Items, slices.Min(q.Items))
	}
	return 0
}

// Allows reports whether out is a possible answer of in on q, and applies
// it when it is. Canceled is always possible and changes nothing. Unknown
// outcomes are not handled here.
func (q *Queue) Allows(in models.Input, out models.Output) bool {
	if out.Result == models.Canceled {
		return true
	}
	saved := q.Clone()
	got := q.Do(in)
	if got.Result == out.Result && (!carriesValue(in.Op, got.Result) || got.Value == out.Value) {
		return true
	}
	*q = *saved
	return false
}

// carriesValue reports whether the output of op with result r has a value.
func carriesValue(op models.Op, r models.Result) bool {
	return r == models.OK && (op == models.Get || op == models.TryGet || op == models.Len)
}
