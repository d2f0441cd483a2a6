package property

import (
	"context"
	"errors"
	"time"

	"github.com/pcqkit/pcq/queue"
)

// client makes the blocking calls of the protocols, polling the try calls
// when the queue does not support the blocking ones.
type client struct {
	q queue.Queue[int]
	s support
}

const pollEvery = 20 * time.Microsecond

func (c client) put(ctx context.Context, v int) error {
	if c.s.has(callPut) {
		return c.q.Put(ctx, v)
	}
	for {
		err := c.q.TryPut(v)
		if !errors.Is(err, queue.ErrFull) {
			return err
		}
		if err := sleep(ctx); err != nil {
			return err
		}
	}
}

func (c client) get(ctx context.Context) (int, error) {
	if c.s.has(callGet) {
		return c.q.Get(ctx)
	}
	for {
		v, err := c.q.TryGet()
		if !errors.Is(err, queue.ErrEmpty) {
			return v, err
		}
		if err := sleep(ctx); err != nil {
			return 0, err
		}
	}
}

func sleep(ctx context.Context) error {
	t := time.NewTimer(pollEvery)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
