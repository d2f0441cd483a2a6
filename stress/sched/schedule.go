package sched

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A Schedule is what a run decided: the goroutine let run at each choice,
// and a fingerprint of every step (which goroutine ran from which kind of
// point) that tells whether a replay took the same path.
type Schedule struct {
	Decisions   []int
	Fingerprint uint32
}

// scheduleVersion starts every schedule string.
const scheduleVersion = "s1"

// String encodes s as "s1:FINGERPRINT:DECISIONS", the decisions run-length
// encoded: "0*3.1.2*2" is 0 0 0 1 2 2.
func (s Schedule) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%08x:", scheduleVersion, s.Fingerprint)
	for i := 0; i < len(s.Decisions); {
		j := i
		for j < len(s.Decisions) && s.Decisions[j] == s.Decisions[i] {
			j++
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(s.Decisions[i]))
		if j-i > 1 {
			fmt.Fprintf(&b, "*%d", j-i)
		}
		i = j
	}
	return b.String()
}

// ParseSchedule decodes a string made by [Schedule.String].
func ParseSchedule(text string) (Schedule, error) {
	parts := strings.Split(strings.TrimSpace(text), ":")
	if len(parts) != 3 || parts[0] != scheduleVersion {
		return Schedule{}, fmt.Errorf("sched: %q is not a schedule (want %s:FINGERPRINT:DECISIONS)", text, scheduleVersion)
	}
	print, err := strconv.ParseUint(parts[1], 16, 32)
	if err != nil {
		return Schedule{}, fmt.Errorf("sched: schedule %q: bad fingerprint %q", text, parts[1])
	}
	s := Schedule{Fingerprint: uint32(print)}
	if parts[2] == "" {
		return s, nil
	}
	for _, run := range strings.Split(parts[2], ".") {
		id, count, err := parseRun(run)
		if err != nil {
			return Schedule{}, fmt.Errorf("sched: schedule %q: %v", text, err)
		}
		for range count {
			s.Decisions = append(s.Decisions, id)
		}
	}
	return s, nil
}

// parseRun decodes "ID" or "ID*COUNT".
func parseRun(run string) (id, count int, err error) {
	idText, countText, repeated := strings.Cut(run, "*")
	id, err = strconv.Atoi(idText)
	if err != nil || id < 0 {
		return 0, 0, fmt.Errorf("bad goroutine %q", idText)
	}
	count = 1
	if repeated {
		count, err = strconv.Atoi(countText)
		if err != nil || count < 1 || count > 1<<24 {
			return 0, 0, fmt.Errorf("bad repeat count %q", countText)
		}
	}
	return id, count, nil
}

// ErrMismatch says that a schedule does not fit the code it is replayed
// on: the code (or the scenario) changed since the schedule was recorded.
var ErrMismatch = errors.New("sched: the schedule does not fit this code")

// ErrNondeterministic says that the same decisions led to different
// runnable goroutines: something outside the scheduler's control (a real
// lock, a timer, a goroutine it does not manage) decided the outcome.
var ErrNondeterministic = errors.New("sched: the run is not deterministic")

// Replay returns the strategy that makes the decisions of s in order. A run
// that asks for a goroutine that cannot run, asks for more decisions than s
// has, or leaves some unused ends with an error wrapping [ErrMismatch].
func Replay(s Schedule) Strategy { return &replayStrategy{s: s} }

type replayStrategy struct {
	s   Schedule
	i   int
	err error
}

func (r *replayStrategy) Next(c *Choice) int {
	i := r.i
	r.i++
	if i >= len(r.s.Decisions) {
		r.fail(fmt.Errorf("%w: the run needs more than the %d decisions recorded", ErrMismatch, len(r.s.Decisions)))
		return c.Default()
	}
	id := r.s.Decisions[i]
	for _, e := range c.Enabled {
		if e == id {
			return id
		}
	}
	r.fail(fmt.Errorf("%w: decision %d (step %d) names goroutine %d, but the runnable goroutines are %v", ErrMismatch, i, c.Step, id, c.Enabled))
	return c.Default()
}

func (r *replayStrategy) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Err reports how the replay failed to fit, once the run is over.
func (r *replayStrategy) Err() error { return r.err }

// finish checks that the run used every decision and took the recorded
// path.
func (r *replayStrategy) finish(res *Result) {
	switch {
	case r.err != nil:
	case r.i < len(r.s.Decisions):
		r.fail(fmt.Errorf("%w: the run ended after %d of the %d decisions recorded", ErrMismatch, r.i, len(r.s.Decisions)))
	case res.Schedule.Fingerprint != r.s.Fingerprint:
		r.fail(fmt.Errorf("%w: the same decisions took another path (fingerprint %08x, recorded %08x)", ErrMismatch, res.Schedule.Fingerprint, r.s.Fingerprint))
	}
}

// Bytes returns the strategy that takes its decisions from data, one byte
// a choice (the byte modulo the number of alternatives), and preempts nobody
// once data is used up: the form in which a fuzzer searches schedules.
func Bytes(data []byte) Strategy { return &bytesStrategy{data: data} }

type bytesStrategy struct{ data []byte }

func (b *bytesStrategy) Next(c *Choice) int {
	if len(b.data) == 0 {
		return c.Default()
	}
	alts := c.Alternatives()
	id := alts[int(b.data[0])%len(alts)]
	b.data = b.data[1:]
	return id
}
