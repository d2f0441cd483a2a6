package scenario

import (
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// collect fills o with what the finished execution recorded.
func (ex *exec) collect(o *Outcome) {
	o.History = ex.rec.History(ex.opts.Kind, ex.s.Capacity)
	o.Relaxations = ex.opts.Relaxations
	o.Unsupported = ex.rec.Unsupported()
	o.NotProbed = ex.probe.notProbed
	ex.stats(o)
}

// check runs the checks on o's history in order, cheap ones first; it
// stops at the first that fails.
func (ex *exec) check(o *Outcome) {
	h := o.History
	if errs := ex.rec.Errors(); len(errs) > 0 {
		o.fail(harness.Contract, "%v (%d such errors)", errs[0], len(errs))
		return
	}
	if f := conserve(h, ex.opts.relaxed(linearizability.Lossy)); f != nil {
		o.fail(f.check, "%s", f.msg)
		// The culprits, drawn: the artifacts' visualisation shows them.
		o.Report = linearizability.Report{Verdict: linearizability.Violation, Checker: "conservation",
			Operations: len(h.Operations), Explanation: f.msg, Culprits: f.culprits}
		return
	}
	for _, c := range ex.clients {
		if c.anomaly != "" && !ex.opts.relaxed(linearizability.Lossy) {
			o.fail(harness.Tasks, "%s", c.anomaly)
			return
		}
	}
	if ex.probe.check != "" {
		o.fail(ex.probe.check, "%s", ex.probe.msg)
		return
	}
	if err := history.Validate(h); err != nil {
		o.fail(harness.Recording, "%v", err)
		return
	}
	o.Report = linearizability.Check(h, linearizability.WithChecker(ex.opts.Checker),
		linearizability.WithTimeout(ex.opts.CheckTimeout), linearizability.WithSteps(ex.opts.CheckSteps),
		linearizability.WithRelaxations(ex.opts.Relaxations...))
	o.checked = true
	o.Drops = o.Report.Drops
	switch o.Report.Verdict {
	case linearizability.Violation:
		o.fail(harness.Linearizability, "%s", o.Report.Explanation)
	case linearizability.Unknown:
		o.fail(harness.Undecided, "the checker could not decide (%d operations): %s [%s]",
			len(h.Operations), o.Report.Explanation, o.Report.Note)
	}
}

// stats counts what the history shows.
func (ex *exec) stats(o *Outcome) {
	s := &o.Stats
	s.Ops = len(o.History.Operations)
	for _, op := range o.History.Operations {
		ok := op.Output.Result == models.OK
		switch op.Input.Op {
		case models.Put, models.TryPut:
			s.PutsOK += b2i(ok)
		case models.Get, models.TryGet:
			s.GetsOK += b2i(ok)
			s.Drained += b2i(ok && op.Client >= ex.drainers[0].ID() && op.Client <= ex.drainers[len(ex.drainers)-1].ID())
		}
		s.Canceled += b2i(op.Output.Result == models.Canceled)
	}
	s.Discarded = max(s.PutsOK-s.GetsOK, 0)
	for _, c := range ex.clients {
		s.Skipped += c.skipped
	}
}
