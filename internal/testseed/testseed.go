// Package testseed gives randomised tests their seed: from the
// environment variable PCQ_TEST_SEED when it is set (to re-run a
// failure), else from the clock; a test that fails says which seed it ran
// and how to run it again.
package testseed

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// Env is the environment variable that fixes the seed of every test that
// takes it from [Get].
const Env = "PCQ_TEST_SEED"

// Get returns the seed of test t: $PCQ_TEST_SEED when set, else one from
// the clock. When t fails, it logs the seed and the command that re-runs
// t with it. A malformed $PCQ_TEST_SEED fails t at once.
func Get(t testing.TB) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(Env); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("testseed: %s=%q is not a seed (an unsigned decimal integer): %v", Env, s, err)
		}
		seed = v
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(Rerun(t.Name(), seed))
		}
	})
	return seed
}

// Rerun returns the sentence that says how to run the test named name
// again with seed.
func Rerun(name string, seed uint64) string {
	return fmt.Sprintf("seed %d: re-run it with %s=%d go test -run '^%s$'", seed, Env, seed, regexp.QuoteMeta(name))
}
