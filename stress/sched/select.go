package sched

import "reflect"

// A SelectCase is one communication of a select statement that the
// instrument package rewrote into a call of [Select]: a [*Recv] or a
// [*Send].
type SelectCase interface {
	reflectCase() reflect.SelectCase
	received(v reflect.Value, ok bool)
}

// Recv is a receive case; after [Select] chose it, V and OK are what the
// receive gave (v, ok := <-c).
type Recv[T any] struct {
	c  <-chan T
	V  T
	OK bool
}

// RecvCase is the case <-c.
func RecvCase[T any](c <-chan T) *Recv[T] { return &Recv[T]{c: c} }

func (r *Recv[T]) reflectCase() reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(r.c)}
}

func (r *Recv[T]) received(v reflect.Value, ok bool) {
	r.OK = ok
	if ok {
		reflect.ValueOf(&r.V).Elem().Set(v) // a nil interface too
	}
}

// Send is a send case.
type Send[T any] struct {
	c chan<- T
	v T
}

// SendCase is the case c <- v.
func SendCase[T any](c chan<- T, v T) *Send[T] { return &Send[T]{c: c, v: v} }

func (s *Send[T]) reflectCase() reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectSend, Chan: reflect.ValueOf(s.c), Send: reflect.ValueOf(&s.v).Elem()}
}

func (s *Send[T]) received(reflect.Value, bool) {}

// Select performs a select statement over cases (with a default clause if
// hasDefault) and returns the index of the case it chose, or -1 for the
// default. Outside a scheduler it is Go's select: a uniformly random
// choice among the ready cases. In a managed goroutine the choice is
// deterministic, so that a schedule replays exactly: the cases are tried
// in turn without blocking, starting one further at each select the
// goroutine makes (every case gets its turn, as Go's fairness promises),
// the first ready one wins; when none is, it is the default, or the
// goroutine blocks until one is.
func Select(hasDefault bool, cases ...SelectCase) int {
	all := make([]reflect.SelectCase, len(cases), len(cases)+1)
	for i, c := range cases {
		all[i] = c.reflectCase()
	}
	if g := current(); g != nil && len(cases) > 0 {
		g.selects++
		for k := range cases {
			i := (g.selects + k) % len(cases)
			chosen, v, ok := reflect.Select([]reflect.SelectCase{all[i], {Dir: reflect.SelectDefault}})
			if chosen == 0 {
				cases[i].received(v, ok)
				return i
			}
		}
		if hasDefault {
			return -1
		}
	} else if hasDefault {
		all = append(all, reflect.SelectCase{Dir: reflect.SelectDefault})
	}
	chosen, v, ok := reflect.Select(all)
	if chosen == len(cases) {
		return -1
	}
	cases[chosen].received(v, ok)
	return chosen
}
