package models

import (
	"fmt"
	"iter"
	"strings"
)

// State is the state of a sequential queue: its items, its unfinished-task
// count and whether it is shut down. A State is an immutable value: every
// method returns a new State and never changes the receiver, so states can
// be shared freely (porcupine keeps them in its cache). Make the first one
// with [Spec.Init].
type State struct {
	// items is never modified after it is made: steps that add an item
	// copy it, steps that remove one reslice it. FIFO and priority queues
	// keep it in removal order; a LIFO queue keeps its top at the end.
	items      []int64
	sum        uint64 // hash of items: positional (FIFO, LIFO) or a sum (priority)
	pow        uint64 // hashBase to the power len(items); 1 for priority
	unfinished int
	shut       bool
	kind       Kind // LIFO stores its top at the end of items
}

// hashBase is odd, so it has an inverse modulo 2⁶⁴ and an item can be
// taken off the front of the positional hash in O(1).
const hashBase = 0x9e3779b97f4a7c15

var hashBaseInv = inverse(hashBase)

// inverse returns the inverse of the odd number b modulo 2⁶⁴ (Newton).
func inverse(b uint64) uint64 {
	x := b
	for range 6 {
		x *= 2 - b*x
	}
	return x
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func initState(k Kind) State { return State{pow: 1, kind: k} }

// Items returns a copy of the items, in the order they would be removed.
func (s State) Items() []int64 {
	out := make([]int64, len(s.items))
	if s.kind == LIFO {
		for i, v := range s.items {
			out[len(out)-1-i] = v
		}
		return out
	}
	copy(out, s.items)
	return out
}

// All yields the items in the order they would be removed, without
// copying them.
func (s State) All() iter.Seq[int64] {
	return func(yield func(int64) bool) {
		for k := range s.items {
			if s.kind == LIFO {
				k = len(s.items) - 1 - k
			}
			if !yield(s.items[k]) {
				return
			}
		}
	}
}

// Len returns the number of items.
func (s State) Len() int { return len(s.items) }

// Unfinished returns the number of unfinished tasks: items put and not yet
// marked done with task_done.
func (s State) Unfinished() int { return s.unfinished }

// IsShutDown reports whether the queue has been shut down.
func (s State) IsShutDown() bool { return s.shut }

// head returns the item a get would remove; the queue must not be empty.
func (s State) head() int64 {
	if s.kind == LIFO {
		return s.items[len(s.items)-1]
	}
	return s.items[0]
}

// Hash returns a hash of the state: equal states have equal hashes. It
// takes constant time.
func (s State) Hash() uint64 {
	h := s.sum ^ mix(uint64(s.unfinished)<<1|boolBit(s.shut))
	return h ^ mix(uint64(len(s.items))+0x51)
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Equal reports whether two states are the same: same items in the same
// order, same unfinished count, same shutdown flag.
func (s State) Equal(t State) bool {
	if s.sum != t.sum || s.unfinished != t.unfinished || s.shut != t.shut ||
		len(s.items) != len(t.items) || s.kind != t.kind {
		return false
	}
	if len(s.items) == 0 || &s.items[0] == &t.items[0] {
		return true
	}
	for i, v := range s.items {
		if t.items[i] != v {
			return false
		}
	}
	return true
}

// String describes the state for people, for example
// "[3 7 9] unfinished=2 open" (items in removal order). Long queues are
// abbreviated ("[1 2 3 … 40 more … 98 99]") so that descriptions stay small.
func (s State) String() string {
	const head, tail = 8, 2
	items := s.Items()
	words := make([]string, 0, head+tail+1)
	for i, v := range items {
		switch {
		case len(items) <= head+tail+1 || i < head || i >= len(items)-tail:
			words = append(words, fmt.Sprint(v))
		case i == head:
			words = append(words, fmt.Sprintf("… %d more …", len(items)-head-tail))
		}
	}
	open := "open"
	if s.shut {
		open = "shut down"
	}
	return fmt.Sprintf("[%s] unfinished=%d %s", strings.Join(words, " "), s.unfinished, open)
}

// itemHash is the hash of one item; never zero for small values.
func itemHash(v int64) uint64 { return mix(uint64(v) + 0x2545f4914f6cdd1d) }

// withPush returns the state with v added (FIFO: at the back, LIFO: on top,
// priority: after every item not greater than v).
func (s State) withPush(v int64) State {
	items := make([]int64, len(s.items)+1)
	switch s.kind {
	case Priority:
		i := len(s.items)
		for i > 0 && s.items[i-1] > v {
			i--
		}
		copy(items, s.items[:i])
		items[i] = v
		copy(items[i+1:], s.items[i:])
		s.sum += itemHash(v)
	default:
		copy(items, s.items)
		items[len(s.items)] = v
		s.sum += itemHash(v) * s.pow
		s.pow *= hashBase
	}
	s.items = items
	return s
}

// withPop returns the state without its head; the queue must not be empty.
func (s State) withPop() State {
	n := len(s.items)
	switch s.kind {
	case Priority:
		s.sum -= itemHash(s.items[0])
		s.items = s.items[1:]
	case LIFO:
		s.pow *= hashBaseInv
		s.sum -= itemHash(s.items[n-1]) * s.pow
		s.items = s.items[:n-1]
	default:
		s.sum = (s.sum - itemHash(s.items[0])) * hashBaseInv
		s.pow *= hashBaseInv
		s.items = s.items[1:]
	}
	if len(s.items) == 0 {
		s.items = nil // let the backing array go
	}
	return s
}

// withDrain returns the state with no items.
func (s State) withDrain() State {
	s.items, s.sum, s.pow = nil, 0, 1
	return s
}
