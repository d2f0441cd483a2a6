package property

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/goroutines"
	"github.com/pcqkit/pcq/queue"
)

// Names of the calls a queue may not support (errors.ErrUnsupported, or a
// negative Len).
const (
	callPut       = "put"
	callTryPut    = "try_put"
	callGet       = "get"
	callTryGet    = "try_get"
	callLen       = "len"
	callTaskDone  = "task_done"
	callJoin      = "join"
	callShutdown  = "shutdown"
	callImmediate = "shutdown(immediate)"
)

// support records which calls a queue supports.
type support map[string]bool

func (s support) has(call string) bool { return !s[call] }

// unsupported lists the calls not exercised, sorted.
func (s support) unsupported() []string {
	var out []string
	for call, un := range s {
		if un {
			out = append(out, call)
		}
	}
	sort.Strings(out)
	return out
}

// detectSupport finds the calls that a fresh queue does not support. A call that
// hangs or spins (goroutines.Watch: a slow machine is waited for) is an
// error (its goroutine is left, and recorded as abandoned: harness.Abandon).
func detectSupport(newQueue harness.Factory, capacity int) (support, error) {
	type answer struct {
		s   support
		err error
	}
	done := make(chan answer, 1)
	var id atomic.Int64
	go func() {
		id.Store(goroutines.ID())
		s, err := detectCalls(newQueue, capacity)
		done <- answer{s, err}
	}()
	w := goroutines.NewWatch(5 * time.Second)
	for {
		select {
		case a := <-done:
			return a.s, a.err
		case <-time.After(time.Second):
		}
		if v := w.LookFamily(id.Load()); v != goroutines.Waiting {
			harness.Abandon(harness.Property, "a queue probed for its calls", goroutines.Family(id.Load()))
			return nil, fmt.Errorf("a call on a fresh queue of capacity %d did not return (%v):\n%s", capacity, v, dump())
		}
	}
}

func detectCalls(newQueue harness.Factory, capacity int) (support, error) {
	q, err := newQueue.New(capacity)
	if err != nil {
		return nil, err
	}
	expired, cancel := context.WithDeadline(context.Background(), deadlinePast)
	defer cancel()
	s := support{}
	mark := func(call string, err error) { s[call] = errors.Is(err, errors.ErrUnsupported) }
	s[callLen] = q.Len() < 0
	mark(callTaskDone, q.TaskDone())
	_, err = q.TryGet()
	mark(callTryGet, err)
	_, err = q.Get(expired)
	mark(callGet, err)
	mark(callJoin, q.Join(expired))
	mark(callTryPut, q.TryPut(1))
	mark(callPut, q.Put(expired, 2))
	mark(callShutdown, q.Shutdown(false))
	if q, err = newQueue.New(capacity); err != nil {
		return nil, err
	}
	mark(callImmediate, q.Shutdown(true))
	return s, nil
}

// shutdownQuietly stops a queue the harness is done with, so that a queue
// that runs goroutines of its own can end them. It gives up after a second
// on a queue that does not return.
func shutdownQuietly(q queue.Queue[int]) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { _ = recover() }()
		_ = q.Shutdown(true)
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
}

// logUnsupported logs the calls not exercised.
func logUnsupported(cfg *config, s support) {
	if un := s.unsupported(); len(un) > 0 {
		cfg.Logf("property: not exercised (errors.ErrUnsupported or a negative Len): %s",
			strings.Join(un, ", "))
	}
}
