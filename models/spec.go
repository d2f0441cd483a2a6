package models

import "fmt"

// Spec is the sequential specification of one queue: its order and its
// capacity. Its methods are pure functions over [State] values; the
// porcupine model, the property tests and the checkers all use them, so
// that the oracles cannot drift apart.
//
// The semantics are those of history/FORMAT.md (Python 3.13's queue.Queue).
type Spec struct {
	Kind     Kind // the order in which items are removed
	Capacity int  // the most items the queue holds; 0 (or less): unbounded
}

// Init returns the initial state: empty, open, no unfinished tasks.
func (s Spec) Init() State {
	if s.Kind > Priority {
		panic(fmt.Sprintf("models: unknown kind %d", s.Kind))
	}
	return initState(s.Kind)
}

// full reports whether st has no room for another item.
func (s Spec) full(st State) bool {
	return s.Capacity > 0 && len(st.items) >= s.Capacity
}

// Step returns every state the queue can be in after the operation in
// returned out in state st; an empty result means that the operation
// cannot have returned out in st (the history is illegal there).
//
// Step returns at most one state for every result except [Unknown]: an
// operation whose result nobody saw may have had no effect, or the effect
// of any result it was allowed to have (an unknown get may have removed
// the head, whatever its value). A [Canceled] operation had no effect and
// is legal in any state.
func (s Spec) Step(st State, in Input, out Output) []State {
	if !in.Op.Allowed(out.Result) {
		return nil
	}
	switch out.Result {
	case Unknown:
		return s.stepUnknown(st, in)
	case Canceled:
		return []State{st}
	}
	next, ok := s.step(st, in, out)
	if !ok {
		return nil
	}
	return []State{next}
}

// step is Step for a known result other than Canceled.
func (s Spec) step(st State, in Input, out Output) (State, bool) {
	switch in.Op {
	case Put, TryPut:
		return s.stepPut(st, in, out)
	case Get, TryGet:
		return stepGet(st, out)
	case Len:
		return st, out.Value == int64(len(st.items))
	case TaskDone:
		if out.Result == Error {
			return st, st.unfinished == 0
		}
		st.unfinished--
		return st, st.unfinished >= 0
	case Join:
		return st, st.unfinished == 0
	case Shutdown:
		return shutdown(st, in.Immediate), true
	}
	return st, false
}

func (s Spec) stepPut(st State, in Input, out Output) (State, bool) {
	switch out.Result {
	case OK:
		if st.shut || s.full(st) {
			return st, false
		}
		next := st.withPush(in.Value)
		next.unfinished++
		return next, true
	case Full:
		return st, !st.shut && s.full(st)
	case Closed:
		return st, st.shut
	}
	return st, false
}

func stepGet(st State, out Output) (State, bool) {
	switch out.Result {
	case OK:
		if len(st.items) == 0 || st.head() != out.Value {
			return st, false
		}
		return st.withPop(), true
	case Empty:
		return st, !st.shut && len(st.items) == 0
	case Closed:
		return st, st.shut && len(st.items) == 0
	}
	return st, false
}

// shutdown marks st shut down; immediate also drains it and lowers the
// unfinished count by the number of items drained, never below zero.
func shutdown(st State, immediate bool) State {
	st.shut = true
	if immediate {
		st.unfinished = max(0, st.unfinished-len(st.items))
		st = st.withDrain()
	}
	return st
}

// stepUnknown returns st (no effect) and, when it differs, the state after
// the operation's effect where it could have one.
func (s Spec) stepUnknown(st State, in Input) []State {
	next, changed := st, false
	switch in.Op {
	case Put, TryPut:
		if !st.shut && !s.full(st) {
			next, changed = st.withPush(in.Value), true
			next.unfinished++
		}
	case Get, TryGet:
		if len(st.items) > 0 {
			next, changed = st.withPop(), true
		}
	case TaskDone:
		if st.unfinished > 0 {
			next, changed = st, true
			next.unfinished--
		}
	case Shutdown:
		next = shutdown(st, in.Immediate)
		changed = !next.Equal(st)
	}
	if !changed {
		return []State{st}
	}
	return []State{st, next}
}

// Predict returns what a correct queue in state st answers when in is
// called alone, and the state after it. blocks is true when a blocking
// put, get or join would wait (out and next are then meaningless); a
// blocking call never returns Canceled on its own.
func (s Spec) Predict(st State, in Input) (out Output, next State, blocks bool) {
	out.Result = OK
	switch in.Op {
	case Put, TryPut:
		switch {
		case st.shut:
			out.Result = Closed
		case s.full(st) && in.Op == Put:
			return out, st, true
		case s.full(st):
			out.Result = Full
		}
	case Get, TryGet:
		switch {
		case len(st.items) > 0:
			out.Value = st.head()
		case st.shut:
			out.Result = Closed
		case in.Op == Get:
			return out, st, true
		default:
			out.Result = Empty
		}
	case Len:
		out.Value = int64(len(st.items))
	case TaskDone:
		if st.unfinished == 0 {
			out.Result = Error
		}
	case Join:
		if st.unfinished > 0 {
			return out, st, true
		}
	}
	next, ok := s.step(st, in, out)
	if !ok {
		panic(fmt.Sprintf("models: predicted %v for %v is illegal", out, in))
	}
	return out, next, false
}
