package stress

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/linearizability"
)

// WithRelaxations holds the queue to the named relaxations of the strict
// model (linearizability.SpuriousTryFailures, linearizability.Lossy)
// instead of the strict model: each round's history is checked under them,
// and the cheap checks and probes that assume what they relax are relaxed
// or skipped (see scenario.Options.Relaxations; what was skipped is in
// Result.Skipped). The log, Result and every Failure name them. The
// default is the strict model.
func WithRelaxations(rs ...linearizability.Relaxation) Option {
	return func(c *config) { c.relax = append(c.relax, rs...) }
}

// relaxText is "" for the strict model, else " under relaxations
// spurious-try-failures, lossy".
func relaxText(rs []linearizability.Relaxation) string {
	if len(rs) == 0 {
		return ""
	}
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.String()
	}
	return " under relaxations " + strings.Join(names, ", ")
}

// relaxOptions is the Go text of the options that select rs, for a replay
// line: ", stress.WithRelaxations(linearizability.Lossy)".
func relaxOptions(rs []linearizability.Relaxation) string {
	if len(rs) == 0 {
		return ""
	}
	names := make([]string, len(rs))
	for i, r := range rs {
		switch r {
		case linearizability.SpuriousTryFailures:
			names[i] = "linearizability.SpuriousTryFailures"
		case linearizability.Lossy:
			names[i] = "linearizability.Lossy"
		default:
			names[i] = fmt.Sprintf("linearizability.Relaxation(%d)", r)
		}
	}
	return ", stress.WithRelaxations(" + strings.Join(names, ", ") + ")"
}
