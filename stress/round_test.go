package stress

import (
	"reflect"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// testConfig is the config of opts, for a locked queue.
func testConfig(t *testing.T, opts ...harness.Option) *config {
	t.Helper()
	c, _, err := newConfig(func(c int) queue.Queue[int] { return queue.NewLocked[int](c) }, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPlanReplays(t *testing.T) {
	caps := []int{1, 4, 0}
	a := testConfig(t, harness.WithSeed(42))
	b := testConfig(t, harness.WithSeed(42))
	other := testConfig(t, harness.WithSeed(43))
	for i := range 12 {
		ra, rb := a.plan(i, caps), b.plan(i, caps)
		if !reflect.DeepEqual(ra.scenario, rb.scenario) || ra.procs != rb.procs || ra.capacity != rb.capacity || ra.mix.name != rb.mix.name {
			t.Fatalf("round %d: the same seed planned two different rounds", i)
		}
		if reflect.DeepEqual(ra.scenario, other.plan(i, caps).scenario) {
			t.Fatalf("round %d: seeds 42 and 43 planned the same scenario", i)
		}
		if ra.mix.parallel && ra.procs < 2 {
			t.Fatalf("round %d: %s round with GOMAXPROCS %d", i, ra.mix.name, ra.procs)
		}
	}
}

func TestPlanCovers(t *testing.T) {
	caps := []int{1, 4, 0}
	c := testConfig(t, harness.WithSeed(1), harness.WithModel(models.LIFO))
	seen := map[string]bool{}
	for i := range 12 {
		r := c.plan(i, caps)
		seen[r.mix.name+"/"+harness.CapacityName(r.capacity)] = true
		if ops := r.scenario.Ops(); ops > stackOps+1 {
			t.Fatalf("round %d: %d operations for porcupine (LIFO), more than %d", i, ops, stackOps)
		}
	}
	if len(seen) != len(mixes)*len(caps) {
		t.Fatalf("12 rounds ran %d of the %d mix and capacity pairs: %v", len(seen), len(mixes)*len(caps), seen)
	}
}
