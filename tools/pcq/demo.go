package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/queue"
)

const demoDescription = `
Demo runs the producer/consumer program of Python's queue module for real:
N producers put the items 0..K-1 (in a random order chosen by -seed) into
the chosen queue, M consumers get them and mark each done, and the
consumers end with one sentinel each or with Shutdown. It prints items/s
and checks that every item was consumed exactly once and that Join
returned; it exits 1 if not.`

// demoConfig is a parsed pcq demo command line.
type demoConfig struct {
	impl                                  impl
	producers, consumers, items, capacity int
	sentinel                              bool
	seed                                  uint64
	sleep, timeout                        time.Duration
}

func runDemo(args []string) int {
	c, code, ok := parseDemo(args)
	if !ok {
		return code
	}
	return c.run()
}

// parseDemo parses and validates the flags of pcq demo.
func parseDemo(args []string) (c demoConfig, code int, ok bool) {
	fs := newFlagSet("demo", "[-impl NAME] [-producers N] [-consumers M] [-items K] [-cap C] [-end sentinel|shutdown] [-seed S] [-sleep D] [-timeout D]", demoDescription)
	name := fs.String("impl", "locked", "implementation: one of "+implNames())
	fs.IntVar(&c.producers, "producers", 4, "number of producer goroutines")
	fs.IntVar(&c.consumers, "consumers", 4, "number of consumer goroutines")
	fs.IntVar(&c.items, "items", 100000, "number of items, shared among the producers")
	fs.IntVar(&c.capacity, "cap", 1024, "queue capacity; 0 is unbounded (the default for linked)")
	end := fs.String("end", "sentinel", "how consumers end: sentinel (one per consumer, after Join) or shutdown")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the item order and of the pauses")
	fs.DurationVar(&c.sleep, "sleep", 0, "longest random pause before each put and after each get")
	fs.DurationVar(&c.timeout, "timeout", time.Minute, "give up (and fail) after this long")
	if code, ok := parseFlags(fs, args); !ok {
		return c, code, false
	}
	var err error
	if c.impl, err = lookupImpl(*name); err != nil {
		return c, usageError(fs, "%v", err), false
	}
	if !isFlagSet(fs, "cap") && !c.impl.bounded {
		c.capacity = 0
	}
	if err := c.impl.checkCap(c.capacity); err != nil {
		return c, usageError(fs, "-cap %d: %v", c.capacity, err), false
	}
	switch {
	case *end != "sentinel" && *end != "shutdown":
		return c, usageError(fs, "-end %q: want sentinel or shutdown", *end), false
	case c.producers < 0 || c.consumers < 1 || c.items < 0:
		return c, usageError(fs, "want -producers >= 0, -consumers >= 1, -items >= 0"), false
	case c.items > 0 && c.producers == 0:
		return c, usageError(fs, "-items %d needs at least one producer", c.items), false
	case c.sleep < 0 || c.timeout <= 0:
		return c, usageError(fs, "want -sleep >= 0 and -timeout > 0"), false
	}
	c.sentinel = *end == "sentinel"
	return c, 0, true
}

// isFlagSet reports whether the flag called name was given.
func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// run runs the demo and returns the exit code.
func (c demoConfig) run() int {
	end := "shutdown"
	if c.sentinel {
		end = "sentinel"
	}
	fmt.Fprintf(stdout, "pcq demo: impl=%s cap=%d producers=%d consumers=%d items=%d end=%s seed=%d\n",
		c.impl.name, c.capacity, c.producers, c.consumers, c.items, end, c.seed)
	q := c.impl.new(c.capacity)
	seen := make([]atomic.Int32, c.items)
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	start := time.Now()
	err := c.pipeline(q, seen).Run(ctx)
	elapsed := time.Since(start)
	if err != nil {
		fmt.Fprintf(stdout, "FAIL: run: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "consumed %d items in %v: %.0f items/s\n",
		c.items, elapsed.Round(time.Microsecond), float64(c.items)/elapsed.Seconds())
	return c.verify(q, seen)
}

// pipeline returns the producers and consumers of the demo over q; each
// consumer counts the items it gets in seen.
func (c demoConfig) pipeline(q queue.Queue[int], seen []atomic.Int32) *queue.Pipeline[int] {
	order := rand.New(rand.NewPCG(c.seed, 0)).Perm(c.items)
	p := &queue.Pipeline[int]{
		Queue:     q,
		Producers: c.producers,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			pause := c.pauser(uint64(id))
			for _, v := range order[id*c.items/c.producers : (id+1)*c.items/c.producers] {
				pause()
				if err := put(v); err != nil {
					return err
				}
			}
			return nil
		},
		Consumers: c.consumers,
	}
	pauses := make([]func(), c.consumers)
	for i := range pauses {
		pauses[i] = c.pauser(uint64(c.producers + i))
	}
	p.Consume = func(ctx context.Context, id int, v int) error {
		if v < 0 || v >= len(seen) {
			return fmt.Errorf("consumer %d got %d, which nobody put", id, v)
		}
		seen[v].Add(1)
		pauses[id]()
		return nil
	}
	if c.sentinel {
		p.Sentinel, p.IsSentinel = -1, func(v int) bool { return v == -1 }
	}
	return p
}

// pauser returns a function that sleeps a random time up to c.sleep, for
// the one goroutine numbered id (a rand.Rand is not safe to share).
func (c demoConfig) pauser(id uint64) func() {
	if c.sleep <= 0 {
		return func() {}
	}
	r := rand.New(rand.NewPCG(c.seed, id+1))
	return func() { time.Sleep(time.Duration(r.Int64N(int64(c.sleep) + 1))) }
}

// verify checks that every item was consumed once and that the queue is
// empty and joined; it prints the verdict and returns the exit code.
func (c demoConfig) verify(q queue.Queue[int], seen []atomic.Int32) int {
	bad := 0
	for v := range seen {
		if n := seen[v].Load(); n != 1 {
			if bad < 5 {
				fmt.Fprintf(stdout, "FAIL: item %d consumed %d times\n", v, n)
			}
			bad++
		}
	}
	if bad > 0 {
		fmt.Fprintf(stdout, "FAIL: %d of %d items not consumed exactly once\n", bad, c.items)
		return 1
	}
	fmt.Fprintln(stdout, "every item consumed exactly once: ok")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := q.Join(ctx); err != nil {
		fmt.Fprintf(stdout, "FAIL: join: %v\n", err)
		return 1
	}
	if n := q.Len(); n > 0 {
		fmt.Fprintf(stdout, "FAIL: %d items left in the queue\n", n)
		return 1
	}
	fmt.Fprintln(stdout, "join returned: ok")
	return 0
}
