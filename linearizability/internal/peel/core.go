package peel

import (
	"cmp"
	"math"
	"slices"

	"github.com/pcqkit/pcq/linearizability/internal/maxtree"
)

// Core is the state every peeling rule keeps over a prepared history:
// which operations are still present, the operations by return and by
// call, the max tree that computes closures, the never-got pushes and the
// empties. A rule's peeler embeds it.
type Core struct {
	Ops     []Op
	Present []bool
	ByRet   []int32      // every operation by return, ties by call
	Rets    []int64      // their returns, for binary search
	Reach   maxtree.Tree // over ByRet: the latest call of a present push or pop or of its partner
	At      []int32      // where each operation is in ByRet
	ByCall  []int32      // every operation by call
	Mp      int          // ByRet[:Mp] are gone or empties: the next push or pop returns at ByRet[Mp:]
	cp      int          // ByCall[:cp] are in open or are not of the kind open holds
	open    []int32      // the pushes or pops called by M, some gone
	never   []int32      // the never-got pushes by return; never[:np] are gone
	np      int
	Empties EmptySet
}

// NewCore starts with every operation of ops present.
func NewCore(ops []Op) Core {
	n := len(ops)
	c := Core{Ops: ops, Present: make([]bool, n), ByRet: make([]int32, n), At: make([]int32, n)}
	for i := range c.ByRet {
		c.ByRet[i], c.Present[i] = int32(i), true
	}
	slices.SortFunc(c.ByRet, func(x, y int32) int {
		return cmp.Or(cmp.Compare(ops[x].Ret, ops[y].Ret), cmp.Compare(ops[x].Call, ops[y].Call))
	})
	c.ByCall = slices.Clone(c.ByRet)
	slices.SortStableFunc(c.ByCall, func(x, y int32) int { return cmp.Compare(ops[x].Call, ops[y].Call) })
	c.Rets = make([]int64, n)
	reach := make([]int64, n)
	var empties []int32
	for k, o := range c.ByRet {
		c.At[o], c.Rets[k], reach[k] = int32(k), ops[o].Ret, None
		switch op := &ops[o]; {
		case op.Kind == Empty:
			empties = append(empties, o)
		case op.Partner < 0:
			c.never = append(c.never, o)
		default:
			reach[k] = max(op.Call, ops[op.Partner].Call)
		}
	}
	c.Reach = maxtree.New(reach, None)
	c.Empties = NewEmptySet(ops, empties)
	return c
}

// MinRet returns M: the earliest return of a present push or pop, which
// is ByRet[Mp].
func (c *Core) MinRet() (int64, bool) {
	for ; c.Mp < len(c.ByRet); c.Mp++ {
		if o := c.ByRet[c.Mp]; c.Present[o] && c.Ops[o].Kind != Empty {
			return c.Ops[o].Ret, true
		}
	}
	return 0, false
}

// Open returns the present operations of kind k called by m. A peeler
// asks for one kind only, with m never decreasing.
func (c *Core) Open(m int64, k Kind) []int32 {
	for ; c.cp < len(c.ByCall) && c.Ops[c.ByCall[c.cp]].Call <= m; c.cp++ {
		if o := c.ByCall[c.cp]; c.Ops[o].Kind == k {
			c.open = append(c.open, o)
		}
	}
	c.open = slices.DeleteFunc(c.open, func(o int32) bool { return !c.Present[o] })
	return c.open
}

// Remove takes operation o out.
func (c *Core) Remove(o int32) {
	c.Present[o] = false
	c.Reach.Set(int(c.At[o]), None)
}

// Span returns the latest call of the got push v and its pop.
func (c *Core) Span(v int32) int64 {
	return max(c.Ops[v].Call, c.Ops[c.Ops[v].Partner].Call)
}

// Closure returns the fixpoint T reached from t: the closure of
// whatever made t is every present push and pop returning before T and
// their partners. It stops once T passes limit. Why the fixpoint is the
// closure (≺ is an interval order) and what it costs is argued in
// lifo/bottom.go ("Computing it").
func (c *Core) Closure(t, limit int64) int64 {
	for t <= limit {
		next := max(t, c.Reach.Max(0, c.Before(t)))
		if next == t {
			break
		}
		t = next
	}
	return t
}

// Before returns how many operations of ByRet return before t.
func (c *Core) Before(t int64) int {
	k, _ := slices.BinarySearch(c.Rets, t)
	return k
}

// FirstNeverGot returns the earliest return of a present never-got push.
func (c *Core) FirstNeverGot() int64 {
	for ; c.np < len(c.never); c.np++ {
		if o := c.never[c.np]; c.Present[o] {
			return c.Ops[o].Ret
		}
	}
	return math.MaxInt64
}

// Left returns the operations still present, as indices in
// History.Operations, by call: what a Peeler's Left returns.
func (c *Core) Left() []int {
	var idx []int
	for _, o := range c.ByCall {
		if c.Present[o] {
			idx = append(idx, int(c.Ops[o].Orig))
		}
	}
	return idx
}
