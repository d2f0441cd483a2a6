package linearizability

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// fastVal is one value of a history: its effective put and the get that
// got it, with their intervals.
type fastVal struct {
	v      int64
	put    int32 // index of the put in History.Operations
	get    int32 // index of the get that got it; -1 if never got
	pc, pr int64 // put call and return; pr == fastInf for an unknown put
	gc, gr int64 // get call and return; fastInf when never got
}

// got reports whether the value was got.
func (v *fastVal) got() bool { return v.get >= 0 }

// fastHist is a history prepared for the fast checker: canceled operations
// dropped (they had no effect), values grouped with their put and get.
type fastHist struct {
	h           history.History
	vals        []fastVal // values with an effective put, sorted by value
	empties     []int32   // try_get answered empty
	fulls       []int32   // try_put answered full
	maybe       []int32   // unknown puts whose value nobody got: dropped, but may take room
	unknownGets int       // gets whose outcome is unknown: dropped
	fresh       *fastViolation
	repeat      *fastViolation
	byRet       []int32 // values whose put returned, by put return; built once
}

// fastRec is a put or a get of a value, for grouping by value: the op
// index, with the top bit set for a get.
type fastRec = fastKey

const fastGetBit = -1 << 31

func (r fastRec) get() bool  { return r.i < 0 }
func (r fastRec) idx() int32 { return r.i &^ fastGetBit }

// fastPrepare groups the operations of h by value. It returns a reason
// when h cannot be decided (put values not distinct).
func fastPrepare(h history.History) (*fastHist, string) {
	fh := &fastHist{h: h}
	puts := make([]fastRec, 0, len(h.Operations)) // room for the gets appended below
	gets := make([]fastRec, 0, len(h.Operations)/2+1)
	for i, op := range h.Operations {
		in, res := op.Input.Op, op.Output.Result
		switch {
		case res == models.Canceled:
			// no effect: nothing to check
		case (in == models.Put || in == models.TryPut) && (res == models.OK || res == models.Unknown):
			puts = append(puts, fastRec{k: op.Input.Value, i: int32(i)})
		case in == models.TryPut && res == models.Full:
			fh.fulls = append(fh.fulls, int32(i))
		case (in == models.Get || in == models.TryGet) && res == models.OK:
			gets = append(gets, fastRec{k: op.Output.Value, i: int32(i) | fastGetBit})
		case in == models.TryGet && res == models.Empty:
			fh.empties = append(fh.empties, int32(i))
		case (in == models.Get || in == models.TryGet) && res == models.Unknown:
			fh.unknownGets++
		}
	}
	// A stable sort by value keeps, for each value, its puts before its
	// gets, each in history order.
	recs := fastSort(append(puts, gets...))
	fh.vals = make([]fastVal, 0, len(puts))
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
func (fh *fastHist) group(g []fastRec) string {
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
	val := fastVal{v: g[0].k, put: g[0].idx(), get: -1, pc: put.Call, pr: put.Return, gc: fastInf, gr: fastInf}
	if put.Output.Result == models.Unknown {
		val.pr = fastInf
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
