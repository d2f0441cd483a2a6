package histgen

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

func TestBlockingIsValidAndLinearizable(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 0))
		cfg := BlockingConfig{Capacity: 1 + int(seed%3), Producers: 1 + int(seed%4), Consumers: 1 + int(seed/4%3), Ops: 14,
			Slack: int(seed % 5), Think: 2, ConsumerThink: int(seed % 4), TryEvery: int(seed % 3)}
		h := Blocking(rng, cfg)
		if len(h.Operations) != cfg.Ops || h.Kind != models.FIFO || h.Capacity != cfg.Capacity {
			t.Fatalf("seed %d: %d operations, kind %v, capacity %d", seed, len(h.Operations), h.Kind, h.Capacity)
		}
		if err := history.Validate(h); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !BruteForce(h) {
			t.Fatalf("seed %d: not linearizable: %+v", seed, h)
		}
	}
}

// The capacity binds: with producers ahead, puts wait for room and
// try_puts find the queue full. The operations come in the order they
// took effect, which a sequential queue replays.
func TestBlockingFillsTheQueue(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	h := Blocking(rng, BlockingConfig{Capacity: 4, Producers: 4, Consumers: 4, Ops: 2000, Slack: 3, Think: 2, ConsumerThink: 5, TryEvery: 10})
	q := &Queue{Kind: models.FIFO, Capacity: 4}
	atCapacity, results := 0, map[models.Result]int{}
	for _, op := range h.Operations { // in the order they took effect
		if got := q.Do(op.Input); got != op.Output {
			t.Fatalf("operation %+v: the queue answers %+v", op, got)
		}
		if len(q.Items) == 4 {
			atCapacity++
		}
		results[op.Output.Result]++
	}
	if atCapacity < 200 || results[models.Full] == 0 {
		t.Errorf("at capacity %d times in 2000, results %v", atCapacity, results)
	}
}
