package verdicts

import (
	"errors"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/catchrate"
	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

// fifoRaceRounds bounds the stress rounds that must catch
// goconcurrentqueue-fifo's race (finding 3: a stale waiter's listener
// hands an item past an older one). A catch stops at its round, so only a
// miss runs them all. The budget is in rounds, not time: a round's
// operations and kind do not depend on the machine's load, and
// TestVerdicts' 1.5 s of wall clock once passed the queue beside a flake
// gate (load 4).
//
// Measured (PCQ_MEASURE_FIFO=100 go test -race -run TestMeasureFifoCatch
// ./verdicts, seeds 1 to 100; stress sets each round's GOMAXPROCS
// itself): at load 2, 0 misses, the most rounds a catch needed 32; at
// nice 10 beside three flake gates (load 12), 0 misses, median 7, most
// 31. 3,200 rounds are 100 times the most. Without -race rounds are
// faster; the rate was not measured there. A round takes 0.15 s under
// -race at load 2, several times that under load: a miss (less likely
// than 1 in 10^40 if rounds are independent) ends in this test's own
// failure or in the package's test timeout, and the seed is written to
// standard error before that (catchrate.SaySeedBeforeDeadline).
const fifoRaceRounds = 3200

// TestStressCatchesFifoRace: stress catches goconcurrentqueue-fifo's race
// within fifoRaceRounds, with a linearizability or order failure.
func TestStressCatchesFifoRace(t *testing.T) {
	if testing.Short() {
		t.Skip("runs stress until it catches a race")
	}
	seed := time.Now().UnixNano()
	defer catchrate.SaySeedBeforeDeadline(t, seed)()
	rounds, err := fifoCatch(t, seed, fifoRaceRounds)
	f, ok := fifoRaceCaught(err)
	switch {
	case ok:
		t.Logf("seed %d: caught by %s in round %d", seed, f.Check, f.Round)
	case err == nil:
		t.Fatalf("seed %d: stress passed %d rounds of goconcurrentqueue-fifo", seed, rounds)
	default:
		t.Fatalf("seed %d: stress failed for a reason that is not the race: %v", seed, err)
	}
}

// fifoCatch runs stress on goconcurrentqueue-fifo with seed for at most
// rounds rounds, and returns the rounds it ran and its error.
func fifoCatch(t *testing.T, seed int64, rounds int) (int, error) {
	t.Helper()
	lib, ok := adapters.Lookup("goconcurrentqueue-fifo")
	if !ok {
		t.Fatal("no library goconcurrentqueue-fifo")
	}
	caps := Config{Race: raceEnabled}.capacities(lib)
	res, err := stress.Run(lib.New, stressOptions(lib, caps, seed, t.TempDir(), harness.WithRounds(rounds))...)
	return res.Rounds, err
}

// fifoRaceCaught returns the failure err holds if it is the race's: a
// linearizability or order failure.
func fifoRaceCaught(err error) (*stress.Failure, bool) {
	var f *stress.Failure
	ok := errors.As(err, &f) && (f.Check == harness.Linearizability || f.Check == harness.Order)
	return f, ok
}

// TestMeasureFifoCatch measures what TestStressCatchesFifoRace relies on:
// PCQ_MEASURE_FIFO=n runs its catch with seeds 1 to n and logs the misses
// and the most rounds a catch needed. Skipped otherwise; run it under
// -race, as the catch runs.
func TestMeasureFifoCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_FIFO")
	var trials catchrate.Trials
	for seed := range int64(n) {
		_, err := fifoCatch(t, seed+1, fifoRaceRounds)
		if f, ok := fifoRaceCaught(err); ok {
			trials.Caught(f.Round + 1)
		} else {
			trials.Missed()
		}
	}
	t.Logf("goconcurrentqueue-fifo, in rounds: %s", trials.ReportRuns(fifoRaceRounds))
}
