package linearizability

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/models"
)

// fastZZGen mirrors histgen (which this package cannot import): bounded, 8 clients.
func TestZZDebugJIT(t *testing.T) {
	for _, n := range []int{20, 30, 40, 50} {
		for seed := range uint64(2000) {
			h := fastZZGen(seed, n)
			if _, d := CheckFast(h); d {
				continue
			}
			fh, _ := fastPrepare(h)
			for _, key := range []fastOrderKey{0, 1, 2, 3} {
				order := fh.witnessOrder(key, false)
				var vs []int64
				for _, o := range order {
					vs = append(vs, fh.vals[o].v)
				}
				j := &fastJIT{fh: fh, order: order, c: fh.h.Capacity, done: make([]bool, len(fh.h.Operations))}
				for _, d := range j.deadlines() {
					j.now = d.at
					j.handle(d)
					if j.failed {
						t.Logf("key %d order %v failed at %+v puts %d gets %d", key, vs, d, j.puts, j.gets)
						break
					}
				}
			}
			for i, op := range h.Operations {
				if op.Output.Result != models.Canceled {
					t.Logf("%d: c%d %v %d -> %v %d [%d,%d]", i, op.Client, op.Input.Op, op.Input.Value, op.Output.Result, op.Output.Value, op.Call, op.Return)
				}
			}
			return
		}
	}
}

func fastZZGen(seed uint64, n int) History {
	rng := rand.New(rand.NewPCG(seed, 7))
	type pl struct {
		op  Operation
		lin int64
	}
	free := make([]int64, 8)
	var ps []pl
	for k := 0; k < n; k++ {
		c := 0
		for i := range free {
			if free[i] < free[c] {
				c = i
			}
		}
		dur := int64(rng.IntN(9))
		call := free[c]
		o := Operation{Client: c, Call: call, Return: call + dur}
		switch rng.IntN(4) {
		case 0:
			o.Input = models.Input{Op: models.Put, Value: int64(k + 1)}
		case 1:
			o.Input = models.Input{Op: models.TryPut, Value: int64(k + 1)}
		case 2:
			o.Input = models.Input{Op: models.Get}
		case 3:
			o.Input = models.Input{Op: models.TryGet}
		}
		ps = append(ps, pl{o, call + rng.Int64N(dur+1)})
		free[c] = call + dur + 1 + int64(rng.IntN(5))
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	for i := 1; i < n; i++ {
		for j := i; j > 0 && ps[idx[j]].lin < ps[idx[j-1]].lin; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	var q []int64
	for _, i := range idx {
		o := &ps[i].op
		switch o.Input.Op {
		case models.Put, models.TryPut:
			if len(q) >= 4 {
				if o.Input.Op == models.Put {
					o.Output.Result = models.Canceled
				} else {
					o.Output.Result = models.Full
				}
			} else {
				q = append(q, o.Input.Value)
			}
		default:
			if len(q) == 0 {
				if o.Input.Op == models.Get {
					o.Output.Result = models.Canceled
				} else {
					o.Output.Result = models.Empty
				}
			} else {
				o.Output.Value = q[0]
				q = q[1:]
			}
		}
	}
	h := History{Kind: models.FIFO, Capacity: 4}
	for _, p := range ps {
		h.Operations = append(h.Operations, p.op)
	}
	return h
}
