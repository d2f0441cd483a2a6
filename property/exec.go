package property

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// deadlinePast is the deadline of a context that has already ended.
var deadlinePast = time.Unix(0, 0)

// resultOf maps an error returned by a queue to a model result; an error
// that no result covers is returned as the second value.
func resultOf(err error) (models.Result, error) {
	switch {
	case err == nil:
		return models.OK, nil
	case errors.Is(err, queue.ErrFull):
		return models.Full, nil
	case errors.Is(err, queue.ErrEmpty):
		return models.Empty, nil
	case errors.Is(err, queue.ErrShutDown):
		return models.Closed, nil
	case errors.Is(err, queue.ErrTaskDone):
		return models.Error, nil
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return models.Canceled, nil
	}
	return models.Unknown, err
}

// call is one operation to run on the real queue.
type call struct {
	in      models.Input
	expired bool // a blocking call gets a context that has already ended
}

func (c call) String() string {
	var s string
	switch c.in.Op {
	case models.Put, models.TryPut:
		s = fmt.Sprintf("%v(%d)", c.in.Op, c.in.Value)
	case models.Shutdown:
		s = callShutdown
		if c.in.Immediate {
			s = callImmediate
		}
	default:
		s = c.in.Op.String()
	}
	if c.expired && blocking(c.in.Op) {
		s += "[ctx expired]"
	}
	return s
}

func blocking(op models.Op) bool { return op == models.Put || op == models.Get || op == models.Join }

// context returns the context for the call: short when the model says it
// must block, long (a watchdog) when it must not.
func (c call) context(cfg *config, blocks bool) (context.Context, context.CancelFunc) {
	switch {
	case c.expired:
		return context.WithDeadline(context.Background(), deadlinePast)
	case blocks:
		return context.WithTimeout(context.Background(), cfg.BlockWait)
	}
	return context.WithTimeout(context.Background(), cfg.proceed)
}

// ctxLength says how long the context of c lasted.
func ctxLength(c call, blocks bool, cfg *config) time.Duration {
	switch {
	case c.expired:
		return 0
	case blocks:
		return cfg.BlockWait
	}
	return cfg.proceed
}

// run calls c on q and returns what it answered: the output, and the error
// it returned (nil for len).
func (c call) run(q queue.Queue[int], ctx context.Context) (out models.Output, err error) {
	var v int
	switch c.in.Op {
	case models.Put:
		err = q.Put(ctx, int(c.in.Value))
	case models.TryPut:
		err = q.TryPut(int(c.in.Value))
	case models.Get:
		v, err = q.Get(ctx)
	case models.TryGet:
		v, err = q.TryGet()
	case models.Len:
		v = q.Len()
	case models.TaskDone:
		err = q.TaskDone()
	case models.Join:
		err = q.Join(ctx)
	case models.Shutdown:
		err = q.Shutdown(c.in.Immediate)
	}
	out.Result, _ = resultOf(err)
	if out.Result == models.OK && (c.in.Op == models.Get || c.in.Op == models.TryGet || c.in.Op == models.Len) {
		out.Value = int64(v)
	}
	return out, err
}

// describe says an output in words: "ok", "ok 7", "empty".
func describe(in models.Input, out models.Output) string {
	if out.Result == models.OK && (in.Op == models.Get || in.Op == models.TryGet || in.Op == models.Len) {
		return fmt.Sprintf("ok %d", out.Value)
	}
	return out.Result.String()
}

// judge compares what the queue answered with what the model predicts and
// returns nil when they agree, else why not.
func judge(c call, out models.Output, err error, want models.Output, blocks bool, cfg *config) error {
	if _, odd := resultOf(err); odd != nil {
		return fmt.Errorf("returned an unexpected error: %v", err)
	}
	if blocks {
		if !errors.Is(err, context.DeadlineExceeded) {
			wait := "its deadline of " + cfg.BlockWait.String()
			if c.expired {
				wait = "its already expired context"
			}
			return fmt.Errorf("returned %s, but the model says it must block: want context.DeadlineExceeded after %s, and no effect", describe(c.in, out), wait)
		}
		return nil
	}
	if out.Result == models.Canceled && c.expired {
		return fmt.Errorf("returned %v, but it could return %s at once: a call that need not wait must succeed even with an ended context (queue.Queue)", err, describe(c.in, want))
	}
	if out.Result == models.Canceled {
		return fmt.Errorf("blocked for %v (returned %v), but the model says it returns %s at once", cfg.proceed, err, describe(c.in, want))
	}
	if out != want {
		return fmt.Errorf("returned %s, the model says %s", describe(c.in, out), describe(c.in, want))
	}
	return nil
}
