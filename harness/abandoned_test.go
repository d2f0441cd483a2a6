package harness

import (
	"errors"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/goroutines"
)

func TestNoVerdictWhileAbandonedRun(t *testing.T) {
	before := Epoch()
	hang, liveness, order := failure{Watchdog}, failure{Liveness}, failure{Order}
	if err := NoVerdict(Stress, Epoch(), hang); err != error(hang) {
		t.Fatalf("nothing abandoned, yet %v", err)
	}
	stop := make(chan struct{})
	ids := make(chan int64)
	for range 3 {
		go func() { ids <- goroutines.ID(); <-stop }()
	}
	Abandon(Property, "*q.spinner", []int64{<-ids, <-ids, <-ids})
	if err := NoVerdict(Stress, before, hang); err != error(hang) {
		t.Fatalf("a harness's own abandonment made its failure no verdict: %v", err)
	}
	after := Epoch()
	for _, f := range []failure{hang, liveness} {
		err := NoVerdict(Fuzz, after, f)
		var nv *NoVerdictError
		if !errors.As(err, &nv) || errors.Is(err, ErrFailed) || !errors.Is(err, ErrNoVerdict) {
			t.Fatalf("%v while 3 goroutines are abandoned: %v (want a NoVerdictError, not ErrFailed)", f, err)
		}
		want := "fuzz: not a verdict: 3 goroutines abandoned by an earlier failure (of *q.spinner, harness property) are still running; starvation could explain what was seen: " + f.Error()
		if err.Error() != want {
			t.Fatalf("got  %q\nwant %q", err, want)
		}
	}
	if err := NoVerdict(Fuzz, after, order); err != error(order) {
		t.Fatalf("an order failure, which no starvation explains, became %v", err)
	}
	close(stop)
	for start := time.Now(); ; time.Sleep(time.Millisecond) {
		if _, _, ok := StillRunning(after); !ok {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("the abandoned goroutines are still counted 10s after they were told to end")
		}
	}
	if err := NoVerdict(Fuzz, after, hang); err != error(hang) {
		t.Fatalf("the abandoned goroutines have ended, yet %v", err)
	}
	abandoned.Lock()
	defer abandoned.Unlock()
	for _, a := range abandoned.list {
		if a.Queue == "*q.spinner" {
			t.Fatal("an abandonment whose goroutines ended is remembered")
		}
	}
}
