package scenario

import (
	"errors"
	"slices"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// spuriousRetries is how many times in a row, under SpuriousTryFailures, a
// try-operation that answered full or empty is retried before the answer
// is believed: by the final drain and the task probe.
const spuriousRetries = 64

// relaxed reports whether the run checks under the relaxation r.
func (o Options) relaxed(r linearizability.Relaxation) bool {
	return slices.Contains(o.Relaxations, r)
}

// retryTry runs a try-operation until it succeeds or fails otherwise than
// spuriously; without SpuriousTryFailures it runs once.
func (ex *exec) retryTry(try func() error) error {
	err := try()
	if !ex.opts.relaxed(linearizability.SpuriousTryFailures) {
		return err
	}
	for range spuriousRetries {
		if !errors.Is(err, queue.ErrFull) && !errors.Is(err, queue.ErrEmpty) {
			return err
		}
		sched.Gosched()
		err = try()
	}
	return err
}

// spuriousOK reports whether err is a try-failure that the relaxations
// allow at any time: ErrFull from TryPut or ErrEmpty from TryGet under
// SpuriousTryFailures.
func (ex *exec) spuriousOK(name string, err error) bool {
	if !ex.opts.relaxed(linearizability.SpuriousTryFailures) {
		return false
	}
	return name == "TryPut" && errors.Is(err, queue.ErrFull) || name == "TryGet" && errors.Is(err, queue.ErrEmpty)
}

// skipUnderRelaxations notes, and reports, that a probe assuming the strict
// model cannot run under the run's relaxations: the get burst (no try
// fails, no item lost), the task probe and the wake-up probe (no item lost).
func (ex *exec) skipUnderRelaxations(probe string) bool {
	lossy := ex.opts.relaxed(linearizability.Lossy)
	spurious := ex.opts.relaxed(linearizability.SpuriousTryFailures)
	switch {
	case lossy:
		ex.notProbed("%s: not probed under Lossy (items may be dropped)", probe)
	case spurious && (probe == "get burst" || probe == "put burst"):
		ex.notProbed("%s: not probed under SpuriousTryFailures (try-operations may fail)", probe)
	default:
		return false
	}
	return true
}
