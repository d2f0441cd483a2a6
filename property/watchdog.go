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

// patience is how many watchdog periods a wait may last in all while some
// goroutine of the workload can still run (a busy machine, or a livelock).
const patience = 20

// group runs the goroutines of one protocol workload under a watchdog: a
// wait that lasts a watchdog period while every goroutine of the workload is
// blocked is a hang, reported with their stacks, never a stuck test.
type group struct {
	ctx      context.Context // ended when the workload is over
	cancel   context.CancelFunc
	period   time.Duration
	deadline time.Time // of the current period
	giveUp   time.Time // however busy the machine
	wg       sync.WaitGroup
	mu       sync.Mutex
	errs     []error
	launched int
	ids      []int64 // of the goroutines that started
}

func newGroup(watchdog time.Duration) *group {
	ctx, cancel := context.WithCancel(context.Background())
	now := time.Now()
	return &group{ctx: ctx, cancel: cancel, period: watchdog,
		deadline: now.Add(watchdog), giveUp: now.Add(patience * watchdog)}
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

// hung reports whether the workload looks hung (its goroutines all started
// and all are blocked), with their stacks.
func (g *group) hung() (string, bool) {
	ids := g.started()
	g.mu.Lock()
	started := len(ids) == g.launched
	g.mu.Unlock()
	dump, all := goroutines.Blocked(ids)
	return dump, started && all
}

// await waits for done; a hang is an error that says what was awaited and
// where the workload's goroutines are. The goroutines must be seen blocked
// twice, a period apart: a goroutine whose context has just ended can look
// blocked until the context's timer goroutine runs, late on a busy machine.
func (g *group) await(what string, done <-chan struct{}) error {
	for strikes := 0; ; {
		t := time.NewTimer(time.Until(g.deadline))
		select {
		case <-done:
			t.Stop()
			return nil
		case <-t.C:
		}
		dump, hung := g.hung()
		select {
		case <-done:
			return nil
		default:
		}
		if strikes++; !hung {
			strikes = 0
		}
		if strikes == 2 || time.Now().After(g.giveUp) {
			return fmt.Errorf("%w: %s did not happen; every goroutine of the workload is blocked:\n%s", errHang, what, dump)
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
	select {
	case <-all:
		return nil
	case <-time.After(patience * g.period):
		dump, _ := g.hung()
		return fmt.Errorf("goroutines remain after the workload ended (a call ignored its canceled context):\n%s", dump)
	}
}
