// Package spawn is the instrument test's case of go statements: every form
// (a function, a function variable, a method value on a value and on a
// pointer receiver, a function literal with arguments, a variadic call,
// untyped constants and nil, a builtin, a generic function, a nested go
// statement with a runtime.Gosched, arguments over several lines), each
// followed by a change of what it read, so that what the goroutine sees
// says when its function value and arguments were evaluated.
package spawn

import (
	"runtime"
	"strings"
)

// log records the order in which things were evaluated.
type log struct{ events []string }

// note records what and returns v.
func (l *log) note(what string, v int) int {
	l.events = append(l.events, what)
	return v
}

type counter struct{ n int }

// value sends the counter's value as it was when the method value was made.
func (c counter) value(gate <-chan struct{}, out chan<- int) { <-gate; out <- c.n }

// add sends the counter's value plus d, read when it runs.
func (c *counter) add(gate <-chan struct{}, out chan<- int, d int) { <-gate; out <- c.n + d }

func send(gate <-chan struct{}, out chan<- int, v int) { <-gate; out <- v }

func sendTwice(gate <-chan struct{}, out chan<- int, v int) { <-gate; out <- 2 * v }

func sum(gate <-chan struct{}, out chan<- int, xs ...int) {
	<-gate
	t := 0
	for _, x := range xs {
		t += x
	}
	out <- t
}

func wide(gate <-chan struct{}, out chan<- int, x int64, p *int) {
	<-gate
	if p == nil {
		out <- int(x)
	}
}

func generic[T int | int64](gate <-chan struct{}, out chan<- int, v T) { <-gate; out <- int(v) }

const seven = 7

// Forms runs every form; it returns what each goroutine sent, in the order
// of the go statements, and the log of evaluations.
func Forms() (got []int, events string) {
	l := &log{}
	out := make(chan int)
	run := func(start func(gate chan struct{}), change func()) {
		gate := make(chan struct{})
		start(gate)
		l.note("after", 0)
		change()
		close(gate)
		got = append(got, <-out)
	}
	a := 1
	run(func(g chan struct{}) { go send(g, out, l.note("arg", a)) }, func() { a = 100 })
	f := send
	run(func(g chan struct{}) { go f(g, out, a) }, func() { f = sendTwice })
	c := counter{n: 3}
	run(func(g chan struct{}) { go c.value(g, out) }, func() { c.n = 300 })
	p := &counter{n: 4}
	run(func(g chan struct{}) { go p.add(g, out, a) }, func() { p.n = 5; p = &counter{n: 400} })
	run(func(g chan struct{}) {
		go func(v int, g <-chan struct{}) {
			<-g
			out <- v
		}(a+1, g)
	}, func() { a = 200 })
	xs := []int{1, 2, 3}
	run(func(g chan struct{}) { go sum(g, out, xs...) }, func() { xs = []int{1000} })
	run(func(g chan struct{}) { go sum(g, out, a, xs[0]) }, func() { a, xs[0] = 1, 1 })
	run(func(g chan struct{}) { go wide(g, out, seven<<2, nil) }, func() {})
	run(func(g chan struct{}) { go generic(g, out, int64(a)) }, func() { a = 2 })
	run(func(g chan struct{}) {
		go func() {
			runtime.Gosched()
			go send(g, out, a)
		}()
	}, func() {})
	run(func(g chan struct{}) {
		go send(g,
			out,
			a+
				1)
	}, func() { a = 3 })
	done := make(chan struct{})
	go close(done)
	<-done
	return got, strings.Join(l.events, ",")
}

// Want is what [Forms] returns when go statements evaluate as Go says.
var Want = []int{1, 100, 3, 105, 101, 6, 1200, 28, 1, 2, 3}

// WantEvents is the log [Forms] returns.
const WantEvents = "arg,after,after,after,after,after,after,after,after,after,after,after"

// Panic panics on its own line, for the test of positions.
func Panic() {
	panic("spawn: the line of this panic is the original one")
}
