package atomic

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/stress/sched/internal/apicheck"
)

// TestAPIMirrorsSyncAtomic: every exported identifier, method and field of
// sync/atomic exists here with the identical signature, and nothing else.
func TestAPIMirrorsSyncAtomic(t *testing.T) {
	diffs, err := apicheck.Compare("sync/atomic", "github.com/pcqkit/pcq/stress/sched/atomic")
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Fatalf("the mirror of sync/atomic differs:\n%s", strings.Join(diffs, "\n"))
	}
}
