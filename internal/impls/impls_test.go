package impls

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestAll checks that every implementation takes the capacities it says
// it takes, with the Cap() asked for, under a name of its own.
func TestAll(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range All() {
		if seen[m.Name] {
			t.Fatalf("two implementations called %q", m.Name)
		}
		seen[m.Name] = true
		for _, c := range []int{3, 0} {
			if c > 0 && !m.Bounded || c == 0 && !m.Unbounded {
				continue
			}
			q, err := m.New.New(c)
			if err != nil {
				t.Fatalf("%s: New(%d): %v", m.Name, c, err)
			}
			if q.Cap() != c {
				t.Fatalf("%s: New(%d) has Cap() %d", m.Name, c, q.Cap())
			}
			_ = q.Shutdown(true)
		}
	}
}
