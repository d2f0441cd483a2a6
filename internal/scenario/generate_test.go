package scenario

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/pcqkit/pcq/models"
)

func gen(seed uint64, c Config) Scenario { return Generate(rand.New(rand.NewPCG(seed, 7)), c) }

func TestGenerateDeterministic(t *testing.T) {
	c := Config{Clients: 5, Steps: 30, Capacity: 3, Mix: Full, Shutdown: Any, MaxYield: 6}
	for seed := range uint64(20) {
		a, b := gen(seed, c), gen(seed, c)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d: two scenarios from the same seed differ:\n%v\n%v", seed, a, b)
		}
		if reflect.DeepEqual(a, gen(seed+100, c)) {
			t.Fatalf("seed %d and %d give the same scenario", seed, seed+100)
		}
	}
}

func TestGenerateShape(t *testing.T) {
	for seed := range uint64(50) {
		s := gen(seed, Config{Clients: 4, Steps: 20, Capacity: 2, Mix: Basic, Shutdown: Immediate, MaxYield: 5})
		if len(s.Clients) != 4 || s.Ops() != 4*20+1 || s.Capacity != 2 {
			t.Fatalf("seed %d: %d clients, %d ops, capacity %d; want 4, 81, 2", seed, len(s.Clients), s.Ops(), s.Capacity)
		}
		shutdowns := 0
		for _, steps := range s.Clients {
			for j, st := range steps {
				switch st.Op {
				case models.Len, models.TaskDone, models.Join:
					t.Fatalf("seed %d: Basic drew %v", seed, st.Op)
				case models.Shutdown:
					shutdowns++
					if !st.Immediate || j < 10 {
						t.Fatalf("seed %d: shutdown %v at step %d, want immediate in the second half", seed, st, j)
					}
				}
				if st.Yield < 0 || st.Yield > 5 {
					t.Fatalf("seed %d: yield %d out of [0, 5]", seed, st.Yield)
				}
			}
		}
		if shutdowns != 1 {
			t.Fatalf("seed %d: %d shutdown steps, want 1", seed, shutdowns)
		}
	}
}

func TestDecodeEncode(t *testing.T) {
	lim := DefaultLimits
	for seed := range uint64(50) {
		s := gen(seed, Config{Clients: 1 + int(seed%4), Steps: int(seed % 17), Capacity: int(seed % 5), Mix: Full, Shutdown: Any, MaxYield: 3})
		for i, c := range s.Clients {
			if len(c) > lim.MaxSteps {
				s.Clients[i] = c[:lim.MaxSteps]
			}
		}
		s.Seed = 0
		back := Decode(Encode(s, lim), lim)
		if !same(s, back) {
			t.Fatalf("seed %d: Decode(Encode(s)) differs:\n%v\n%v", seed, s, back)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{4, 3, 0x10, 0x00, 0x21, 0x02, 0x02, 0x27})
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxClients: 3, MaxSteps: 5, MaxCapacity: 2, MaxYield: 2}
		s := Decode(data, lim)
		if !reflect.DeepEqual(s, Decode(data, lim)) {
			t.Fatal("Decode is not deterministic")
		}
		if len(s.Clients) < 1 || len(s.Clients) > 3 || s.Capacity < 0 || s.Capacity > 2 {
			t.Fatalf("clients %d, capacity %d out of the limits", len(s.Clients), s.Capacity)
		}
		for _, c := range s.Clients {
			if len(c) > 5 {
				t.Fatalf("%d steps, more than 5", len(c))
			}
			for _, st := range c {
				if st.Op > models.Shutdown || st.Yield > 2 {
					t.Fatalf("step %v out of the limits", st)
				}
			}
		}
	})
}

// same reports whether two scenarios have the same capacity and steps (an
// empty client equals a nil one).
func same(a, b Scenario) bool {
	if a.Capacity != b.Capacity || len(a.Clients) != len(b.Clients) {
		return false
	}
	for i := range a.Clients {
		if len(a.Clients[i]) != len(b.Clients[i]) {
			return false
		}
		for j := range a.Clients[i] {
			if a.Clients[i][j] != b.Clients[i][j] {
				return false
			}
		}
	}
	return true
}
