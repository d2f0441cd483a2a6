package adapters

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/queue"
)

// load is one concurrent conservation run: producers put distinct values,
// consumers get until every value put has come out, nothing moves for a
// while, or the time limit passes.
type load struct {
	producers, consumers, perProducer int
	limit                             time.Duration // whole run
	quiet                             time.Duration // no progress for this long: stop
}

// tally is what a load run saw.
type tally struct {
	put, got, lost, dup, phantom, reorder int
	putErrs, getErrs                      int
	firstErr                              error
	timedOut, stuck                       bool
}

func (t tally) ok() bool {
	return t.lost == 0 && t.dup == 0 && t.phantom == 0 && t.reorder == 0 &&
		t.putErrs == 0 && t.getErrs == 0 && !t.timedOut && !t.stuck
}

func (t tally) String() string {
	if t.ok() {
		return fmt.Sprintf("ok (%d items)", t.got)
	}
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", what, n))
		}
	}
	add(t.lost, "lost")
	add(t.dup, "duplicated")
	add(t.phantom, "phantom")
	add(t.reorder, "reordered")
	add(t.putErrs, "put errors")
	add(t.getErrs, "get errors")
	if t.timedOut {
		parts = append(parts, "time limit reached")
	}
	if t.stuck {
		parts = append(parts, "goroutines stuck past cancellation")
	}
	s := fmt.Sprintf("%s (of %d put)", strings.Join(parts, ", "), t.put)
	if t.firstErr != nil {
		s += fmt.Sprintf("; first error: %v", t.firstErr)
	}
	return s
}

// errCounter counts unexpected errors and keeps the first.
type errCounter struct {
	mu    sync.Mutex
	n     int
	first error
}

func (e *errCounter) add(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.n++
	if e.first == nil {
		e.first = err
	}
}

// run drives q with the load and returns the tally. Each consumer keeps its
// own slice; the only shared state is the harness's own counters.
func (l load) run(q queue.Queue[int]) tally {
	ctx, cancel := context.WithTimeout(context.Background(), l.limit)
	defer cancel()
	var putOK, got atomic.Int64
	var putErrs, getErrs errCounter
	var pwg, cwg sync.WaitGroup
	cctx, stopConsumers := context.WithCancel(ctx)
	defer stopConsumers()
	seqs := make([][]int, l.consumers)
	for c := range l.consumers {
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			for {
				v, err := q.Get(cctx)
				if err != nil {
					if cctx.Err() != nil {
						return
					}
					getErrs.add(err)
					continue
				}
				seqs[c] = append(seqs[c], v)
				got.Add(1)
			}
		}()
	}
	for p := range l.producers {
		pwg.Add(1)
		go func() {
			defer pwg.Done()
			for i := range l.perProducer {
				err := q.Put(ctx, p*l.perProducer+i+1)
				switch {
				case err == nil:
					putOK.Add(1)
				case ctx.Err() != nil:
					return
				default:
					putErrs.add(err)
				}
			}
		}()
	}
	stuck := !waitTimeout(&pwg, l.limit+time.Second, func() { drain(q) })
	l.awaitConsumers(ctx, &putOK, &got)
	timedOut := ctx.Err() != nil
	stopConsumers()
	if !waitTimeout(&cwg, time.Second, func() { unstick(q, l.consumers) }) {
		// A consumer may still append to its slice: do not read them.
		return tally{put: int(putOK.Load()), got: int(got.Load()), stuck: true, timedOut: timedOut}
	}
	t := l.analyse(seqs, int(putOK.Load()))
	t.putErrs, t.getErrs, t.timedOut, t.stuck = putErrs.n, getErrs.n, timedOut, stuck
	t.firstErr = errors.Join(putErrs.first, getErrs.first)
	return t
}

// awaitConsumers returns when every item put has been got, when nothing
// has been got for l.quiet, or when ctx ends.
func (l load) awaitConsumers(ctx context.Context, putOK, got *atomic.Int64) {
	last, since := int64(-1), time.Now()
	for ctx.Err() == nil && got.Load() < putOK.Load() {
		if n := got.Load(); n != last {
			last, since = n, time.Now()
		} else if time.Since(since) > l.quiet {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// waitTimeout waits for wg; past d it calls unblock every 10ms for another
// d, and reports whether wg finished before the first d.
func waitTimeout(wg *sync.WaitGroup, d time.Duration, unblock func()) bool {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
	}
	for deadline := time.Now().Add(d); time.Now().Before(deadline); {
		unblock()
		select {
		case <-done:
			return false
		case <-time.After(10 * time.Millisecond):
		}
	}
	return false // still stuck: goleak will name the goroutines
}

// drain frees producers stuck in an uncancellable put.
func drain(q queue.Queue[int]) {
	for range 64 {
		if _, err := q.TryGet(); err != nil {
			return
		}
	}
}

// unstick feeds sentinel values (negative, never put otherwise) to
// consumers stuck in a get that ignored cancellation.
func unstick(q queue.Queue[int], n int) {
	for i := range n {
		_ = q.TryPut(-1 - i)
	}
}

// analyse counts lost, duplicated, phantom and reordered items. Values of
// one producer were put in increasing order, one after the other, so a
// consumer of a FIFO queue must get them in increasing order too.
func (l load) analyse(seqs [][]int, putOK int) tally {
	t := tally{put: putOK}
	count := map[int]int{}
	for _, seq := range seqs {
		last := make([]int, l.producers)
		for _, v := range seq {
			t.got++
			count[v]++
			if v < 1 || v > l.producers*l.perProducer {
				t.phantom++
				continue
			}
			p := (v - 1) / l.perProducer
			if v < last[p] {
				t.reorder++
			}
			last[p] = v
		}
	}
	valid := 0
	for v, n := range count {
		if v < 1 || v > l.producers*l.perProducer {
			continue
		}
		valid++
		t.dup += n - 1
	}
	t.lost = max(0, putOK-valid)
	return t
}
