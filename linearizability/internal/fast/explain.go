package fast

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pcqkit/pcq/models"
)

// violation is a violation pattern found by the fast checker: the few
// operations that make it and what they show.
type violation struct {
	culprits []int
	text     string
}

func (v *violation) result() Result {
	c := slices.Clone(v.culprits)
	slices.Sort(c)
	return Result{Violation: true, Explanation: v.text, Culprits: slices.Compact(c)}
}

// who names the operation i: "client 2 (line 18)", or "client 2
// (operation 5)" when the history came from no file.
func (fh *hist) who(i int32) string { return fh.h.Who(int(i)) }

func (fh *hist) valueText(v int64) string { return strconv.FormatInt(v, 10) }

func (fh *hist) repeatViolation(v int64, a, b int32) *violation {
	return &violation{
		culprits: []int{int(a), int(b)},
		text:     fmt.Sprintf("value %d was got twice: by %s and by %s", v, fh.who(a), fh.who(b)),
	}
}

// neverPut explains a get of a value that no put with effect put.
func (fh *hist) neverPut(v int64, get int32) *violation {
	for i, op := range fh.h.Operations {
		if (op.Input.Op == models.Put || op.Input.Op == models.TryPut) && op.Input.Value == v {
			return &violation{
				culprits: []int{int(get), i},
				text: fmt.Sprintf("value %d was got by %s, but its put by %s answered %s and had no effect",
					v, fh.who(get), fh.who(int32(i)), op.Output.Result),
			}
		}
	}
	return &violation{
		culprits: []int{int(get)},
		text:     fmt.Sprintf("value %d was got by %s but never put", v, fh.who(get)),
	}
}

func (fh *hist) gotBeforePut(v *item) *violation {
	return &violation{
		culprits: []int{int(v.get), int(v.put)},
		text: fmt.Sprintf("value %d was got by %s before any put of %d began: its put by %s was called later",
			v.v, fh.who(v.get), v.v, fh.who(v.put)),
	}
}

// orderViolation explains u put before v, v got, u got after v or never.
func (fh *hist) orderViolation(u, v *item) *violation {
	c := []int{int(u.put), int(v.put), int(v.get)}
	var tail string
	if u.got() {
		c = append(c, int(u.get))
		tail = fmt.Sprintf("but %d was got by %s before %d was got by %s began",
			v.v, fh.who(v.get), u.v, fh.who(u.get))
	} else {
		tail = fmt.Sprintf("and %d was got by %s, but %d was never got: FIFO hands out %d first",
			v.v, fh.who(v.get), u.v, u.v)
	}
	return &violation{
		culprits: c,
		text: fmt.Sprintf("value %d was put by %s before the put of %d by %s began, %s",
			u.v, fh.who(u.put), v.v, fh.who(v.put), tail),
	}
}

// witnessViolation explains an empty result while values were certainly
// queued throughout its call.
func (fh *hist) witnessViolation(e int32) *violation {
	op := &fh.h.Operations[e]
	chain := fh.coverChain(op.Call, op.Return)
	c := []int{int(e)}
	parts := make([]string, 0, len(chain))
	for _, i := range chain {
		v := &fh.vals[i]
		c = append(c, int(v.put))
		if v.got() {
			c = append(c, int(v.get))
			parts = append(parts, fmt.Sprintf("value %d from the return of its put by %s to the call of its get by %s",
				v.v, fh.who(v.put), fh.who(v.get)))
		} else {
			parts = append(parts, fmt.Sprintf("value %d from the return of its put by %s on (never got)",
				v.v, fh.who(v.put)))
		}
	}
	return &violation{
		culprits: c,
		text: fmt.Sprintf("try_get by %s answered empty, but the queue certainly held a value throughout its call: %s",
			fh.who(e), strings.Join(parts, "; then ")),
	}
}

// fullViolation explains an impossible full result; most < 0: unbounded.
func (fh *hist) fullViolation(f int32, most int) *violation {
	op := &fh.h.Operations[f]
	if most < 0 {
		return &violation{
			culprits: []int{int(f)},
			text:     fmt.Sprintf("try_put of %d by %s answered full, but the queue is unbounded", op.Input.Value, fh.who(f)),
		}
	}
	return &violation{
		culprits: []int{int(f)},
		text: fmt.Sprintf("try_put of %d by %s answered full, but at most %d values could have been queued at any instant of its call (capacity %d)",
			op.Input.Value, fh.who(f), most, fh.h.Capacity),
	}
}
