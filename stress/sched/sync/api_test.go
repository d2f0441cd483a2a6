package sync

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/stress/sched/internal/apicheck"
)

// TestAPIMirrorsSync: every exported identifier, method and field of sync
// exists here with the identical signature, and nothing else.
func TestAPIMirrorsSync(t *testing.T) {
	diffs, err := apicheck.Compare("sync", "github.com/pcqkit/pcq/stress/sched/sync")
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Fatalf("the mirror of sync differs:\n%s", strings.Join(diffs, "\n"))
	}
}
