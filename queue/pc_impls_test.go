package queue

import (
	"cmp"
	"fmt"
	"testing"

	"go.uber.org/goleak"
)

// TestPipelineEveryImpl runs the pipeline over every implementation,
// bounded (capacity 3, fewer than the consumers) and unbounded where it
// applies, with both endings.
func TestPipelineEveryImpl(t *testing.T) {
	defer goleak.VerifyNone(t)
	impls := []struct {
		name               string
		bounded, unbounded bool
		new                func(capacity int) Queue[int]
	}{
		{"locked", true, true, func(c int) Queue[int] { return NewLocked[int](c) }},
		{"chan", true, false, func(c int) Queue[int] { return NewChan[int](c) }},
		{"ring", true, false, func(c int) Queue[int] { return NewRing[int](c) }},
		{"linked", false, true, func(int) Queue[int] { return NewLinked[int]() }},
		{"lifo", true, true, func(c int) Queue[int] { return NewLIFO[int](c) }},
		{"priority", true, true, func(c int) Queue[int] { return NewPriority(c, cmp.Compare[int]) }},
	}
	for _, m := range impls {
		for _, capacity := range []int{3, 0} {
			if (capacity > 0 && !m.bounded) || (capacity == 0 && !m.unbounded) {
				continue
			}
			for _, sentinel := range []bool{false, true} {
				c := pcCase{producers: 4, consumers: 5, items: 500, capacity: capacity,
					sentinel: sentinel, newQueue: m.new}
				name := fmt.Sprintf("%s/%v", m.name, c)
				t.Run(name, func(t *testing.T) {
					seen, q, err := c.run(t.Context())
					c.check(t, name, err, seen, q)
				})
			}
		}
	}
}
