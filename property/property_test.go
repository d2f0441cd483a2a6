package property

import (
	"cmp"
	"testing"

	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// Check must pass on every correct implementation, with its model and the
// default options (bounded-only queues skip unbounded on their own).

func TestCheckControl(t *testing.T) { Check(t, broken.NewCorrect) }

func TestCheckLocked(t *testing.T) {
	Check(t, func(c int) queue.Queue[int] { return queue.NewLocked[int](c) })
}

func TestCheckChan(t *testing.T) {
	Check(t, func(c int) queue.Queue[int] { return queue.NewChan[int](c) })
}

func TestCheckRing(t *testing.T) {
	Check(t, func(c int) queue.Queue[int] { return queue.NewRing[int](c) })
}

func TestCheckLinked(t *testing.T) {
	Check(t, func(int) queue.Queue[int] { return queue.NewLinked[int]() }, WithCapacities(0))
}

func TestCheckLIFO(t *testing.T) {
	Check(t, func(c int) queue.Queue[int] { return queue.NewLIFO[int](c) }, WithModel(models.LIFO))
}

func TestCheckPriority(t *testing.T) {
	Check(t, func(c int) queue.Queue[int] { return queue.NewPriority(c, cmp.Compare[int]) },
		WithModel(models.Priority))
}
