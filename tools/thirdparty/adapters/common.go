package adapters

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"time"
)

// noTasks supplies the methods that no adapted library has: task accounting
// and, unless an adapter overrides it, shutdown.
type noTasks struct{}

// TaskDone is unsupported: the library has no task accounting.
func (noTasks) TaskDone() error { return errors.ErrUnsupported }

// Join is unsupported: the library has no task accounting.
func (noTasks) Join(context.Context) error { return errors.ErrUnsupported }

// Shutdown is unsupported unless the adapter says otherwise.
func (noTasks) Shutdown(bool) error { return errors.ErrUnsupported }

// backoff paces a polling loop: a few yields first, then sleeps that double
// from a microsecond up to a millisecond.
type backoff struct{ n int }

const (
	yieldRounds = 16
	minSleep    = time.Microsecond
	maxSleep    = time.Millisecond
)

// wait pauses before the next try; it returns ctx.Err() as soon as the
// context ends.
func (b *backoff) wait(ctx context.Context) error {
	b.n++
	if b.n <= yieldRounds {
		runtime.Gosched()
		return ctx.Err()
	}
	d := minSleep << min(b.n-yieldRounds, 10)
	t := time.NewTimer(min(d, maxSleep))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// poll calls try until it returns an error other than again, or the
// context ends. The first try happens even if ctx is already done, so that
// a call that can succeed at once does (pcq's contract). A try that
// returned again must have had no effect, which is what makes giving up
// with ctx.Err() correct.
func poll[T any](ctx context.Context, again error, try func() (T, error)) (T, error) {
	var b backoff
	for {
		v, err := try()
		if !errors.Is(err, again) {
			return v, err
		}
		if err := b.wait(ctx); err != nil {
			var zero T
			return zero, err
		}
	}
}

// pollErr is poll for calls that return only an error.
func pollErr(ctx context.Context, again error, try func() error) error {
	_, err := poll(ctx, again, func() (struct{}, error) { return struct{}{}, try() })
	return err
}

// cannotCancel reports whether ctx can never end, in which case an adapter
// may use the library's own uncancellable blocking call.
func cannotCancel(ctx context.Context) bool { return ctx.Done() == nil }

// wrap prefixes a library error that has no pcq counterpart.
func wrap(name string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("adapters: %s: %w", name, err)
}

// asInt converts a value that a library handed back as interface{}; a value
// that is not an int is a library fault and is reported as an error, not a
// panic.
func asInt(name string, v any) (int, error) {
	i, ok := v.(int)
	if !ok {
		return 0, fmt.Errorf("adapters: %s: got %v (%T), not an int", name, v, v)
	}
	return i, nil
}

// clampLen converts a library's unsigned length. A value that does not fit
// an int (an unsigned subtraction that wrapped) becomes math.MaxInt, a
// wrong length that a checker sees, rather than a negative "unknown" that
// would hide it.
func clampLen(u uint64) int {
	if u > math.MaxInt {
		return math.MaxInt
	}
	return int(u)
}

func itoa(i int) string { return strconv.Itoa(i) }
