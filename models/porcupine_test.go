package models

import (
	"fmt"
	"math"
	"testing"

	"github.com/anishathalye/porcupine"
)

func pop(client int, in Input, out Output, call, ret int64) porcupine.Operation {
	if out.Result == Unknown {
		ret = math.MaxInt64
	}
	return porcupine.Operation{ClientId: client, Input: in, Output: out, Call: call, Return: ret}
}

func TestPorcupineModel(t *testing.T) {
	cases := []struct {
		name string
		spec Spec
		ops  []porcupine.Operation
		want bool
	}{
		{"fifo order", Spec{Kind: FIFO}, []porcupine.Operation{
			pop(0, put(1), ok, 0, 1), pop(0, put(2), ok, 2, 3), pop(1, get, got(1), 4, 5), pop(1, get, got(2), 6, 7),
		}, true},
		{"fifo reordered", Spec{Kind: FIFO}, []porcupine.Operation{
			pop(0, put(1), ok, 0, 1), pop(0, put(2), ok, 2, 3), pop(1, get, got(2), 4, 5),
		}, false},
		{"lifo order", Spec{Kind: LIFO}, []porcupine.Operation{
			pop(0, put(1), ok, 0, 1), pop(0, put(2), ok, 2, 3), pop(1, get, got(2), 4, 5),
		}, true},
		{"unknown get removed the only item", Spec{Kind: FIFO}, []porcupine.Operation{
			pop(0, put(1), ok, 0, 1), pop(1, get, res(Unknown), 2, 0), pop(2, tryGet, res(Empty), 4, 5),
		}, true},
		{"unknown get called after the empty", Spec{Kind: FIFO}, []porcupine.Operation{
			pop(0, put(1), ok, 0, 1), pop(2, tryGet, res(Empty), 4, 5), pop(1, get, res(Unknown), 6, 0),
		}, false},
		{"two unknowns, one took effect", Spec{Kind: FIFO, Capacity: 1}, []porcupine.Operation{
			pop(0, put(1), res(Unknown), 0, 0), pop(1, put(2), res(Unknown), 0, 0),
			pop(2, length, got(1), 3, 4), pop(2, tryPut(3), res(Full), 5, 6), pop(2, tryGet, got(2), 7, 8),
		}, true},
		{"unknown put never took effect", Spec{Kind: FIFO}, []porcupine.Operation{
			pop(0, put(1), res(Unknown), 0, 0), pop(1, length, got(0), 3, 4), pop(1, join, ok, 5, 6),
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := porcupine.CheckOperations(c.spec.Porcupine(), c.ops); got != c.want {
				t.Fatalf("linearizable = %v, want %v", got, c.want)
			}
		})
	}
}

func TestPorcupineSetsOfStates(t *testing.T) {
	s := Spec{Kind: FIFO}
	m := s.Porcupine()
	st := build(t, s, []int64{1, 2}, 0, false)
	ok1, set := m.Step(st, get, res(Unknown))
	if !ok1 {
		t.Fatal("unknown get refused")
	}
	if d := m.DescribeState(set); d != "one of {[1 2] unfinished=2 open | [2] unfinished=2 open}" {
		t.Fatalf("DescribeState = %q", d)
	}
	// 1 can be got from the first state only: back to one state.
	ok2, next := m.Step(set, get, got(1))
	if !ok2 {
		t.Fatal("get 1 refused")
	}
	if _, single := next.(State); !single {
		t.Fatalf("got %T, want a single State", next)
	}
	_, again := m.Step(st, get, res(Unknown))
	if !m.Equal(set, again) || m.Hash(set) != m.Hash(again) {
		t.Fatal("equal sets of states differ")
	}
	if ok3, _ := m.Step(set, get, got(3)); ok3 {
		t.Fatal("get 3 accepted")
	}
}

func ExampleSpec_Step() {
	s := Spec{Kind: FIFO, Capacity: 2}
	st := s.Init()
	st = s.Step(st, Input{Op: Put, Value: 3}, Output{Result: OK})[0]
	st = s.Step(st, Input{Op: Put, Value: 7}, Output{Result: OK})[0]
	fmt.Println(st)
	fmt.Println(len(s.Step(st, Input{Op: Put, Value: 9}, Output{Result: OK})), "states: full")
	for _, next := range s.Step(st, Input{Op: Get}, Output{Result: Unknown}) {
		fmt.Println(next)
	}
	// Output:
	// [3 7] unfinished=2 open
	// 0 states: full
	// [3 7] unfinished=2 open
	// [7] unfinished=2 open
}

func ExampleSpec_Predict() {
	s := Spec{Kind: Priority}
	st := s.Init()
	for _, v := range []int64{5, 2, 8} {
		_, st, _ = s.Predict(st, Input{Op: Put, Value: v})
	}
	out, st, _ := s.Predict(st, Input{Op: Get})
	fmt.Println(DescribeOperation(Input{Op: Get}, out), st)
	_, _, blocks := s.Predict(st, Input{Op: Join})
	fmt.Println("join blocks:", blocks)
	// Output:
	// get() → 2 [5 8] unfinished=3 open
	// join blocks: true
}
