package queue

import (
	"context"
	"errors"
	"sync"
)

// errSentinelPut is returned by a producer's put when it is given the
// sentinel: a consumer would stop on it, and the pipeline's own sentinels
// would then outnumber its consumers.
var errSentinelPut = errors.New("queue: producer put the sentinel")

// Pipeline runs producers and consumers over a queue: the producer/consumer
// pattern of Python's queue module, with task accounting, a clean ending
// and errgroup-style failure handling written once.
//
// Each of Producers goroutines runs Produce, which puts items with put.
// Each of Consumers goroutines gets items and hands each one to Consume,
// then marks it done with [Queue.TaskDone] (also when Consume fails, as
// Python's try/finally idiom does). When every producer has returned,
// Run ends the consumers:
//
//   - with Shutdown (IsSentinel nil): Run calls Shutdown(false); consumers
//     drain the queue and stop on [ErrShutDown]; Run then waits in
//     [Queue.Join] until every item put has been marked done;
//   - with sentinels (IsSentinel set): Run waits in Join until every item
//     put has been marked done, then puts one Sentinel per consumer; a
//     consumer stops at the first item for which IsSentinel reports true
//     and marks it done without calling Consume. Because Join comes first,
//     the queue holds only sentinels by then, so this is right for LIFO and
//     priority queues too; the queue is left open, empty and joined.
//
// Consume may put items into the queue itself (a crawler's new links): with
// sentinels, Join waits for those items too; with Shutdown, such puts fail
// with ErrShutDown once the producers have returned.
//
// Join counts every unfinished task of the queue, also those of items put
// before Run or by other goroutines: Run waits for them too. A Pipeline is
// a description; Run may be called more than once, but a queue that Run
// has shut down stays shut down.
type Pipeline[T any] struct {
	// Queue is the queue the producers and consumers share. Required.
	Queue Queue[T]
	// Producers is the number of producer goroutines (0 or more).
	Producers int
	// Produce is run by each producer, numbered from 0. It puts items with
	// put, which fails with the context's error once Run is failing or
	// canceled (check its error and return it), and with [ErrShutDown] once
	// the queue is shut down. A producer that returns an error wrapping
	// ErrShutDown has stopped because the queue was shut down: that is
	// not a failure. Required when Producers > 0.
	Produce func(ctx context.Context, producer int, put func(T) error) error
	// Consumers is the number of consumer goroutines (1 or more).
	Consumers int
	// Consume handles one item got by consumer number consumer. An error
	// fails Run. Required.
	Consume func(ctx context.Context, consumer int, item T) error
	// Sentinel is the item put once per consumer to stop it, when
	// IsSentinel is set.
	Sentinel T
	// IsSentinel, when set, selects the sentinel ending and tells a
	// sentinel from an item. Producers may not put an item for which it
	// reports true (put fails).
	IsSentinel func(item T) bool
}

// Run starts the producers and consumers, ends the consumers once every
// producer has returned (see [Pipeline]), and returns when every goroutine
// it started has returned.
//
// Run has errgroup semantics: the first error from Produce, Consume, a
// queue call or ctx cancels the context given to every producer and
// consumer and is what Run returns; blocked puts, gets and the Join wake
// on that cancellation. Producers and consumers check the context before
// each put and get, so a failing Run does not keep draining the queue
// (a queue call that can succeed at once succeeds even with a done
// context). A failed Run leaves the queue as it stands: items may remain
// queued and their tasks unfinished.
//
// Shutting the queue down while Run runs stops the pipeline gracefully:
// producers' puts fail with ErrShutDown, consumers process what is left
// (Shutdown(false)) or only the item in hand (Shutdown(true), which
// discards the rest), Run waits in Join, and returns nil.
//
// Run panics if Queue or Consume is nil, Consumers < 1, Producers < 0, or
// Produce is nil while Producers > 0. A Produce or Consume that ignores
// its context can keep Run from returning.
func (p *Pipeline[T]) Run(ctx context.Context) error {
	p.validate()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g := &group{cancel: cancel}
	var producers, consumers sync.WaitGroup
	for i := range p.Consumers {
		consumers.Go(func() { g.fail(p.consume(ctx, i)) })
	}
	for i := range p.Producers {
		producers.Go(func() { g.fail(p.produce(ctx, i)) })
	}
	producers.Wait()
	if ctx.Err() == nil {
		g.fail(p.end(ctx))
	}
	consumers.Wait()
	return g.err
}

// validate panics on a Pipeline that Run cannot run.
func (p *Pipeline[T]) validate() {
	switch {
	case p.Queue == nil:
		panic("queue: Pipeline.Queue is nil")
	case p.Consume == nil:
		panic("queue: Pipeline.Consume is nil")
	case p.Consumers < 1:
		panic("queue: Pipeline.Consumers must be at least 1")
	case p.Producers < 0:
		panic("queue: Pipeline.Producers is negative")
	case p.Producers > 0 && p.Produce == nil:
		panic("queue: Pipeline.Produce is nil")
	}
}

// produce runs one producer. A stop caused by shutdown is not an error.
func (p *Pipeline[T]) produce(ctx context.Context, id int) error {
	put := func(v T) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.IsSentinel != nil && p.IsSentinel(v) {
			return errSentinelPut
		}
		return p.Queue.Put(ctx, v)
	}
	err := p.Produce(ctx, id, put)
	if errors.Is(err, ErrShutDown) {
		return nil
	}
	return err
}

// consume runs one consumer until a sentinel, shutdown or failure.
func (p *Pipeline[T]) consume(ctx context.Context, id int) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		v, err := p.Queue.Get(ctx)
		if errors.Is(err, ErrShutDown) {
			return nil
		}
		if err != nil {
			return err
		}
		if p.IsSentinel != nil && p.IsSentinel(v) {
			return p.Queue.TaskDone()
		}
		err = p.Consume(ctx, id, v)
		if derr := p.Queue.TaskDone(); err == nil {
			err = derr
		}
		if err != nil {
			return err
		}
	}
}

// end ends the consumers once every producer has returned without failure.
func (p *Pipeline[T]) end(ctx context.Context) error {
	if p.IsSentinel == nil {
		if err := p.Queue.Shutdown(false); err != nil {
			return err
		}
		return p.Queue.Join(ctx)
	}
	if err := p.Queue.Join(ctx); err != nil {
		return err
	}
	for range p.Consumers {
		err := p.Queue.Put(ctx, p.Sentinel)
		if errors.Is(err, ErrShutDown) {
			return nil // shut down meanwhile: consumers stop on ErrShutDown
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// group records the first error of a set of goroutines and cancels their
// context when it does: errgroup's core, which the stdlib-only queue
// package cannot import.
type group struct {
	cancel context.CancelFunc
	once   sync.Once
	err    error // written once under once; read after every goroutine has returned
}

// fail records err if it is the first non-nil error, and cancels.
func (g *group) fail(err error) {
	if err != nil {
		g.once.Do(func() {
			g.err = err
			g.cancel()
		})
	}
}
