package history

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// jepsenSim writes Jepsen histories of a simulated queue, in the shape a
// Jepsen queue test writes them (jepsen.history.Op maps, one a line, with
// :index and :time, nemesis operations, :fail and :info completions, a
// process renumbered after :info, a final drain by every client): a
// correct FIFO queue unless told to lose items.
type jepsenSim struct {
	rng     *rand.Rand
	w       *bufio.Writer
	clients int  // concurrent client processes
	lose    bool // the queue drops items
	takes   bool // an unknown dequeue may take an item
	index   int64
	time    int64
	queue   []int64
	next    int64            // the next value to enqueue
	open    map[int64]string // process: the :f it has invoked
	procs   []int64          // the current process of each client slot
	last    map[int64]int64  // process: the value of its last enqueue
}

// JepsenSimConfig says what history writeJepsenSim writes.
type JepsenSimConfig struct {
	Seed    uint64
	Clients int  // concurrent client processes
	Events  int  // about this many events
	Lose    bool // the queue drops 1 item in 50
	// UnknownTakes lets a dequeue answered :info take an item (half the
	// time) that nobody then sees; without it such a dequeue never reached
	// the queue.
	UnknownTakes bool
}

// writeJepsenSim writes a simulated history.
func writeJepsenSim(w io.Writer, c JepsenSimConfig) error {
	s := &jepsenSim{rng: rand.New(rand.NewPCG(c.Seed, 13)), w: bufio.NewWriter(w), clients: c.Clients,
		lose: c.Lose, takes: c.UnknownTakes, open: make(map[int64]string), last: make(map[int64]int64)}
	for i := range c.Clients {
		s.procs = append(s.procs, int64(i))
	}
	for s.index < int64(c.Events) {
		s.step()
	}
	s.drain()
	return s.w.Flush()
}

// step invokes or completes one client's operation, or runs the nemesis.
func (s *jepsenSim) step() {
	if s.rng.IntN(200) == 0 {
		f := []string{"start", "stop"}[s.rng.IntN(2)]
		s.event("info", ":nemesis", f, "nil", "")
		return
	}
	slot := s.rng.IntN(s.clients)
	p := s.procs[slot]
	f, busy := s.open[p]
	switch {
	case !busy && s.rng.IntN(2) == 0:
		s.open[p] = "enqueue"
		s.event("invoke", p, "enqueue", s.next, "")
		s.next++
	case !busy:
		s.open[p] = "dequeue"
		s.event("invoke", p, "dequeue", "nil", "")
	case f == "enqueue":
		s.completeEnqueue(slot, p)
	default:
		s.completeDequeue(slot, p)
	}
}

// completeEnqueue answers the open enqueue of process p, the item being
// the last one invoked by p (values are invoked in order and each process
// has one open).
func (s *jepsenSim) completeEnqueue(slot int, p int64) {
	delete(s.open, p)
	v := s.last[p]
	switch r := s.rng.IntN(40); {
	case r == 0:
		s.event("fail", p, "enqueue", v, " :error :connection-refused")
	case r == 1:
		if s.rng.IntN(2) == 0 {
			s.put(v)
		}
		s.event("info", p, "enqueue", v, ` :error [:timeout "5000 ms"]`)
		s.procs[slot] += int64(s.clients)
	default:
		s.put(v)
		s.event("ok", p, "enqueue", v, "")
	}
}

func (s *jepsenSim) put(v int64) {
	if !s.lose || s.rng.IntN(50) != 0 {
		s.queue = append(s.queue, v)
	}
}

// completeDequeue answers the open dequeue of process p.
func (s *jepsenSim) completeDequeue(slot int, p int64) {
	delete(s.open, p)
	switch r := s.rng.IntN(40); {
	case r == 0:
		s.event("fail", p, "dequeue", ":timeout", "")
	case r == 1:
		if s.takes && s.rng.IntN(2) == 0 && len(s.queue) > 0 {
			s.queue = s.queue[1:]
		}
		s.event("info", p, "dequeue", "nil", " :error :socket-closed")
		s.procs[slot] += int64(s.clients)
	case len(s.queue) == 0:
		s.event("ok", p, "dequeue", "nil", "")
	default:
		s.event("ok", p, "dequeue", s.queue[0], "")
		s.queue = s.queue[1:]
	}
}

// drain ends the history as Jepsen's queue tests do: every client's open
// operation completes, then every client drains the queue concurrently.
func (s *jepsenSim) drain() {
	for slot, p := range s.procs {
		if f, busy := s.open[p]; busy && f == "enqueue" {
			s.completeEnqueue(slot, p)
		} else if busy {
			s.completeDequeue(slot, p)
		}
	}
	for _, p := range s.procs {
		s.event("invoke", p, "drain", "nil", "")
	}
	for _, p := range slices.Backward(s.procs) {
		items := make([]string, len(s.queue))
		for i, v := range s.queue {
			items[i] = fmt.Sprint(v)
		}
		s.queue = nil
		s.event("ok", p, "drain", "["+strings.Join(items, " ")+"]", "")
	}
}

// event writes one operation as prn writes a jepsen.history.Op.
func (s *jepsenSim) event(typ string, process any, f string, value any, extra string) {
	s.time += 1000 + s.rng.Int64N(100_000)
	if typ == "invoke" && f == "enqueue" {
		s.last[process.(int64)] = value.(int64)
	}
	fmt.Fprintf(s.w, "#jepsen.history.Op{:index %d, :time %d, :type :%s, :process %v, :f :%s, :value %v%s}\n",
		s.index, s.time, typ, process, f, value, extra)
	s.index++
}
