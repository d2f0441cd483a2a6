package stress

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/linearizability"
)

// relaxOptions is the Go text of the options that select rs, for a replay
// line: ", harness.WithRelaxations(linearizability.Lossy)".
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
	return ", harness.WithRelaxations(" + strings.Join(names, ", ") + ")"
}
