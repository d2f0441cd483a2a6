package property

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pcqkit/pcq/internal/goroutines"
)

// errHang is wrapped by the errors that report a hang.
var errHang = errors.New("hang")

// patience is how many watchdog periods of processor time a workload may
// use without progress before it is a spin (see goroutines.Watch): a
// loaded machine, which gives the process little processor time, is
// waited for.
const patience = 20

// group runs the goroutines of one protocol workload under a watchdog: a
// workload that makes no progress while every goroutine of it is blocked
// at two looks a period apart is a hang, and one that makes none while
// the process uses patience periods of processor time is a spin; each is
// reported with the goroutines' stacks, never a stuck test.
type group struct {
	ctx      context.Context // ended when the workload is over
	cancel   context.CancelFunc
	period   time.Duration
	deadline time.Time         // of the current period
	watch    *goroutines.Watch // tells a hang or a spin from a slow machine
	progress func() int        // grows as the workload gets somewhere; nil: never
	last     int               // progress at the last look
	wg       sync.WaitGroup
	mu       sync.Mutex
	errs     []error
	launched int
	ids      []int64 // of the goroutines that started
}

func newGroup(watchdog time.Duration) *group {
	ctx, cancel := context.WithCancel(context.Background())
	return &group{ctx: ctx, cancel: cancel, period: watchdog,
		deadline: time.Now().Add(watchdog), watch: goroutines.NewWatch(patience * watchdog)}
}

// fail records an error found by a goroutine.
func (g *group) fail(format string, args ...any) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.errs = append(g.errs, fmt.Errorf(format, args...))
}

// err returns the first error recorded.
func (g *group) err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.errs) == 0 {
		return nil
	}
	return g.errs[0]
}

// goDone runs f in a goroutine and returns a channel closed when it ends.
func (g *group) goDone(f func(ctx context.Context)) <-chan struct{} {
	done := make(chan struct{})
	g.mu.Lock()
	g.launched++
	g.mu.Unlock()
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer close(done)
		id := goroutines.ID()
		g.mu.Lock()
		g.ids = append(g.ids, id)
		g.mu.Unlock()
		f(g.ctx)
	}()
	return done
}

// started returns the ids of the goroutines that started.
func (g *group) started() []int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]int64(nil), g.ids...)
}

// look is the watchdog's look at the workload, once a period: Waiting
// while it progresses or some goroutine of it has not started yet, else
// what the watch sees of its goroutines (Hung, Spinning), with their
// stacks. Only the goroutine that waits for the workload looks.
func (g *group) look() (string, goroutines.Verdict) {
	ids := g.started()
	g.mu.Lock()
	started := len(ids) == g.launched
	g.mu.Unlock()
	n := 0
	if g.progress != nil {
		n = g.progress()
	}
	if n != g.last || !started {
		g.last = n
		g.watch.Progress()
		return "", goroutines.Waiting
	}
	v := g.watch.LookFamily(ids...)
	if v == goroutines.Waiting {
		return "", v
	}
	dump, _ := goroutines.BlockedFamily(ids...)
	return dump, v
}

// hangError is the error of a workload in which what did not happen,
// with the verdict of its watch (Hung, Spinning) and its stacks.
func (g *group) hangError(what string, v goroutines.Verdict, dump string) error {
	if v == goroutines.Spinning {
		return fmt.Errorf("%w: %s; the workload made no progress while the process used %v of processor time (a spin?):\n%s", errHang, what, patience*g.period, dump)
	}
	return fmt.Errorf("%w: %s; every goroutine of the workload is blocked:\n%s", errHang, what, dump)
}

// await waits for done; a hang or a spin (see look) is an error that says
// what was awaited and where the workload's goroutines are. The
// goroutines must be seen blocked twice, a period apart: a goroutine
// whose context has just ended can look blocked until the context's timer
// goroutine runs, late on a busy machine.
func (g *group) await(what string, done <-chan struct{}) error {
	for {
		t := time.NewTimer(time.Until(g.deadline))
		select {
		case <-done:
			t.Stop()
			return nil
		case <-t.C:
		}
		dump, v := g.look()
		select {
		case <-done:
			return nil
		default:
		}
		if v != goroutines.Waiting {
			return g.hangError(what+" did not happen", v, dump)
		}
		g.deadline = time.Now().Add(g.period)
	}
}

// call runs the blocking call f under the watchdog.
func (g *group) call(what string, f func(ctx context.Context) error) error {
	var err error
	done := g.goDone(func(ctx context.Context) { err = f(ctx) })
	if hang := g.await(what, done); hang != nil {
		return hang
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// stop ends the workload: it cancels every call still blocked and waits a
// little for the goroutines; any that remain are reported.
func (g *group) stop() error {
	g.cancel()
	all := make(chan struct{})
	go func() { g.wg.Wait(); close(all) }()
	for {
		select {
		case <-all:
			return nil
		case <-time.After(g.period):
		}
		if dump, v := g.look(); v != goroutines.Waiting {
			return fmt.Errorf("goroutines remain after the workload ended (a call ignored its canceled context; %v):\n%s", v, dump)
		}
	}
}
