package scenario

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pcqkit/pcq/models"
)

// Text writes s compactly, for a replay command: "c2=put~.try_get,get~.shutdown!"
// is capacity 2 and two clients. A step is its operation's name, "~" when
// it may wait (Wait > 0), "!" for an immediate shutdown; yields are left
// out (the controlled scheduler decides instead). [ParseText] reads it.
func (s Scenario) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "c%d=", s.Capacity)
	for i, c := range s.Clients {
		if i > 0 {
			b.WriteByte(',')
		}
		for j, st := range c {
			if j > 0 {
				b.WriteByte('.')
			}
			b.WriteString(st.Op.String())
			if st.Wait > 0 {
				b.WriteByte('~')
			}
			if st.Op == models.Shutdown && st.Immediate {
				b.WriteByte('!')
			}
		}
	}
	return b.String()
}

// ParseText reads a scenario written by [Scenario.Text]. A step that may
// wait gets Wait = 1ns: under the controlled scheduler any positive wait
// is the same decision.
func ParseText(text string) (Scenario, error) {
	capText, clients, ok := strings.Cut(text, "=")
	capacity, err := strconv.Atoi(strings.TrimPrefix(capText, "c"))
	if !ok || !strings.HasPrefix(capText, "c") || err != nil || capacity < 0 {
		return Scenario{}, fmt.Errorf("scenario: %q: want cCAPACITY=STEPS,STEPS (clients separated by commas)", text)
	}
	s := Scenario{Capacity: capacity}
	for _, c := range strings.Split(clients, ",") {
		var steps []Step
		for _, word := range strings.Split(c, ".") {
			st, err := parseStep(word)
			if err != nil {
				return Scenario{}, fmt.Errorf("scenario: %q: %v", text, err)
			}
			steps = append(steps, st)
		}
		s.Clients = append(s.Clients, steps)
	}
	return s, nil
}

// parseStep reads one step of [Scenario.Text].
func parseStep(word string) (Step, error) {
	name := strings.TrimRight(word, "~!")
	op, err := models.ParseOp(name)
	if err != nil {
		return Step{}, fmt.Errorf("step %q: %v", word, err)
	}
	st := Step{Op: op}
	if strings.Contains(word[len(name):], "~") {
		st.Wait = 1
	}
	st.Immediate = op == models.Shutdown && strings.Contains(word[len(name):], "!")
	return st, nil
}
