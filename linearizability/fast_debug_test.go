package linearizability

import "testing"

// temporary: diagnose witness failures
func TestFastDebugWitness(t *testing.T) {
	h := fastDebugHist
	if h == nil {
		t.Skip()
	}
	fh, _ := fastPrepare(*h)
	order := fh.witnessOrder()
	t.Logf("vals %d order %d empties %d fulls %d", len(fh.vals), len(order), len(fh.empties), len(fh.fulls))
	for _, late := range []bool{true, false} {
		p, g, ok := fh.points(order, late)
		if !ok {
			t.Logf("late=%v points failed", late)
			continue
		}
		seq := fh.merge(order, p, g)
		extra, ok := fh.place(seq)
		if !ok {
			t.Logf("late=%v place failed", late)
			continue
		}
		t.Logf("late=%v replay %v", late, fh.replay(seq, extra))
	}
}

var fastDebugHist *History
