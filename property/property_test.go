package property

import (
	"cmp"
	"testing"

	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// TestCorrectQueues runs Check on every correct implementation with its
// model: each must pass.
func TestCorrectQueues(t *testing.T) {
	fifo := []struct {
		name string
		new  func(int) queue.Queue[int]
	}{
		{"control", broken.NewCorrect},
		{"Locked", func(c int) queue.Queue[int] { return queue.NewLocked[int](c) }},
		{"Chan", func(c int) queue.Queue[int] { return queue.NewChan[int](c) }},
		{"Ring", func(c int) queue.Queue[int] { return queue.NewRing[int](c) }},
		{"Linked", func(c int) queue.Queue[int] {
			if c > 0 {
				panic("property test: Linked is unbounded only")
			}
			return queue.NewLinked[int]()
		}},
	}
	for _, q := range fifo {
		t.Run(q.name, func(t *testing.T) {
			t.Parallel()
			Check(t, q.new, WithCapacities(capsFor(q.name)...))
		})
	}
	t.Run("LIFO", func(t *testing.T) {
		t.Parallel()
		Check(t, func(c int) queue.Queue[int] { return queue.NewLIFO[int](c) }, WithModel(models.LIFO))
	})
	t.Run("Priority", func(t *testing.T) {
		t.Parallel()
		Check(t, func(c int) queue.Queue[int] { return queue.NewPriority(c, cmp.Compare[int]) }, WithModel(models.Priority))
	})
}

func capsFor(name string) []int {
	switch name {
	case "Linked":
		return []int{0}
	case "Chan", "Ring":
		return []int{1, 3}
	}
	return []int{1, 3, 0}
}
