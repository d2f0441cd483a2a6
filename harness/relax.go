package harness

import (
	"strings"

	"github.com/pcqkit/pcq/linearizability"
)

// UnderRelaxations is how a report names the relaxations a queue was held
// to: "" for the strict model, else " under relaxations
// spurious-try-failures, lossy".
func UnderRelaxations(rs []linearizability.Relaxation) string {
	if len(rs) == 0 {
		return ""
	}
	return " under relaxations " + RelaxationNames(rs, ", ")
}

// RelaxationNames joins the names of rs with sep.
func RelaxationNames(rs []linearizability.Relaxation, sep string) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.String()
	}
	return strings.Join(names, sep)
}
