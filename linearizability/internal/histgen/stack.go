package histgen

import (
	"cmp"
	"math/rand/v2"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// StackConfig describes a simulated run of an unbounded stack whose gets
// wait for an item.
type StackConfig struct {
	Clients int // at least 1
	Ops     int // operations in all
	// Puts is the percentage of calls that are puts, the others gets
	// (0: 50); above 50 the stack grows.
	Puts int
	// Slack is the most ticks between a call and the moment the stack sees
	// it, and between its effect and its return: bigger, longer and more
	// overlapping operations.
	Slack int
	// Think is the most ticks a client waits between two operations.
	Think int
	// TryEvery makes every TryEvery-th get of a client a try_get (which
	// may answer empty); 0: none.
	TryEvery int
	// Bug, when not StackCorrect, is done once, by the first get that
	// takes effect after At operations are recorded: the history is then
	// usually not linearizable.
	Bug StackBug
	At  int
}

// StackBug is a bug a simulated stack can do once.
type StackBug uint8

// The bugs of a simulated stack.
const (
	StackCorrect StackBug = iota
	StackSecond           // the get returns and removes the item under the top
	StackKeep             // the get returns the top and leaves it there (got twice)
	StackFresh            // the get returns a value never put
	StackEmpty            // the get answers empty (as a try_get) with items in the stack
)

// stackPatience is how many ticks a get waits on an empty stack before
// its client cancels it (so that the clients never all wait).
const stackPatience = 50

// stackClient is one client of the stack simulation.
type stackClient struct {
	id      int
	next    int64 // when it calls next (idle), or when its call reaches the stack (waiting)
	waiting bool
	op      history.Operation
	gets    int
}

// Stack returns a history of cfg.Ops operations of a simulated stack:
// each tick, every client whose call has reached the stack takes effect,
// in random order; a blocking get on an empty stack waits for a later
// tick, and is canceled after stackPatience ticks. Each operation takes effect at one tick inside its interval, so
// the history is linearizable by construction (unless cfg.Bug);
// operations still waiting when the history is long enough are left out.
// Put values are 1, 2, 3...
func Stack(rng *rand.Rand, cfg StackConfig) history.History {
	value := int64(0)
	next := func() int64 { value++; return value }
	return simulate(rng, cfg, models.LIFO, &stackStore{}, next)
}

// store is the container a simulation keeps its items in.
type store interface {
	push(v int64)
	size() int
	// take removes and returns the item a get takes (second: the one it
	// would take next).
	take(second bool) int64
	// peek returns the item a get takes, leaving it.
	peek() int64
}

// stackStore is a stack's store.
type stackStore struct{ items []int64 }

func (s *stackStore) push(v int64) { s.items = append(s.items, v) }
func (s *stackStore) size() int    { return len(s.items) }
func (s *stackStore) peek() int64  { return s.items[len(s.items)-1] }
func (s *stackStore) take(second bool) int64 {
	k := len(s.items) - 1
	if second {
		k--
	}
	v := s.items[k]
	s.items = append(s.items[:k], s.items[k+1:]...)
	return v
}

// simulate runs the simulation of Stack on items kept in st, a container
// of kind kind, with put values from next.
func simulate(rng *rand.Rand, cfg StackConfig, kind models.Kind, st store, next func() int64) history.History {
	clients := make([]*stackClient, max(cfg.Clients, 1))
	for i := range clients {
		clients[i] = &stackClient{id: i, next: int64(rng.IntN(cfg.Think + 1))}
	}
	h := history.History{Kind: kind, Operations: make([]history.Operation, 0, cfg.Ops)}
	bug := cfg.Bug
	for t := int64(0); len(h.Operations) < cfg.Ops; t++ {
		rng.Shuffle(len(clients), func(i, j int) { clients[i], clients[j] = clients[j], clients[i] })
		for _, c := range clients {
			switch {
			case len(h.Operations) == cfg.Ops:
			case !c.waiting && c.next <= t:
				c.call(rng, cfg, t, next)
			case c.waiting && c.next <= t:
				armed := bug != StackCorrect && len(h.Operations) >= cfg.At
				switch {
				case c.effect(st, armed, &bug):
					c.op.Return = t + int64(rng.IntN(cfg.Slack+1))
				case t-c.op.Call > stackPatience:
					c.op.Output, c.op.Return = models.Output{Result: models.Canceled}, t
				default:
					continue
				}
				h.Operations = append(h.Operations, c.op)
				c.waiting, c.next = false, c.op.Return+1+int64(rng.IntN(cfg.Think+1))
			}
		}
	}
	return h
}

// call starts the client's next operation at t.
func (c *stackClient) call(rng *rand.Rand, cfg StackConfig, t int64, next func() int64) {
	c.op = history.Operation{Client: c.id, Call: t}
	switch {
	case rng.IntN(100) < cmp.Or(cfg.Puts, 50):
		c.op.Input = models.Input{Op: models.Put, Value: next()}
	case cfg.TryEvery > 0 && (c.gets+1)%cfg.TryEvery == 0:
		c.gets++
		c.op.Input = models.Input{Op: models.TryGet}
	default:
		c.gets++
		c.op.Input = models.Input{Op: models.Get}
	}
	c.waiting, c.next = true, t+int64(rng.IntN(cfg.Slack+1))
}

// effect applies the client's operation to the store if it can take
// effect now, and records its result; armed, a get does *bug instead
// when it can, and clears it.
func (c *stackClient) effect(st store, armed bool, bug *StackBug) bool {
	switch n := st.size(); {
	case c.op.Input.Op == models.Put:
		st.push(c.op.Input.Value)
		c.op.Output = models.Output{Result: models.OK}
	case armed && n > 0 && (*bug != StackSecond || n > 1):
		c.bugGet(st, *bug)
		*bug = StackCorrect
	case n > 0:
		c.op.Output = models.Output{Result: models.OK, Value: st.take(false)}
	case c.op.Input.Op == models.TryGet:
		c.op.Output = models.Output{Result: models.Empty}
	default:
		return false
	}
	return true
}

// bugGet does the get of a non-empty store wrong, as bug says.
func (c *stackClient) bugGet(st store, bug StackBug) {
	switch bug {
	case StackSecond:
		c.op.Output = models.Output{Result: models.OK, Value: st.take(true)}
	case StackKeep:
		c.op.Output = models.Output{Result: models.OK, Value: st.peek()}
	case StackFresh:
		c.op.Output = models.Output{Result: models.OK, Value: -1}
	case StackEmpty:
		c.op.Input.Op = models.TryGet
		c.op.Output = models.Output{Result: models.Empty}
	}
}
