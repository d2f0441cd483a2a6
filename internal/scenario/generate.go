package scenario

import (
	"math/rand/v2"
	"time"

	"github.com/pcqkit/pcq/models"
)

// Mix weighs the operations that [Generate] draws; an operation of weight
// 0 is never drawn. Shutdown is not drawn from the mix: see
// [Config.Shutdown].
type Mix struct {
	Put, TryPut, Get, TryGet, Len, TaskDone, Join int
}

// Basic is a mix of puts and gets only: its histories (FIFO) go to the
// fast checker, so its scenarios can be long.
var Basic = Mix{Put: 3, TryPut: 2, Get: 3, TryGet: 2}

// Full adds len, task_done and join: its histories go to porcupine, so
// keep its scenarios short (a few dozen operations per client at most).
var Full = Mix{Put: 3, TryPut: 2, Get: 3, TryGet: 2, Len: 1, TaskDone: 2, Join: 1}

// DefaultWaits are the deadlines of blocking calls that [Generate] draws
// from when [Config.Waits] is empty: already done, very short, short.
var DefaultWaits = []time.Duration{0, 50 * time.Microsecond, 500 * time.Microsecond, 2 * time.Millisecond}

// Config says what [Generate] generates.
type Config struct {
	Clients  int // goroutines (at least 1)
	Steps    int // steps per client
	Capacity int // the queue's capacity; 0: unbounded
	Mix      Mix // the operations' weights; the zero Mix means Basic
	// Shutdown, when not None, gives one client a shutdown step in the
	// second half of its steps: Soft, Immediate, or either (Any).
	Shutdown ShutdownMode
	// Waits are the deadlines drawn for blocking calls (DefaultWaits if
	// empty).
	Waits []time.Duration
	// MaxYield bounds the runtime.Gosched calls before a step. Yields are
	// PCT-like: a few change points per client yield up to MaxYield, and
	// one step in eight yields once. 0: no yields.
	MaxYield int
}

// ShutdownMode chooses the shutdown step that [Generate] adds.
type ShutdownMode uint8

// The shutdown steps a scenario can have.
const (
	None      ShutdownMode = iota // no shutdown step
	Soft                          // shutdown(false)
	Immediate                     // shutdown(true)
	Any                           // soft or immediate, drawn
)

// changePoints is the number of steps per client that yield MaxYield-ish.
const changePoints = 3

// Generate returns a scenario drawn from rng as c says. The same rng state
// and config give the same scenario. Scenario.Seed is left 0: the caller
// that owns the seed sets it.
func Generate(rng *rand.Rand, c Config) Scenario {
	mix := c.Mix
	if mix == (Mix{}) {
		mix = Basic
	}
	waits := c.Waits
	if len(waits) == 0 {
		waits = DefaultWaits
	}
	s := Scenario{Capacity: max(c.Capacity, 0), Clients: make([][]Step, max(c.Clients, 1))}
	for i := range s.Clients {
		role := role(rng.IntN(int(roles)))
		steps := make([]Step, max(c.Steps, 0))
		for j := range steps {
			steps[j] = Step{Op: role.skew(mix, j, len(steps)).draw(rng), Wait: waits[rng.IntN(len(waits))]}
		}
		addYields(rng, steps, c.MaxYield)
		s.Clients[i] = steps
	}
	addShutdown(rng, s.Clients, c.Shutdown)
	return s
}

// role biases a client's mix, so that the queue fills up and empties
// again and several clients get (or put) at once from a queue that has
// items (or room): the contention where lost and duplicated items show.
type role uint8

const (
	balanced      role = iota // the mix as it is
	producer                  // puts weigh three times more
	consumer                  // gets weigh three times more
	fillThenDrain             // producer in the first half, consumer in the second
	roles                     // the number of roles
)

// skew returns the mix of step j of n for the role.
func (r role) skew(m Mix, j, n int) Mix {
	if r == fillThenDrain {
		r = producer
		if 2*j >= n {
			r = consumer
		}
	}
	switch r {
	case producer:
		m.Put, m.TryPut = 3*m.Put, 3*m.TryPut
	case consumer:
		m.Get, m.TryGet, m.TaskDone = 3*m.Get, 3*m.TryGet, 3*m.TaskDone
	}
	return m
}

// draw returns an operation drawn with the mix's weights.
func (m Mix) draw(rng *rand.Rand) models.Op {
	w := [...]int{models.Put: m.Put, models.TryPut: m.TryPut, models.Get: m.Get, models.TryGet: m.TryGet,
		models.Len: m.Len, models.TaskDone: m.TaskDone, models.Join: m.Join}
	total := 0
	for _, x := range w {
		total += max(x, 0)
	}
	if total == 0 {
		return models.TryGet
	}
	n := rng.IntN(total)
	for op, x := range w {
		if n < max(x, 0) {
			return models.Op(op)
		}
		n -= max(x, 0)
	}
	panic("scenario: unreachable")
}

// addYields sets the steps' yields: changePoints steps yield up to
// maxYield, and one step in eight yields once.
func addYields(rng *rand.Rand, steps []Step, maxYield int) {
	if maxYield <= 0 || len(steps) == 0 {
		return
	}
	for j := range steps {
		if rng.IntN(8) == 0 {
			steps[j].Yield = 1
		}
	}
	for range changePoints {
		steps[rng.IntN(len(steps))].Yield = 1 + rng.IntN(maxYield)
	}
}

// addShutdown inserts one shutdown step, as mode says, in the second half
// of one client's steps.
func addShutdown(rng *rand.Rand, clients [][]Step, mode ShutdownMode) {
	if mode == None {
		return
	}
	immediate := mode == Immediate || (mode == Any && rng.IntN(2) == 0)
	i := rng.IntN(len(clients))
	steps := clients[i]
	at := len(steps)/2 + rng.IntN(len(steps)/2+1)
	st := Step{Op: models.Shutdown, Immediate: immediate}
	clients[i] = append(steps[:at:at], append([]Step{st}, steps[at:]...)...)
}
