package catchrate

import (
	"runtime"
	"testing"
)

// TestAtLeastTwoPs: raised from 1 to 2 and restored; left alone at 3.
func TestAtLeastTwoPs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	restore := AtLeastTwoPs()
	if got := runtime.GOMAXPROCS(0); got != 2 {
		t.Errorf("from 1: GOMAXPROCS %d, want 2", got)
	}
	restore()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("restored: GOMAXPROCS %d, want 1", got)
	}
	runtime.GOMAXPROCS(3)
	AtLeastTwoPs()()
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Errorf("from 3: GOMAXPROCS %d, want 3", got)
	}
}
