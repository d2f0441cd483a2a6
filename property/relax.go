package property

import (
	"errors"
	"slices"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// WithRelaxations holds the queue to the named relaxations of the strict
// model instead of the strict model (the default):
//
//   - linearizability.SpuriousTryFailures: in the command sequences, a
//     try_put answering full or a try_get answering empty where the model
//     predicts success is accepted, with no effect on the model state; the
//     protocols accept them at the end too (they poll the try calls).
//   - linearizability.Lossy: the model cannot predict drops, so the
//     command sequences are not run (logged "commands not run: Lossy");
//     nor is the sentinels protocol (a dropped sentinel leaves a consumer
//     waiting forever). The shutdown protocols run with exactly-once
//     relaxed to at-most-once (no item processed twice or from nowhere,
//     but items may be lost), and without their join and task_done checks.
func WithRelaxations(rs ...linearizability.Relaxation) Option {
	return func(c *config) { c.relax = append(c.relax, rs...) }
}

func (c *config) relaxed(r linearizability.Relaxation) bool { return slices.Contains(c.relax, r) }

// spuriousTry reports whether a call's answer is a try-failure that
// SpuriousTryFailures allows at any time: try_put full, try_get empty.
func (c *config) spuriousTry(in models.Input, out models.Output) bool {
	return c.relaxed(linearizability.SpuriousTryFailures) &&
		(in.Op == models.TryPut && out.Result == models.Full || in.Op == models.TryGet && out.Result == models.Empty)
}

// spuriousErr reports whether err, from a try call, is a try-failure that
// SpuriousTryFailures allows at any time.
func (c *config) spuriousErr(err error) bool {
	return c.relaxed(linearizability.SpuriousTryFailures) &&
		(errors.Is(err, queue.ErrFull) || errors.Is(err, queue.ErrEmpty))
}
