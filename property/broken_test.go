package property

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/testseed"
	"github.com/pcqkit/pcq/models"
)

// wantInFailure is what the failure of each broken queue must mention.
var wantInFailure = map[string][]string{
	"ring-grow-reorder":           {"commands", "the model says ok"},
	"get-twice":                   {"sentinels", "item"},
	"lost-wakeup":                 {"sentinels", "hang"},
	"canceled-put-enqueues":       {"commands", "put", "→ canceled"},
	"join-early":                  {"commands", "join", "must block"},
	"shutdown-getter-asleep":      {"shutdown", "hang", "consumer"},
	"immediate-shutdown-count":    {"commands"},
	"tryput-full-before-shutdown": {"commands", "returned full, the model says shutdown"},
	"tryget-empty-after-shutdown": {"commands", "returned empty, the model says shutdown"},
	"taskdone-unchecked":          {"commands", "task_done", "returned ok, the model says error"},
}

// TestRunFindsSequentialBugs runs Run with its default options on the
// broken queues that the command sequences must catch.
func TestRunFindsSequentialBugs(t *testing.T) { runFinds(t, true) }

// TestRunFindsProtocolBugs runs Run with its default options on the broken
// queues that the protocol workloads must catch.
func TestRunFindsProtocolBugs(t *testing.T) { runFinds(t, false) }

// runFinds checks that Run fails on each broken queue that the property
// harness must catch, for its bug: the failure mentions what is expected.
// The search is catch's, within catchBudget.
func runFinds(t *testing.T, sequential bool) {
	for _, b := range broken.All() {
		want, ok := wantInFailure[b.Name]
		if !b.CaughtBy(harness.Property) || ok && (want[0] == "commands") != sequential {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			if !ok {
				t.Fatalf("no expectation for %s", b.Name)
			}
			seed := int64(testseed.Get(t))
			err := mustCatch(t, broken.OrderBug{Bug: b, Kind: models.FIFO}, seed)
			for _, w := range want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("seed %d: the failure does not mention %q:\n%v", seed, w, err)
				}
			}
		})
	}
}
