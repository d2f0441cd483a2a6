package fuzz

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"time"

	registry "github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/queue"
)

// impl is one of the kit's implementations, for the protocol targets.
type impl = registry.Impl

// impls are the kit's implementations.
var impls = registry.All()

// protocolWatchdog bounds one protocol input's run.
const protocolWatchdog = 5 * time.Second

// reader hands out a fuzzer's bytes in order; past the end it reads 0, so
// every byte string decodes, always the same way.
type reader struct {
	data []byte
	i    int
}

func (r *reader) next() int {
	if r.i >= len(r.data) {
		return 0
	}
	r.i++
	return int(r.data[r.i-1])
}

// pickImpl reads the implementation and its capacity (two bytes): 0
// (unbounded) to 4, never 0 for a bounded-only one.
func (r *reader) pickImpl() (impl, int) {
	im := impls[r.next()%len(impls)]
	b := r.next()
	capacity := b % 5
	if capacity == 0 && !im.Unbounded {
		capacity = 1 + b/5%4
	}
	return im, capacity
}

// pattern is one goroutine's yields: before its n-th operation it calls
// runtime.Gosched yields(n) times.
type pattern byte

func (p pattern) yield(n int) {
	if p>>(n%6)&1 == 0 {
		return
	}
	for range 1 + int(p>>6) {
		runtime.Gosched()
	}
}

// watch runs body under a watchdog: if body has not returned within d, the
// goroutines are dumped and ctx is canceled, which every blocking call of
// body must honour. It returns body's error, or the hang with the dump.
func watch(d time.Duration, body func(ctx context.Context) error) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- body(ctx) }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
	}
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	cancel()
	select {
	case err := <-done:
		return fmt.Errorf("hang: the run did not finish within %v (then, canceled: %v)\n%s", d, err, dump)
	case <-time.After(2 * time.Second):
		return fmt.Errorf("hang: the run did not finish within %v, nor 2s after its context was canceled\n%s", d, dump)
	}
}

// exactlyOnce checks that the items processed are the items put, each
// once; with discards allowed (an immediate shutdown happened) processed
// must only be a subset. It returns the number discarded.
func exactlyOnce(put, processed []int, discards bool) (int, error) {
	seen := make(map[int]bool, len(put))
	for _, v := range put {
		seen[v] = false
	}
	for _, v := range processed {
		done, ok := seen[v]
		switch {
		case !ok:
			return 0, fmt.Errorf("item %d was processed but never put", v)
		case done:
			return 0, fmt.Errorf("item %d was processed twice", v)
		}
		seen[v] = true
	}
	var lost []int
	for v, done := range seen {
		if !done {
			lost = append(lost, v)
		}
	}
	slices.Sort(lost)
	if len(lost) > 0 && !discards {
		return 0, fmt.Errorf("%d items put were never processed (no immediate shutdown): %v", len(lost), lost)
	}
	return len(lost), nil
}

// finalState checks a queue whose every item has been processed or
// discarded: empty, no unfinished task, Join returning at once, and
// TryGet answering want.
func finalState(q queue.Queue[int], want error) error {
	if n := q.Len(); n > 0 {
		return fmt.Errorf("at the end, Len() = %d, want 0", n)
	}
	if err := q.TaskDone(); !errors.Is(err, queue.ErrTaskDone) {
		return fmt.Errorf("at the end every task was done, but TaskDone returned %v, want ErrTaskDone", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := q.Join(ctx); err != nil {
		return fmt.Errorf("at the end every task was done, but Join returned %v", err)
	}
	if _, err := q.TryGet(); !errors.Is(err, want) {
		return fmt.Errorf("at the end, TryGet returned %v, want %v", err, want)
	}
	return nil
}
