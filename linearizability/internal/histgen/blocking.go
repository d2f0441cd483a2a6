package histgen

import (
	"math/rand/v2"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// BlockingConfig describes a simulated run of a bounded FIFO queue whose
// puts wait for room and whose gets wait for an item, the shape of the
// histories real producer/consumer tests record: the capacity binds
// whenever the producers run ahead.
type BlockingConfig struct {
	Capacity  int // at least 1
	Producers int // clients that put (at least 1)
	Consumers int // clients that get (at least 1)
	Ops       int // operations in all
	// Slack is the most ticks between a call and the moment the queue sees
	// it, and between its effect and its return: bigger, more overlap.
	Slack int
	// Think is the most ticks a client waits between two operations;
	// consumers wait up to ConsumerThink instead (producers ahead: the
	// queue is often full).
	Think, ConsumerThink int
	// TryEvery makes every TryEvery-th operation of a client a try_put or
	// try_get (which may answer full or empty); 0: none.
	TryEvery int
	// Overfill, when positive, makes the queue hold one value more than
	// its capacity once Overfill operations are recorded (an off-by-one
	// bug in blocking puts). The history is then usually not
	// linearizable.
	Overfill int
}

// simClient is one client of the simulation.
type simClient struct {
	id      int
	put     bool
	next    int64 // when it calls next (idle), or when its call reaches the queue (waiting)
	waiting bool
	op      history.Operation
	count   int
}

// Blocking returns a history of cfg.Ops operations of a simulated
// linearizable bounded FIFO queue: each tick, every client whose call has
// reached the queue tries to take effect, in random order; a blocking put
// on a full queue and a blocking get on an empty one wait for a later
// tick. Each operation takes effect at one tick inside its interval, so
// the history is linearizable by construction (unless cfg.Overfill);
// operations still waiting
// when the history is long enough are left out. Put values are 1, 2, 3...
func Blocking(rng *rand.Rand, cfg BlockingConfig) history.History {
	cfg.Capacity, cfg.Producers, cfg.Consumers = max(cfg.Capacity, 1), max(cfg.Producers, 1), max(cfg.Consumers, 1)
	clients := make([]*simClient, 0, cfg.Producers+cfg.Consumers)
	for i := range cfg.Producers + cfg.Consumers {
		clients = append(clients, &simClient{id: i, put: i < cfg.Producers, next: int64(rng.IntN(cfg.Think + 1))})
	}
	h := history.History{Kind: models.FIFO, Capacity: cfg.Capacity, Operations: make([]history.Operation, 0, cfg.Ops)}
	var queue []int64
	value := int64(0)
	for t := int64(0); len(h.Operations) < cfg.Ops; t++ {
		rng.Shuffle(len(clients), func(i, j int) { clients[i], clients[j] = clients[j], clients[i] })
		for _, c := range clients {
			if len(h.Operations) == cfg.Ops {
				break
			}
			if !c.waiting {
				if c.next <= t {
					c.call(rng, cfg, t, &value)
				}
				continue
			}
			capacity := cfg.Capacity
			if cfg.Overfill > 0 && len(h.Operations) >= cfg.Overfill && c.op.Input.Op == models.Put {
				capacity++
			}
			if c.next > t || !c.effect(&queue, capacity) {
				continue
			}
			c.op.Return = t + int64(rng.IntN(cfg.Slack+1))
			h.Operations = append(h.Operations, c.op)
			think := cfg.Think
			if !c.put {
				think = max(think, cfg.ConsumerThink)
			}
			c.waiting, c.next = false, c.op.Return+int64(rng.IntN(think+1))
		}
	}
	return h
}

// call starts the client's next operation at t.
func (c *simClient) call(rng *rand.Rand, cfg BlockingConfig, t int64, value *int64) {
	c.count++
	try := cfg.TryEvery > 0 && c.count%cfg.TryEvery == 0
	c.op = history.Operation{Client: c.id, Call: t}
	switch {
	case c.put && try:
		c.op.Input = models.Input{Op: models.TryPut}
	case c.put:
		c.op.Input = models.Input{Op: models.Put}
	case try:
		c.op.Input = models.Input{Op: models.TryGet}
	default:
		c.op.Input = models.Input{Op: models.Get}
	}
	if c.put {
		*value++
		c.op.Input.Value = *value
	}
	c.waiting, c.next = true, t+int64(rng.IntN(cfg.Slack+1))
}

// effect applies the client's operation to the queue if it can take
// effect now, and records its result.
func (c *simClient) effect(queue *[]int64, capacity int) bool {
	q := *queue
	switch c.op.Input.Op {
	case models.Put, models.TryPut:
		switch {
		case len(q) < capacity:
			*queue = append(q, c.op.Input.Value)
			c.op.Output = models.Output{Result: models.OK}
		case c.op.Input.Op == models.TryPut:
			c.op.Output = models.Output{Result: models.Full}
		default:
			return false
		}
	default:
		switch {
		case len(q) > 0:
			c.op.Output = models.Output{Result: models.OK, Value: q[0]}
			*queue = q[1:]
		case c.op.Input.Op == models.TryGet:
			c.op.Output = models.Output{Result: models.Empty}
		default:
			return false
		}
	}
	return true
}
