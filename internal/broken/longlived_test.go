package broken

import (
	"testing"

	"github.com/pcqkit/pcq/harness"
)

// TestLongLivedBugsShowTheirSymptom: each long-lived bug shows within
// 240000 operations on one queue of capacity 3 (fill it, empty it, over
// and over), and not within the few hundred a short run makes; the
// correct queue never shows it.
func TestLongLivedBugsShowTheirSymptom(t *testing.T) {
	for _, b := range LongLived() {
		t.Run(b.Name, func(t *testing.T) {
			if b.Description == "" || !b.CaughtBy(harness.Stress) {
				t.Error("missing description, or stress does not catch it")
			}
			if at := firstWrongAnswer(b.New, 40000); at < 0 || at < 1000 {
				t.Errorf("%s: first wrong answer at call %d, want one after the first 1000 calls: %s", b.Name, at, b.Description)
			} else {
				t.Logf("first wrong answer at call %d", at)
			}
			if at := firstWrongAnswer(NewCorrect, 40000); at >= 0 {
				t.Errorf("the correct queue answered wrong at call %d", at)
			}
		})
	}
}

// firstWrongAnswer fills a fresh queue of capacity 3 and empties it,
// cycles times, and returns the number of the first call that answered
// wrong, -1 when none did. (Three puts a cycle: an item sits on each side
// of the 16-bit wrap, as 65536 is not a multiple of 3.)
func firstWrongAnswer(newQueue harness.Factory, cycles int) int {
	q := newQueue(3)
	for i := range cycles {
		for k := range 3 {
			if q.TryPut(3*i+k) != nil {
				return 6*i + k
			}
		}
		for k := range 3 {
			if v, err := q.TryGet(); err != nil || v != 3*i+k {
				return 6*i + 3 + k
			}
		}
	}
	return -1
}
