package catchrate

import (
	"strings"
	"testing"
	"time"
)

// deadlineAt is a test whose deadline is at.
type deadlineAt time.Time

func (d deadlineAt) Deadline() (time.Time, bool) { return time.Time(d), !time.Time(d).IsZero() }

// signalWriter sends what is written to it on a channel.
type signalWriter chan string

func (w signalWriter) Write(p []byte) (int, error) {
	w <- string(p)
	return len(p), nil
}

// TestSayBeforeDeadline (sayBefore, under SaySeedBeforeDeadline): the message comes lead before the deadline; a
// stopped one never comes; without a deadline there is nothing to stop.
func TestSayBeforeDeadline(t *testing.T) {
	const lead = time.Hour
	w := make(signalWriter, 1)
	stop := sayBefore(deadlineAt(time.Now().Add(lead)), w, lead, "seed 42")
	defer stop()
	select {
	case got := <-w:
		if strings.TrimSpace(got) != "seed 42" {
			t.Errorf("said %q, want %q", got, "seed 42")
		}
	case <-time.After(time.Minute):
		t.Fatal("nothing said a minute after the time to say it")
	}

	stop = sayBefore(deadlineAt(time.Now().Add(2*lead)), w, lead, "never")
	if !stop() {
		t.Error("stop an hour before the message: it reports the message gone already")
	}
	if !sayBefore(deadlineAt(time.Time{}), w, lead, "no deadline")() {
		t.Error("without a deadline: stop reports a message gone")
	}
}
