package property

import (
	"errors"
	"slices"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

func (c *config) relaxed(r linearizability.Relaxation) bool { return slices.Contains(c.Relaxations, r) }

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
