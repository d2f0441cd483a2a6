package property

import (
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/impls"
)

// Check must pass on every correct implementation, with its model and the
// default options (bounded-only queues skip unbounded on their own).

func TestCheckControl(t *testing.T) { Check(t, broken.NewCorrect) }

// TestCheckImpls checks every implementation of the kit.
func TestCheckImpls(t *testing.T) {
	for _, m := range impls.All() {
		t.Run(m.Name, func(t *testing.T) { Check(t, m.New, harness.WithModel(m.Model)) })
	}
}
