package goroutines

import (
	"os"
	"testing"
	"time"
)

func TestRunningReadsTheState(t *testing.T) {
	for stack, want := range map[string]bool{
		"goroutine 7 [running]:\nf()":                                         true,
		"goroutine 7 [runnable (scan)]:\nf()":                                 true,
		"goroutine 7 [runnable labels:{\"k\":\"v\"}]:\nf()":                   true,
		"goroutine 7 [semacquire, 3 minutes]:\nf()":                           true, // the runtime's own
		"goroutine 7 [GC assist wait]:\nf()":                                  true,
		"goroutine 7 [semacquire]:\ninternal/poll.runtime_Semacquire(0x0?)\n": false,
		"goroutine 7 [semacquire]:\nsync.runtime_Semacquire(0xc000012345)\n":  false,
		"goroutine 7 [chan receive]:\nf()":                                    false,
		"goroutine 7 [chan receive (nil chan)]:\nf()":                         false,
		"goroutine 7 [sync.Mutex.Lock, 2 minutes, locked to thread]:\nf()":    false,
		"goroutine 7 [select (no cases)]:\nf()":                               false,
		"goroutine 7 [sync.WaitGroup.Wait (durable)]:\nf()":                   false,
		"goroutine 7 [chan receive labels:{\"k\":\"v\"}]:\nf()":               false,
		"no header": false,
	} {
		if got := Running(stack); got != want {
			t.Errorf("Running(%q) = %v, want %v", stack, got, want)
		}
	}
}

// TestRunningSeesAFileLock: a second reader of a pipe waits for the first
// in "semacquire", on the file's lock, for good if nothing is written:
// blocked, not a wait on the runtime.
func TestRunningSeesAFileLock(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{}, 2)
	read := func() { r.Read(make([]byte, 1)); done <- struct{}{} }
	ids := []int64{started(read), started(read)}
	defer func() { w.Close(); <-done; <-done; r.Close() }()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
		dump, all := Blocked(ids)
		if all {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("two readers of an empty pipe never both looked blocked:\n%s", dump)
		}
	}
}
