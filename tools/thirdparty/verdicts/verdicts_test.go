package verdicts

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

func TestCapacities(t *testing.T) {
	want := map[string][]int{
		"chan":                   {1, 3, 4, 8}, // a channel cannot be unbounded: 8
		"workiva-ring":           {1, 4, 8},    // powers of two
		"hedzr-ringbuf-mpmc":     {1, 3, 7},    // one slot kept free in a power of two
		"golang-design-lockfree": {0},          // unbounded only
		"adrianbrad-blocking":    {1, 3, 4, 0},
	}
	for name, w := range want {
		l, ok := adapters.Lookup(name)
		if !ok {
			t.Fatalf("no library %q", name)
		}
		if got := Capacities(l.New); !slices.Equal(got, w) {
			t.Errorf("Capacities(%s) = %v, want %v", name, got, w)
		}
	}
}

// expect is what one harness must say of one library: "pass", "FAIL"
// (any check), "FAIL:check1,check2" (one of those checks), "not run", or
// "" (not asserted: a failure that depends on the interleaving).
type expect struct{ property, stress, fuzz string }

// expected holds what is known of each library: the reference passes
// everything; each bug reproduced deterministically is caught by the
// harness that should catch it.
var expected = map[string]expect{
	// the reference: a failure here is a harness bug
	"chan": {"pass", "pass", "pass"},
	// NewRingBuffer(1) accepts a put on a full ring (finding 1): the
	// sequential commands catch it at capacity 1 (not run under -race:
	// the library races on its slot there, see raceUnsafe)
	// (its fuzz failure is not asserted: at capacity 8 the harness's final
	// drain, TryGet only, cannot empty a queue whose TryGet is unsupported
	// and reports the item left as lost — a harness false positive)
	"workiva-ring": {"FAIL:commands", "FAIL", ""},
	// lossy by design: every harness fails it under the strict model
	"diodes-manytoone": {"FAIL:commands", "FAIL", "FAIL"},
	// a Get with an ended context may return the context's error
	// although an item is queued (the library's select picks at random)
	"goconcurrentqueue-fixed": {"FAIL:commands", "", ""},
	// a stale waiter's listener hands an item past an older one
	// (finding 3): caught by stress, in 32 rounds at most, which take
	// more than verdictConfig's 1.5 s on a loaded machine: asserted by
	// TestStressCatchesFifoRace, with a budget in rounds
	"goconcurrentqueue-fifo": {"pass", "", ""},
	// overwrites (lossy by design); and the newest item first after an
	// overwrite (finding 2), which the Lossy re-check must catch
	"adrianbrad-circular": {"FAIL:commands", "FAIL", "FAIL"},
	// a Treiber stack and a locked heap, checked with the LIFO and
	// priority models: no bug known
	"golang-design-lockfree-stack": {"pass", "pass", "pass"},
	"adrianbrad-priority":          {"pass", "pass", "pass"},
}

// verdictConfig bounds the run: about a minute under -race on 2 cores.
func verdictConfig(t *testing.T) Config {
	return Config{Seed: 1, PropertyRuns: 20, StressDuration: 1500 * time.Millisecond, FuzzInputs: 6,
		Artifacts: t.TempDir(), Race: raceEnabled}
}

func TestVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every harness on every library")
	}
	cfg := verdictConfig(t)
	vs, err := RunAll(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var table bytes.Buffer
	if err := WriteTable(&table, vs); err != nil {
		t.Fatal(err)
	}
	t.Logf("seed %d, race %v:\n%s", cfg.Seed, cfg.Race, table.String())
	for _, v := range vs {
		name := v.Library.Name
		if cfg.Race && v.Library.NotThreadSafe {
			for _, o := range v.Outcomes() {
				assertOutcome(t, name, o, "not run")
			}
			continue
		}
		e := expected[name]
		if _, ok := raceUnsafe[name]; ok && cfg.Race {
			e = expect{} // the capacity that shows the bug is not run
		}
		assertOutcome(t, name, v.Property, e.property)
		assertOutcome(t, name, v.Stress, e.stress)
		assertOutcome(t, name, v.Fuzz, e.fuzz)
	}
	assertLossy(t, vs)
}

// assertOutcome fails t unless o is as want says (see expect).
func assertOutcome(t *testing.T, lib string, o Outcome, want string) {
	t.Helper()
	status, checks, _ := strings.Cut(want, ":")
	switch {
	case want == "":
		return
	case string(o.Status) != status:
		t.Errorf("%s: %s = %s, want %s (seed %d)\n%s", lib, o.Harness, o.Cell(), want, o.Seed, o.Detail)
	case checks != "" && !slices.ContainsFunc(strings.Split(checks, ","), func(c string) bool {
		return strings.HasPrefix(o.Check, c)
	}):
		t.Errorf("%s: %s failed the %q check, want one of %s (seed %d)\n%s", lib, o.Harness, o.Check, checks, o.Seed, o.Detail)
	}
}

// assertLossy checks the Lossy re-checks: the circular queue's reorder is
// a violation even with drops.
func assertLossy(t *testing.T, vs []Verdict) {
	t.Helper()
	for _, v := range vs {
		if v.Library.Name != "adrianbrad-circular" {
			continue
		}
		lv := v.Stress.Lossy
		if lv == nil || !lv.Violation {
			t.Errorf("adrianbrad-circular: the Lossy re-check found no violation (seed %d): %+v", v.Stress.Seed, lv)
		}
	}
}

// TestModelMatters: the stack passes with its LIFO model (TestVerdicts)
// and fails the FIFO one: the harnesses run with the library's Model.
func TestModelMatters(t *testing.T) {
	lib, ok := adapters.Lookup("golang-design-lockfree-stack")
	if !ok {
		t.Fatal("no stack")
	}
	lib.Model = models.FIFO
	cfg := verdictConfig(t)
	if o := runStress(lib, []int{0}, cfg, t.TempDir()); o.Status != Fail {
		t.Fatalf("a stack checked as a FIFO queue: stress %v (%s)", o.Status, o.Work)
	}
	if o := runProperty(lib, []int{0}, cfg); o.Status != Fail {
		t.Fatalf("a stack checked as a FIFO queue: property %v", o.Status)
	}
}
