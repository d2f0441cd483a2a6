package scenario

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// probeWake blocks Probers getters on the empty queue, puts as many items
// and checks that every getter woke with one of them: a put must wake a
// blocked getter whatever the queue held before. It does so twice: the
// puts made one after the other, then all at once, from a goroutine each
// (a put still filling its slot while a later one is done, whose wake-up
// found the getters not yet asleep, is how a queue that lets a getter
// sleep on an unconfirmed "empty" loses a wake-up). A queue without Get
// is not probed; one without Put gets no more getters than it holds items
// (see exec.has).
func (ex *exec) probeWake(ctx context.Context) {
	n := ex.opts.Probers
	if n <= 0 {
		return
	}
	if !ex.has(ctx, models.Get) {
		ex.notProbed("wake-up: Get is unsupported")
		return
	}
	if c := ex.s.Capacity; c > 0 && c < n && !ex.has(ctx, models.Put) {
		ex.notProbed("wake-up: with %d getters, not %d (Put is unsupported, and the probe's try_puts must not find the queue of capacity %d full)", c, n, c)
		n = c
	}
	if ex.probe.check == "" && ex.wakeRound(ctx, "one after the other", (*exec).putInTurn, -1, n) && ex.probe.check == "" {
		ex.wakeRound(ctx, "at once", (*exec).putTogether, -1-n, n)
	}
}

// A putting puts the items for the wake-up probe, setting errs[i] to the
// error of item i's put; goCall runs a call in a watched goroutine of its
// own (see probeCalls), which the probe waits for. It reports whether it
// knows, on its return, that the queue has neither TryPut nor Put.
type putting func(ex *exec, ctx context.Context, items []int, errs []error, goCall func(func(ctx context.Context))) (unsupported bool)

// wakeRound blocks n getters on the empty queue, puts the items first,
// first-1, ..., as putting does (how says so in the stage) and checks the
// getters. It reports false when the queue has neither TryPut nor Put (a
// put returned errors.ErrUnsupported): nothing was probed.
func (ex *exec) wakeRound(ctx context.Context, how string, putting putting, first, n int) (probed bool) {
	ex.setStage(fmt.Sprintf("probing wake-ups (%d getters blocked, then %d puts %s)", n, n, how))
	items, errs := make([]int, n), make([]error, n)
	for i := range items {
		items[i] = first - i // recorded values are positive
	}
	res, putStuck := ex.blockedGets(ctx, n, func(ctx context.Context, goCall func(func(context.Context))) bool {
		return putting(ex, ctx, items, errs, goCall) // abort: the getters wait for nothing
	})
	if slices.ContainsFunc(errs, unsupported) {
		ex.notProbed("wake-up: TryPut and Put are unsupported")
		return false
	}
	if putStuck {
		ex.probeFail(harness.Liveness, "wake-up probe: %d getters were blocked on the empty queue; a put of the %d items (%s) blocked and stayed blocked (parked, as was every getter still out, at two looks %v apart; Len() = %d)",
			n, n, how, ex.opts.ProbeWait, ex.q.Len())
		return true
	}
	for i, err := range errs {
		if err != nil {
			ex.probeFail(harness.Liveness, "wake-up probe: %d getters were blocked on the empty queue; put %d of %d (%s) returned %v", n, i+1, n, how, err)
			return true
		}
	}
	ex.checkWoken(res, items, how)
	return true
}

// putInTurn puts the items one after the other, until one put is
// unsupported.
func (ex *exec) putInTurn(ctx context.Context, items []int, errs []error, _ func(func(context.Context))) bool {
	for i, v := range items {
		if errs[i] = ex.probePut(ctx, v); unsupported(errs[i]) {
			return true
		}
	}
	return false
}

// putTogether puts the items all at once, from a goroutine each (their
// errors are known only once the probe has waited for them).
func (ex *exec) putTogether(_ context.Context, items []int, errs []error, goCall func(func(context.Context))) bool {
	for i, v := range items {
		goCall(func(ctx context.Context) { errs[i] = ex.probePut(ctx, v) })
	}
	return false
}

// probePut puts v for the wake-up probe: with TryPut, back to back, so
// that a woken getter rarely takes an item before the next put (a queue
// that wakes a getter only on a put into an empty queue shows its bug
// then); with Put where TryPut is unsupported or the queue is full. A
// queue without Put answers full then (probeWake puts no more items than
// it holds).
func (ex *exec) probePut(ctx context.Context, v int) error {
	err := ex.q.TryPut(v)
	if !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, queue.ErrFull) {
		return err
	}
	if putErr := ex.q.Put(ctx, v); !unsupported(putErr) || unsupported(err) {
		return putErr
	}
	return err
}

// checkWoken checks the wake-up probe's getters: each must have got one
// of the items put (how). A getter that got an item counts as woken even
// if the watcher had found it stuck: in real time, one that polls on a
// timer of its own may have found it then (under the controlled
// scheduler, a getter asleep with an item waiting is told apart exactly:
// see asleep.go).
func (ex *exec) checkWoken(res []getResult, items []int, how string) {
	n := len(items)
	asleep, got := 0, 0
	for _, r := range res {
		switch {
		case r.err == nil && !slices.Contains(items, r.v):
			ex.probeFail(harness.Conservation, "wake-up probe: a getter got %d from the drained queue, not one of the probe's items %v", r.v, items)
			return
		case r.err == nil:
			got++
		case r.stuck:
			asleep++
		}
	}
	for range got {
		_ = ex.q.TaskDone()
	}
	if asleep > 0 {
		ex.probeFail(harness.Liveness, "lost wake-up: %d getters were blocked on the empty queue and %d items were put %s; %d getter(s) stayed asleep (parked, at two looks %v apart, with nothing else of the probe able to run; Len() = %d)",
			n, n, how, asleep, ex.opts.ProbeWait, ex.q.Len())
		return
	}
	if got < n {
		ex.probeFail(harness.Liveness, "wake-up probe: %d getters woken by %d puts (%s) got only %d items (results: %v)", n, n, how, got, res)
	}
}

// probeShutdown blocks Probers getters on the empty queue, shuts it down
// (not immediate) and checks that every getter woke with ErrShutDown. It
// reports whether the queue is now shut down (false: Shutdown is
// unsupported or failed). A queue without Get is shut down with no getter
// blocked.
func (ex *exec) probeShutdown(ctx context.Context) (shut bool) {
	n := max(ex.opts.Probers, 0)
	if n > 0 && !ex.has(ctx, models.Get) {
		ex.notProbed("shutdown: no getter blocked on the empty queue (Get is unsupported)")
		n = 0
	}
	ex.setStage(fmt.Sprintf("probing shutdown (%d getters blocked on the empty queue, then Shutdown(false))", n))
	var shutErr error
	res, _ := ex.blockedGets(ctx, n, func(context.Context, func(func(context.Context))) bool {
		shutErr = ex.q.Shutdown(false)
		return errors.Is(shutErr, errors.ErrUnsupported)
	})
	if errors.Is(shutErr, errors.ErrUnsupported) {
		ex.notProbed("shutdown: Shutdown is unsupported")
		return false
	}
	if shutErr != nil {
		ex.probeFail(harness.Contract, "Shutdown(false) returned %v", shutErr)
		return false
	}
	asleep := 0
	for _, r := range res {
		switch {
		case r.err == nil:
			ex.probeFail(harness.Conservation, "shutdown probe: a getter got %d from the drained queue", r.v)
			return true
		case r.stuck:
			asleep++
		case !errors.Is(r.err, queue.ErrShutDown):
			ex.probeFail(harness.Shutdown, "shutdown probe: a getter blocked on the empty queue returned %v after Shutdown(false), want ErrShutDown", r.err)
			return true
		}
	}
	if asleep > 0 {
		ex.probeFail(harness.Liveness, "Shutdown(false) left %d of %d getters blocked on the empty queue asleep (parked, at two looks %v apart); they must wake with ErrShutDown",
			asleep, n, ex.opts.ProbeWait)
	}
	return true
}

// probeAfterShutdown checks that the shut-down, empty queue answers every
// put and get with ErrShutDown, and that its length is 0.
func (ex *exec) probeAfterShutdown() {
	ex.setStage("probing the shut-down queue")
	done, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"TryGet", func() error { _, err := ex.q.TryGet(); return err }},
		{"Get", func() error { _, err := ex.q.Get(done); return err }},
		{"TryPut", func() error { return ex.q.TryPut(-1000) }},
		{"Put", func() error { return ex.q.Put(done, -1001) }},
	}
	for _, c := range calls {
		err := c.call()
		if errors.Is(err, errors.ErrUnsupported) || errors.Is(err, queue.ErrShutDown) || ex.spuriousOK(c.name, err) {
			continue
		}
		ex.probeFail(harness.Shutdown, "%s on a shut-down, empty queue returned %v, want ErrShutDown", c.name, err)
		return
	}
	if n := ex.q.Len(); n > 0 {
		ex.probeFail(harness.Shutdown, "Len() of a shut-down queue that answered every get with ErrShutDown is %d, want 0", n)
	}
}
