package property

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"time"
)

// group runs the goroutines of one protocol scenario under a watchdog: every
// wait ends at the scenario's deadline, and a hang becomes an error with a
// dump of the harness's goroutines, never a stuck test.
type group struct {
	ctx      context.Context // ended when the scenario is over
	cancel   context.CancelFunc
	deadline time.Time
	wg       sync.WaitGroup
	mu       sync.Mutex
	errs     []error
}

func newGroup(watchdog time.Duration) *group {
	ctx, cancel := context.WithCancel(context.Background())
	return &group{ctx: ctx, cancel: cancel, deadline: time.Now().Add(watchdog)}
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
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer close(done)
		f(g.ctx)
	}()
	return done
}

// await waits for done until the deadline; a hang is an error that says
// what was awaited and where the harness's goroutines are.
func (g *group) await(what string, done <-chan struct{}) error {
	t := time.NewTimer(time.Until(g.deadline))
	defer t.Stop()
	select {
	case <-done:
		return nil
	case <-t.C:
		return fmt.Errorf("hang: %s did not happen within the watchdog's time; goroutines of the harness:\n%s", what, dump())
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

// stop ends the scenario: it cancels every call still blocked and waits a
// little for the goroutines; any that remain are reported.
func (g *group) stop() error {
	g.cancel()
	all := make(chan struct{})
	go func() { g.wg.Wait(); close(all) }()
	select {
	case <-all:
		return nil
	case <-time.After(time.Second):
		return fmt.Errorf("goroutines remain after the scenario ended (a call ignored its cancelled context):\n%s", dump())
	}
}

var pkgPath = reflect.TypeFor[group]().PkgPath()

// dump returns the stacks of the goroutines that this package started.
func dump() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []string
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		if bytes.Contains(g, []byte("created by "+pkgPath)) {
			out = append(out, string(g))
		}
	}
	return strings.Join(out, "\n\n")
}
