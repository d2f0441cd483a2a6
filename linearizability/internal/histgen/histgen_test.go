package histgen

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

func TestLinearizableIsValid(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 0))
		cfg := Config{Kind: models.Kind(seed % 3), Capacity: int(seed % 3), Clients: 1 + int(seed%4), Ops: 30, Overlap: int(seed % 7), OpMix: MixAll}
		h := Linearizable(rng, cfg)
		if len(h.Operations) != cfg.Ops || h.Kind != cfg.Kind || h.Capacity != cfg.Capacity {
			t.Fatalf("seed %d: %d operations, kind %v, capacity %d", seed, len(h.Operations), h.Kind, h.Capacity)
		}
		if err := history.Validate(h); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for range 3 {
			h = Mutate(rng, h)
			if err := history.Validate(h); err != nil {
				t.Fatalf("seed %d: mutated: %v", seed, err)
			}
		}
	}
}

func TestQueueSemantics(t *testing.T) {
	q := &Queue{Kind: models.FIFO, Capacity: 1}
	steps := []struct {
		in   models.Input
		want models.Output
	}{
		{models.Input{Op: models.Put, Value: 1}, models.Output{Result: models.OK}},
		{models.Input{Op: models.TryPut, Value: 2}, models.Output{Result: models.Full}},
		{models.Input{Op: models.Put, Value: 2}, models.Output{Result: models.Canceled}},
		{models.Input{Op: models.Len}, models.Output{Result: models.OK, Value: 1}},
		{models.Input{Op: models.Shutdown}, models.Output{Result: models.OK}},
		{models.Input{Op: models.TryPut, Value: 3}, models.Output{Result: models.Closed}},
		{models.Input{Op: models.Get}, models.Output{Result: models.OK, Value: 1}},
		{models.Input{Op: models.Get}, models.Output{Result: models.Closed}},
		{models.Input{Op: models.Join}, models.Output{Result: models.Canceled}},
		{models.Input{Op: models.TaskDone}, models.Output{Result: models.OK}},
		{models.Input{Op: models.TaskDone}, models.Output{Result: models.Error}},
		{models.Input{Op: models.Join}, models.Output{Result: models.OK}},
	}
	for i, s := range steps {
		if got := q.Do(s.in); got != s.want {
			t.Fatalf("step %d %v: got %+v, want %+v", i, s.in.Op, got, s.want)
		}
	}
}

func TestQueueOrders(t *testing.T) {
	for kind, want := range map[models.Kind][]int64{models.FIFO: {5, 2, 9}, models.LIFO: {9, 2, 5}, models.Priority: {2, 5, 9}} {
		q := &Queue{Kind: kind}
		for _, v := range []int64{5, 2, 9} {
			q.Do(models.Input{Op: models.Put, Value: v})
		}
		for _, w := range want {
			if got := q.Do(models.Input{Op: models.TryGet}); got.Value != w {
				t.Fatalf("%v: got %d, want %d", kind, got.Value, w)
			}
		}
	}
}

func TestImmediateShutdownDrains(t *testing.T) {
	q := &Queue{}
	q.Do(models.Input{Op: models.Put, Value: 1})
	q.Do(models.Input{Op: models.Put, Value: 2})
	q.Do(models.Input{Op: models.TaskDone})
	q.Do(models.Input{Op: models.Shutdown, Immediate: true})
	if len(q.Items) != 0 || q.Unfinished != 0 || !q.Shut {
		t.Fatalf("after immediate shutdown: %+v", q)
	}
}
