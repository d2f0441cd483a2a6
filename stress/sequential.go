package stress

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// sequential runs the sequential stretches of a long-lived round: calls
// made alone, so that each answer is exactly the model's.
type sequential struct {
	q       queue.Queue[int]
	expect  expect
	rng     *rand.Rand
	next    int64 // the next value to put: larger than every value before it
	ops     int   // operations on the queue so far, windows included
	checked int   // sequential operations checked
}

// run makes at least n calls and ends with the queue drained; each answer
// must be the model's. The queue must be empty when it starts. Cycling,
// it fills and drains the queue by varied amounts, often to empty (a
// resource given back, or not, when the queue empties); steady, it fills
// the queue (to its capacity, or to steadyDepth unbounded) and keeps it
// there, a get then a put: a counter that wraps while items are queued on
// both sides of the wrap.
func (s *sequential) run(n int, steady bool) error {
	s.expect.reset()
	if steady {
		for s.expect.len() < s.depth() {
			if err := s.call(models.TryPut); err != nil {
				return err
			}
		}
	}
	for done := 0; done < n; {
		puts, gets := 1, 1
		if !steady {
			puts, gets = s.cycle(s.expect.len())
		}
		if err := s.calls(models.TryPut, puts); err != nil {
			return err
		}
		if err := s.calls(models.TryGet, gets); err != nil {
			return err
		}
		done += puts + gets
	}
	if err := s.calls(models.TryGet, s.expect.len()); err != nil {
		return err
	}
	return s.call(models.TryGet) // empty
}

// steadyDepth is the depth that the steady stretches keep an unbounded
// queue at.
const steadyDepth = 256

// depth is the depth of the steady stretches: the capacity, or
// steadyDepth unbounded.
func (s *sequential) depth() int {
	if s.expect.capacity == 0 {
		return steadyDepth
	}
	return s.expect.capacity
}

// calls makes n calls of op.
func (s *sequential) calls(op models.Op, n int) error {
	for range n {
		if err := s.call(op); err != nil {
			return err
		}
	}
	return nil
}

// cycle draws the puts and gets of one cycle, the queue holding held
// items: mostly to a level of a few items, one cycle in eight to the
// capacity and one past it (an ErrFull), or, unbounded, to hundreds (the
// queue grows, then shrinks); then down to a random level, in three
// cycles out of four to zero (a get too many answers empty).
func (s *sequential) cycle(held int) (puts, gets int) {
	big, c := s.rng.IntN(8) == 0, s.expect.capacity
	top := min(c, 16)
	switch {
	case c == 0 && big:
		top = 512
	case c == 0:
		top = 16
	case big:
		top = c + 1
	}
	level := max(1+s.rng.IntN(top), held)
	after := 0
	if s.rng.IntN(4) == 0 {
		after = s.rng.IntN(level + 1)
	}
	return level - held, max(level-after, 0)
}

// errUnsupported ends a long-lived round on a queue without TryPut or
// TryGet: its sequential stretches cannot run.
var errUnsupported = errors.New("stress: long-lived rounds need TryPut and TryGet")

// call makes one call and checks its answer: alone, a try_put answers ok
// or full and a try_get the item the model hands out next, or empty.
func (s *sequential) call(op models.Op) error {
	in := models.Input{Op: op}
	var out models.Output
	var err error
	if op == models.TryPut {
		in.Value = s.next
		s.next++
		err = s.q.TryPut(int(in.Value))
	} else {
		var v int
		v, err = s.q.TryGet()
		out.Value = int64(v)
	}
	switch {
	case err == nil:
		out.Result = models.OK
	case errors.Is(err, errors.ErrUnsupported):
		return errUnsupported
	case op == models.TryPut && errors.Is(err, queue.ErrFull):
		out.Result = models.Full
	case op == models.TryGet && errors.Is(err, queue.ErrEmpty):
		out.Result = models.Empty
	default:
		out.Result = models.Unknown
	}
	if out.Result != models.OK || op == models.TryPut {
		out.Value = 0
	}
	held := s.expect.len()
	want := s.expect.step(in)
	s.ops++
	s.checked++
	if out != want {
		return fmt.Errorf("call %d, %s; the model says %s (%d items were queued)",
			s.ops, models.DescribeOperation(in, out), models.DescribeOperation(in, want), held)
	}
	return nil
}

// expect is the model's sequential queue for values put in increasing
// order, as the sequential stretches put them: FIFO and priority queues
// then both hand out the oldest first (the smallest), a LIFO queue the
// newest. It agrees with [models.Spec.Predict] on try_put and try_get
// (a test checks it), without a new state per call: a long-lived round
// makes a million.
type expect struct {
	kind     models.Kind
	capacity int     // 0: unbounded
	items    []int64 // oldest first, from head on
	head     int
}

func (e *expect) reset()   { e.items, e.head = e.items[:0], 0 }
func (e *expect) len() int { return len(e.items) - e.head }

// step returns the answer to in, a try_put or a try_get, and applies it.
func (e *expect) step(in models.Input) models.Output {
	switch {
	case in.Op == models.TryPut && e.capacity > 0 && e.len() >= e.capacity:
		return models.Output{Result: models.Full}
	case in.Op == models.TryPut:
		if e.head >= 1024 && 2*e.head >= len(e.items) {
			n := copy(e.items, e.items[e.head:])
			e.items, e.head = e.items[:n], 0
		}
		e.items = append(e.items, in.Value)
		return models.Output{Result: models.OK}
	case e.len() == 0:
		return models.Output{Result: models.Empty}
	case e.kind == models.LIFO:
		v := e.items[len(e.items)-1]
		e.items = e.items[:len(e.items)-1]
		return models.Output{Result: models.OK, Value: v}
	}
	v := e.items[e.head]
	e.head++
	return models.Output{Result: models.OK, Value: v}
}
