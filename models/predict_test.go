package models

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pcqkit/pcq/internal/testseed"
)

func TestPredict(t *testing.T) {
	cases := []struct {
		name   string
		kind   Kind
		cap    int
		puts   []int64
		done   int
		shut   bool
		in     Input
		out    Output
		blocks bool
	}{
		{name: "put with room", cap: 1, in: put(1), out: ok},
		{name: "put when full blocks", cap: 1, puts: []int64{1}, in: put(2), blocks: true},
		{name: "put when shut and full", cap: 1, puts: []int64{1}, shut: true, in: put(2), out: res(Closed)},
		{name: "try_put when full", cap: 1, puts: []int64{1}, in: tryPut(2), out: res(Full)},
		{name: "try_put when shut", shut: true, in: tryPut(2), out: res(Closed)},
		{name: "get fifo", puts: []int64{1, 2}, in: get, out: got(1)},
		{name: "get lifo", kind: LIFO, puts: []int64{1, 2}, in: get, out: got(2)},
		{name: "get priority", kind: Priority, puts: []int64{3, 1, 2}, in: get, out: got(1)},
		{name: "get when empty blocks", in: get, blocks: true},
		{name: "get when shut with items", puts: []int64{4}, shut: true, in: get, out: got(4)},
		{name: "get when shut and empty", shut: true, in: get, out: res(Closed)},
		{name: "try_get when empty", in: tryGet, out: res(Empty)},
		{name: "try_get when shut and empty", shut: true, in: tryGet, out: res(Closed)},
		{name: "len", puts: []int64{1, 2, 3}, in: length, out: got(3)},
		{name: "task_done", puts: []int64{1}, in: taskDone, out: ok},
		{name: "task_done at zero", in: taskDone, out: res(Error)},
		{name: "join at zero", puts: []int64{1}, done: 1, in: join, out: ok},
		{name: "join above zero blocks", puts: []int64{1}, in: join, blocks: true},
		{name: "join above zero after shutdown blocks", puts: []int64{1}, shut: true, in: join, blocks: true},
		{name: "shutdown", in: imm, out: ok},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Spec{Kind: c.kind, Capacity: c.cap}
			st := build(t, s, c.puts, c.done, c.shut)
			out, next, blocks := s.Predict(st, c.in)
			if blocks != c.blocks {
				t.Fatalf("blocks = %v, want %v", blocks, c.blocks)
			}
			if blocks {
				return
			}
			if out != c.out {
				t.Fatalf("out = %v, want %v", out, c.out)
			}
			steps := s.Step(st, c.in, out)
			if len(steps) != 1 || !steps[0].Equal(next) {
				t.Fatalf("Predict's next %v disagrees with Step %v", next, steps)
			}
		})
	}
}

// randomInput returns an operation drawn from every kind of call, with
// values in a small range so that equal values occur.
func randomInput(r *rand.Rand) Input {
	in := Input{Op: Op(r.IntN(int(Shutdown) + 1)), Value: r.Int64N(6)}
	if in.Op == Shutdown {
		in.Immediate = r.IntN(2) == 0
		if r.IntN(4) != 0 { // shut down rarely
			in.Op = Put
		}
	}
	return in
}

// TestRandomWalks drives every kind with Predict, checks that Step agrees
// with it, that the items follow a slice model of the queue, and that
// Hash and Equal agree with the accessors on states reached by different
// paths.
func TestRandomWalks(t *testing.T) {
	seed := testseed.Get(t)
	r := rand.New(rand.NewPCG(seed, 7))
	for _, kind := range []Kind{FIFO, LIFO, Priority} {
		s := Spec{Kind: kind, Capacity: r.IntN(4)}
		var seen []State
		for range 200 {
			st := s.Init()
			var model []int64 // items, in removal order
			for range r.IntN(12) {
				in := randomInput(r)
				out, next, blocks := s.Predict(st, in)
				if blocks {
					continue
				}
				if steps := s.Step(st, in, out); len(steps) != 1 || !steps[0].Equal(next) {
					t.Fatalf("seed %d: %v: Step %v disagrees with Predict %v", seed, kind, steps, next)
				}
				model = sliceModel(kind, model, in, out)
				if got := next.Items(); !slices.Equal(got, model) {
					t.Fatalf("seed %d: %v after %v → %v: items %v, want %v", seed, kind, in, out, got, model)
				}
				st = next
			}
			seen = append(seen, st)
		}
		checkHashEqual(t, seed, seen)
	}
}

// sliceModel applies a predicted step to a plain slice, in removal order.
func sliceModel(kind Kind, items []int64, in Input, out Output) []int64 {
	switch {
	case out.Result != OK:
	case in.Op == Put || in.Op == TryPut:
		switch kind {
		case FIFO:
			return append(slices.Clip(items), in.Value)
		case LIFO:
			return append([]int64{in.Value}, items...)
		default:
			i := len(items)
			for i > 0 && items[i-1] > in.Value {
				i--
			}
			return slices.Insert(slices.Clone(items), i, in.Value)
		}
	case in.Op == Get || in.Op == TryGet:
		return items[1:]
	case in.Op == Shutdown && in.Immediate:
		return nil
	}
	return items
}

func checkHashEqual(t *testing.T, seed uint64, states []State) {
	t.Helper()
	for _, a := range states {
		for _, b := range states {
			same := sameSD(describe(a), describe(b))
			if a.Equal(b) != same {
				t.Fatalf("seed %d: Equal(%v, %v) = %v", seed, a, b, a.Equal(b))
			}
			if same && a.Hash() != b.Hash() {
				t.Fatalf("seed %d: equal states %v have hashes %x and %x", seed, a, a.Hash(), b.Hash())
			}
		}
	}
}

func TestItemsIsACopy(t *testing.T) {
	s := Spec{Kind: FIFO}
	st := build(t, s, []int64{1, 2}, 0, false)
	st.Items()[0] = 99
	if got := st.Items(); got[0] != 1 {
		t.Fatalf("Items shares memory with the state: %v", got)
	}
}

func TestStateString(t *testing.T) {
	s := Spec{Kind: LIFO}
	st := build(t, s, []int64{3, 7, 9}, 1, false)
	if got, want := st.String(), "[9 7 3] unfinished=2 open"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	var many []int64
	for i := range 40 {
		many = append(many, int64(i))
	}
	st = build(t, Spec{Kind: FIFO}, many, 0, true)
	if got, want := st.String(), "[0 1 2 3 4 5 6 7 … 30 more … 38 39] unfinished=40 shut down"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestStateAll(t *testing.T) {
	for _, kind := range []Kind{FIFO, LIFO, Priority} {
		st := build(t, Spec{Kind: kind}, []int64{4, 1, 3}, 0, false)
		var all []int64
		for v := range st.All() {
			all = append(all, v)
			if len(all) == 2 {
				break
			}
		}
		if want := st.Items()[:2]; !slices.Equal(all, want) {
			t.Errorf("%v: All yielded %v, want %v", kind, all, want)
		}
	}
}
