package fast

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// item is one value of a history: its effective put and the get that
// got it, with their intervals.
type item struct {
	v      int64
	put    int32 // index of the put in History.Operations
	get    int32 // index of the get that got it; -1 if never got
	pc, pr int64 // put call and return; pr == inf for an unknown put
	gc, gr int64 // get call and return; inf when never got
}

// got reports whether the value was got.
func (v *item) got() bool { return v.get >= 0 }

// hist is a history prepared for the fast checker: canceled operations
// dropped (they had no effect), values grouped with their put and get.
type hist struct {
	h           history.History
	vals        []item  // values with an effective put, sorted by value
	empties     []int32 // try_get answered empty
	fulls       []int32 // try_put answered full
	maybe       []int32 // unknown puts whose value nobody got: dropped, but may take room
	unknownGets int     // gets whose outcome is unknown: dropped
	fresh       *violation
	repeat      *violation
	byRet       []int32   // values whose put returned, by put return; built once
	times       timeTable // the file's times, when h's are ranks (times.go)
}

// rec is a put or a get of a value, for grouping by value: the op
// index, with the top bit set for a get.
type rec = sortKey

const getBit = -1 << 31

func (r rec) get() bool  { return r.i < 0 }
func (r rec) idx() int32 { return r.i &^ getBit }

// prepare groups the operations of h by value. It returns a reason
// when h cannot be decided (put values not distinct).
func prepare(h history.History) (*hist, string) {
	fh := &hist{h: h}
	puts := make([]rec, 0, len(h.Operations)) // room for the gets appended below
	gets := make([]rec, 0, len(h.Operations)/2+1)
	for i, op := range h.Operations {
		in, res := op.Input.Op, op.Output.Result
		switch {
		case res == models.Canceled:
			// no effect: nothing to check
		case (in == models.Put || in == models.TryPut) && (res == models.OK || res == models.Unknown):
			puts = append(puts, rec{k: op.Input.Value, i: int32(i)})
		case in == models.TryPut && res == models.Full:
			fh.fulls = append(fh.fulls, int32(i))
		case (in == models.Get || in == models.TryGet) && res == models.OK:
			gets = append(gets, rec{k: op.Output.Value, i: int32(i) | getBit})
		case in == models.TryGet && res == models.Empty:
			fh.empties = append(fh.empties, int32(i))
		case (in == models.Get || in == models.TryGet) && res == models.Unknown:
			fh.unknownGets++
		}
	}
	// A stable sort by value keeps, for each value, its puts before its
	// gets, each in history order.
	recs := sortKeys(append(puts, gets...))
	fh.vals = make([]item, 0, len(puts))
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].k == recs[lo].k {
			hi++
		}
		if why := fh.group(recs[lo:hi]); why != "" {
			return nil, why
		}
		lo = hi
	}
	return fh, ""
}

// group adds the puts and gets of one value.
func (fh *hist) group(g []rec) string {
	puts := 0
	for puts < len(g) && !g[puts].get() {
		puts++
	}
	gets := g[puts:]
	switch {
	case puts > 1:
		return "put values are not distinct (" + fh.valueText(g[0].k) + " is put twice): not covered by the fast checker"
	case len(gets) > 1:
		if fh.repeat == nil {
			fh.repeat = fh.repeatViolation(g[0].k, gets[0].idx(), gets[1].idx())
		}
		return ""
	case puts == 0:
		if fh.fresh == nil {
			fh.fresh = fh.neverPut(g[0].k, gets[0].idx())
		}
		return ""
	}
	put := &fh.h.Operations[g[0].idx()]
	val := item{v: g[0].k, put: g[0].idx(), get: -1, pc: put.Call, pr: put.Return, gc: inf, gr: inf}
	if put.Output.Result == models.Unknown {
		val.pr = inf
		if len(gets) == 0 {
			fh.maybe = append(fh.maybe, g[0].idx())
			return ""
		}
	}
	if len(gets) == 1 {
		get := &fh.h.Operations[gets[0].idx()]
		val.get, val.gc, val.gr = gets[0].idx(), get.Call, get.Return
		if val.gr < val.pc && fh.fresh == nil {
			fh.fresh = fh.gotBeforePut(&val)
		}
	}
	fh.vals = append(fh.vals, val)
	return ""
}
