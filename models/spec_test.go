package models

import (
	"fmt"
	"slices"
	"testing"
)

// sd describes a state by its accessors: items in removal order,
// unfinished count, shut down.
type sd struct {
	items      []int64
	unfinished int
	shut       bool
}

func (d sd) String() string { return fmt.Sprintf("%v u=%d shut=%v", d.items, d.unfinished, d.shut) }

func describe(st State) sd {
	return sd{st.Items(), st.Unfinished(), st.IsShutDown()}
}

func sameSD(a, b sd) bool {
	return slices.Equal(a.items, b.items) && a.unfinished == b.unfinished && a.shut == b.shut
}

// build returns the state reached from Init by putting puts (in order),
// calling task_done done times and, if shut, a soft shutdown.
func build(t *testing.T, s Spec, puts []int64, done int, shut bool) State {
	t.Helper()
	st := s.Init()
	apply := func(in Input, out Output) {
		next := s.Step(st, in, out)
		if len(next) != 1 {
			t.Fatalf("build: %v → %v illegal in %v", in, out, st)
		}
		st = next[0]
	}
	for _, v := range puts {
		apply(Input{Op: Put, Value: v}, Output{Result: OK})
	}
	for range done {
		apply(Input{Op: TaskDone}, Output{Result: OK})
	}
	if shut {
		apply(Input{Op: Shutdown}, Output{Result: OK})
	}
	return st
}

type stepCase struct {
	name  string
	kind  Kind
	cap   int
	puts  []int64 // initial state: these put, in order
	done  int     // then this many task_done
	shut  bool    // then a soft shutdown
	in    Input
	out   Output
	wants []sd // nil: illegal
}

var (
	put      = func(v int64) Input { return Input{Op: Put, Value: v} }
	tryPut   = func(v int64) Input { return Input{Op: TryPut, Value: v} }
	get      = Input{Op: Get}
	tryGet   = Input{Op: TryGet}
	length   = Input{Op: Len}
	taskDone = Input{Op: TaskDone}
	join     = Input{Op: Join}
	soft     = Input{Op: Shutdown}
	imm      = Input{Op: Shutdown, Immediate: true}
	ok       = Output{Result: OK}
	got      = func(v int64) Output { return Output{Result: OK, Value: v} }
	res      = func(r Result) Output { return Output{Result: r} }
)

func one(items []int64, u int, shut bool) []sd { return []sd{{items, u, shut}} }

var stepCases = []stepCase{
	// put
	{name: "put ok appends", cap: 2, puts: []int64{1}, in: put(2), out: ok, wants: one([]int64{1, 2}, 2, false)},
	{name: "put ok when full", cap: 2, puts: []int64{1, 2}, in: put(3), out: ok},
	{name: "put ok unbounded", puts: []int64{1, 2, 3}, in: put(4), out: ok, wants: one([]int64{1, 2, 3, 4}, 4, false)},
	{name: "put ok when shut", shut: true, in: put(1), out: ok},
	{name: "put shutdown when shut", cap: 1, puts: []int64{1}, shut: true, in: put(2), out: res(Closed), wants: one([]int64{1}, 1, true)},
	{name: "put shutdown when open", in: put(1), out: res(Closed)},
	{name: "put canceled when full", cap: 1, puts: []int64{1}, in: put(2), out: res(Canceled), wants: one([]int64{1}, 1, false)},
	{name: "put canceled when shut", shut: true, in: put(2), out: res(Canceled), wants: one(nil, 0, true)},
	{name: "put canceled with room", in: put(2), out: res(Canceled), wants: one(nil, 0, false)},
	{name: "put full is not a put result", cap: 1, puts: []int64{1}, in: put(2), out: res(Full)},
	{name: "put unknown with room", cap: 2, puts: []int64{1}, in: put(2), out: res(Unknown),
		wants: []sd{{[]int64{1}, 1, false}, {[]int64{1, 2}, 2, false}}},
	{name: "put unknown when full", cap: 1, puts: []int64{1}, in: put(2), out: res(Unknown), wants: one([]int64{1}, 1, false)},
	{name: "put unknown when shut", shut: true, in: put(2), out: res(Unknown), wants: one(nil, 0, true)},
	// try_put
	{name: "try_put ok", cap: 2, puts: []int64{1}, in: tryPut(2), out: ok, wants: one([]int64{1, 2}, 2, false)},
	{name: "try_put ok when full", cap: 1, puts: []int64{1}, in: tryPut(2), out: ok},
	{name: "try_put full when full", cap: 1, puts: []int64{1}, in: tryPut(2), out: res(Full), wants: one([]int64{1}, 1, false)},
	{name: "try_put full with room", cap: 2, puts: []int64{1}, in: tryPut(2), out: res(Full)},
	{name: "try_put full unbounded", puts: []int64{1, 2, 3}, in: tryPut(2), out: res(Full)},
	{name: "try_put full when shut and full", cap: 1, puts: []int64{1}, shut: true, in: tryPut(2), out: res(Full)},
	{name: "try_put shutdown when shut and full", cap: 1, puts: []int64{1}, shut: true, in: tryPut(2), out: res(Closed), wants: one([]int64{1}, 1, true)},
	{name: "try_put shutdown when open", in: tryPut(2), out: res(Closed)},
	{name: "try_put canceled is not a result", in: tryPut(2), out: res(Canceled)},
	{name: "try_put unknown", in: tryPut(2), out: res(Unknown), wants: []sd{{nil, 0, false}, {[]int64{2}, 1, false}}},
	// get
	{name: "fifo get ok oldest", puts: []int64{1, 2}, in: get, out: got(1), wants: one([]int64{2}, 2, false)},
	{name: "fifo get ok newest", puts: []int64{1, 2}, in: get, out: got(2)},
	{name: "lifo get ok newest", kind: LIFO, puts: []int64{1, 2}, in: get, out: got(2), wants: one([]int64{1}, 2, false)},
	{name: "lifo get ok oldest", kind: LIFO, puts: []int64{1, 2}, in: get, out: got(1)},
	{name: "priority get ok smallest", kind: Priority, puts: []int64{5, 3, 4}, in: get, out: got(3), wants: one([]int64{4, 5}, 3, false)},
	{name: "priority get ok not smallest", kind: Priority, puts: []int64{5, 3, 4}, in: get, out: got(5)},
	{name: "priority get ok equal values", kind: Priority, puts: []int64{5, 3, 3}, in: get, out: got(3), wants: one([]int64{3, 5}, 3, false)},
	{name: "get ok after soft shutdown", puts: []int64{1}, shut: true, in: get, out: got(1), wants: one(nil, 1, true)},
	{name: "get ok when empty", in: get, out: got(0)},
	{name: "get shutdown when shut and empty", shut: true, in: get, out: res(Closed), wants: one(nil, 0, true)},
	{name: "get shutdown when shut with items", puts: []int64{1}, shut: true, in: get, out: res(Closed)},
	{name: "get shutdown when open", in: get, out: res(Closed)},
	{name: "get canceled with items", puts: []int64{1}, in: get, out: res(Canceled), wants: one([]int64{1}, 1, false)},
	{name: "get empty is not a get result", in: get, out: res(Empty)},
	{name: "get unknown with items", puts: []int64{1, 2}, in: get, out: res(Unknown),
		wants: []sd{{[]int64{1, 2}, 2, false}, {[]int64{2}, 2, false}}},
	{name: "lifo get unknown with items", kind: LIFO, puts: []int64{1, 2}, in: get, out: res(Unknown),
		wants: []sd{{[]int64{2, 1}, 2, false}, {[]int64{1}, 2, false}}},
	{name: "get unknown when empty", in: get, out: res(Unknown), wants: one(nil, 0, false)},
	// try_get
	{name: "try_get ok", puts: []int64{7}, in: tryGet, out: got(7), wants: one(nil, 1, false)},
	{name: "try_get ok wrong value", puts: []int64{7}, in: tryGet, out: got(8)},
	{name: "try_get empty with items", puts: []int64{7}, done: 1, in: tryGet, out: res(Empty)},
	{name: "try_get empty when open and empty", done: 0, in: tryGet, out: res(Empty), wants: one(nil, 0, false)},
	{name: "try_get empty when shut and empty", shut: true, in: tryGet, out: res(Empty)},
	{name: "try_get shutdown when shut and empty", shut: true, in: tryGet, out: res(Closed), wants: one(nil, 0, true)},
	{name: "try_get shutdown when shut with items", puts: []int64{1}, shut: true, in: tryGet, out: res(Closed)},
	{name: "try_get canceled is not a result", in: tryGet, out: res(Canceled)},
	{name: "priority try_get unknown", kind: Priority, puts: []int64{9, 4}, in: tryGet, out: res(Unknown),
		wants: []sd{{[]int64{4, 9}, 2, false}, {[]int64{9}, 2, false}}},
	// len
	{name: "len ok", puts: []int64{1, 2}, in: length, out: got(2), wants: one([]int64{1, 2}, 2, false)},
	{name: "len ok wrong", puts: []int64{1, 2}, in: length, out: got(1)},
	{name: "len ok after shutdown", puts: []int64{1, 2}, shut: true, in: length, out: got(2), wants: one([]int64{1, 2}, 2, true)},
	{name: "len unknown", puts: []int64{1}, in: length, out: res(Unknown), wants: one([]int64{1}, 1, false)},
	{name: "len empty is not a result", in: length, out: res(Empty)},
	// task_done
	{name: "task_done ok", puts: []int64{1, 2}, in: taskDone, out: ok, wants: one([]int64{1, 2}, 1, false)},
	{name: "task_done ok at zero", puts: []int64{1}, done: 1, in: taskDone, out: ok},
	{name: "task_done ok when shut", puts: []int64{1}, shut: true, in: taskDone, out: ok, wants: one([]int64{1}, 0, true)},
	{name: "task_done error at zero", in: taskDone, out: res(Error), wants: one(nil, 0, false)},
	{name: "task_done error above zero", puts: []int64{1}, in: taskDone, out: res(Error)},
	{name: "task_done unknown", puts: []int64{1}, in: taskDone, out: res(Unknown),
		wants: []sd{{[]int64{1}, 1, false}, {[]int64{1}, 0, false}}},
	{name: "task_done unknown at zero", in: taskDone, out: res(Unknown), wants: one(nil, 0, false)},
	// join
	{name: "join ok at zero", puts: []int64{1}, done: 1, in: join, out: ok, wants: one([]int64{1}, 0, false)},
	{name: "join ok above zero", puts: []int64{1}, in: join, out: ok},
	{name: "join canceled above zero", puts: []int64{1}, in: join, out: res(Canceled), wants: one([]int64{1}, 1, false)},
	{name: "join unknown", puts: []int64{1}, in: join, out: res(Unknown), wants: one([]int64{1}, 1, false)},
	{name: "join shutdown is not a result", shut: true, in: join, out: res(Closed)},
	// shutdown
	{name: "soft shutdown keeps items", puts: []int64{1, 2}, in: soft, out: ok, wants: one([]int64{1, 2}, 2, true)},
	{name: "immediate shutdown drains", puts: []int64{1, 2}, in: imm, out: ok, wants: one(nil, 0, true)},
	{name: "immediate shutdown lowers unfinished by drained", puts: []int64{1, 2, 3}, done: 0, in: imm, out: ok, wants: one(nil, 0, true)},
	{name: "immediate shutdown never below zero", puts: []int64{1, 2}, done: 1, in: imm, out: ok, wants: one(nil, 0, true)},
	{name: "immediate shutdown after soft is sticky", puts: []int64{1}, shut: true, in: imm, out: ok, wants: one(nil, 0, true)},
	{name: "soft shutdown twice", shut: true, in: soft, out: ok, wants: one(nil, 0, true)},
	{name: "shutdown unknown", puts: []int64{1}, in: imm, out: res(Unknown),
		wants: []sd{{[]int64{1}, 1, false}, {nil, 0, true}}},
	{name: "shutdown unknown when shut", shut: true, in: soft, out: res(Unknown), wants: one(nil, 0, true)},
	{name: "shutdown canceled is not a result", in: soft, out: res(Canceled)},
}

func TestStepTable(t *testing.T) {
	for _, c := range stepCases {
		t.Run(c.name, func(t *testing.T) {
			s := Spec{Kind: c.kind, Capacity: c.cap}
			st := build(t, s, c.puts, c.done, c.shut)
			before := describe(st)
			next := s.Step(st, c.in, c.out)
			if !sameSD(describe(st), before) {
				t.Fatalf("Step changed its state: %v became %v", before, describe(st))
			}
			if len(next) != len(c.wants) {
				t.Fatalf("%v %v → %v in %v: got %d states %v, want %v", c.kind, c.in, c.out, st, len(next), next, c.wants)
			}
			for i, w := range c.wants {
				if got := describe(next[i]); !sameSD(got, w) {
					t.Errorf("state %d: got %v, want %v", i, got, w)
				}
			}
		})
	}
}

// TestStepImmediateKeepsExtraUnfinished: unfinished above the items drained
// stays (tasks got but not yet done).
func TestStepImmediateKeepsExtraUnfinished(t *testing.T) {
	s := Spec{Kind: FIFO}
	st := build(t, s, []int64{1, 2, 3}, 0, false)
	st = s.Step(st, get, got(1))[0]
	next := s.Step(st, imm, ok)
	if len(next) != 1 || !sameSD(describe(next[0]), sd{nil, 1, true}) {
		t.Fatalf("got %v, want [] u=1 shut", next)
	}
}

func TestStepRejectsBadOps(t *testing.T) {
	s := Spec{Kind: FIFO}
	if next := s.Step(s.Init(), Input{Op: Op(99)}, ok); next != nil {
		t.Fatalf("unknown op: got %v, want illegal", next)
	}
	if next := s.Step(s.Init(), put(1), res(Result(99))); next != nil {
		t.Fatalf("unknown result: got %v, want illegal", next)
	}
}
