package queue

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/internal/testseed"
)

func TestCap(t *testing.T) {
	for _, im := range suiteImpls {
		if im.bounded {
			for _, c := range []int{1, 3, 1000} {
				if got := im.new(c).Cap(); got != c {
					t.Errorf("%s(%d).Cap() = %d", im.name, c, got)
				}
			}
		}
		if im.unbounded {
			for _, c := range []int{0, -1, -100} {
				if got := im.new(c).Cap(); got != 0 {
					t.Errorf("%s(%d).Cap() = %d, want 0 (unbounded)", im.name, c, got)
				}
			}
		}
	}
}

func TestBadCapacityPanics(t *testing.T) {
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"NewChan(0)", func() { NewChan[int](0) }, "queue: NewChan needs a capacity of at least 1, got 0"},
		{"NewChan(-1)", func() { NewChan[int](-1) }, "queue: NewChan needs a capacity of at least 1, got -1"},
		{"NewRing(0)", func() { NewRing[int](0) }, "queue: NewRing needs a capacity of at least 1, got 0"},
		{"NewRing(-5)", func() { NewRing[int](-5) }, "queue: NewRing needs a capacity of at least 1, got -5"},
		{"NewPriority(nil)", func() { NewPriority[int](0, nil) }, "queue: NewPriority needs a cmp function"},
	}
	for _, c := range cases {
		func() {
			defer func() {
				r := recover()
				s, _ := r.(string)
				if !strings.HasPrefix(s, c.want) {
					t.Errorf("%s panicked with %v, want %q", c.name, r, c.want)
				}
			}()
			c.f()
		}()
	}
}

// expectOrder returns the order in which c hands out the items put.
func expectOrder(o order, put []int) []int {
	out := slices.Clone(put)
	switch o {
	case lifoOrder:
		slices.Reverse(out)
	case priorityOrder:
		slices.Sort(out)
	}
	return out
}

func TestOrder(t *testing.T) {
	put := []int{5, 1, 4, 1, 9, 2, 6, 5, 3}
	forEach(t, len(put), func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		for _, v := range put {
			mustIs(t, "TryPut", q.TryPut(v), nil)
		}
		if q.Len() != len(put) {
			t.Fatalf("Len = %d, want %d", q.Len(), len(put))
		}
		for _, want := range expectOrder(c.order, put) {
			mustGet(t, q, want)
		}
		_, err := q.TryGet()
		mustIs(t, "TryGet on empty", err, ErrEmpty)
	})
}

func TestPriorityTiesInInsertionOrder(t *testing.T) {
	type item struct{ key, id int }
	q := NewPriority(0, func(a, b item) int { return cmp.Compare(a.key, b.key) })
	rng := rand.New(rand.NewPCG(1, 2))
	var put []item
	for id := range 200 {
		it := item{rng.IntN(5), id}
		put = append(put, it)
		mustIs(t, "TryPut", q.TryPut(it), nil)
		if id%7 == 0 { // interleave gets so the heap reorders
			v, err := q.TryGet()
			mustIs(t, "TryGet", err, nil)
			i := slices.Index(put, v)
			put = slices.Delete(put, i, i+1)
		}
	}
	want := slices.Clone(put)
	slices.SortStableFunc(want, func(a, b item) int { return cmp.Compare(a.key, b.key) })
	for _, w := range want {
		v, err := q.TryGet()
		if err != nil || v != w {
			t.Fatalf("TryGet = %v, %v; want %v", v, err, w)
		}
	}
}

func TestTryPutFullTryGetEmpty(t *testing.T) {
	forEachBounded(t, 3, func(t *testing.T, c suiteCase) {
		q := c.new(3)
		_, err := q.TryGet()
		mustIs(t, "TryGet on new queue", err, ErrEmpty)
		fill(t, q, 3)
		mustIs(t, "TryPut on full queue", q.TryPut(4), ErrFull)
		mustIs(t, "Put on full queue, done ctx", q.Put(doneCtx(), 4), context.Canceled)
		if q.Len() != 3 {
			t.Fatalf("Len = %d, want 3", q.Len())
		}
		mustGet(t, q, expectOrder(c.order, []int{1, 2, 3})[0])
		mustIs(t, "TryPut after a get", q.TryPut(4), nil)
		if n := tasksLeft(q); n != 4 {
			t.Fatalf("unfinished tasks = %d, want 4 (failed puts add none)", n)
		}
	})
}

func TestUnboundedGrowsAndShrinks(t *testing.T) {
	forEachIf(t, 0, false, true, func(t *testing.T, c suiteCase) {
		q := c.new(0)
		var put []int
		for round := range 3 {
			for i := range 5000 {
				v := round*10000 + (i*7919)%5000
				put = append(put, v)
				mustIs(t, "TryPut", q.TryPut(v), nil)
			}
			if q.Len() != len(put) {
				t.Fatalf("Len = %d, want %d", q.Len(), len(put))
			}
			want := expectOrder(c.order, put)
			for _, w := range want[:len(want)-10] {
				mustGet(t, q, w)
			}
			put = sliceRest(put, want[len(want)-10:])
		}
	})
}

// sliceRest returns the items left after the others were got, in put order.
func sliceRest(put, left []int) []int {
	var rest []int
	counts := map[int]int{}
	for _, v := range left {
		counts[v]++
	}
	for _, v := range put {
		if counts[v] > 0 {
			counts[v]--
			rest = append(rest, v)
		}
	}
	return rest
}

// model is a plain sequential queue to compare against.
type model struct {
	o     order
	items []int
	cap   int
}

func (m *model) put(v int) error {
	if m.cap > 0 && len(m.items) == m.cap {
		return ErrFull
	}
	m.items = append(m.items, v)
	return nil
}

func (m *model) get() (int, error) {
	if len(m.items) == 0 {
		return 0, ErrEmpty
	}
	i := 0
	switch m.o {
	case lifoOrder:
		i = len(m.items) - 1
	case priorityOrder:
		i = slices.Index(m.items, slices.Min(m.items))
	}
	v := m.items[i]
	m.items = slices.Delete(m.items, i, i+1)
	return v, nil
}

func TestSequentialAgainstModel(t *testing.T) {
	seed := testseed.Get(t)
	forEach(t, 5, func(t *testing.T, c suiteCase) {
		rng := rand.New(rand.NewPCG(seed, 0))
		q, m := c.new(c.capacity), &model{o: c.order, cap: c.capacity}
		for step := range 5000 {
			if rng.IntN(2) == 0 {
				v := rng.IntN(20)
				got, want := q.TryPut(v), m.put(v)
				if got != want {
					t.Fatalf("seed %d step %d: TryPut(%d) = %v, model %v", seed, step, v, got, want)
				}
			} else {
				v, err := q.TryGet()
				mv, merr := m.get()
				if v != mv || err != merr {
					t.Fatalf("seed %d step %d: TryGet = %d, %v; model %d, %v", seed, step, v, err, mv, merr)
				}
			}
			if q.Len() != len(m.items) {
				t.Fatalf("seed %d step %d: Len = %d, model %d", seed, step, q.Len(), len(m.items))
			}
		}
	})
}
