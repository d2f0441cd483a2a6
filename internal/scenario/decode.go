package scenario

import (
	"time"

	"github.com/pcqkit/pcq/models"
)

// Limits bound the scenarios that [Decode] builds, so that every input of
// a fuzzer runs quickly and its history stays small enough for porcupine.
type Limits struct {
	MaxClients  int             // at least 1; default 4
	MaxSteps    int             // per client; default 16
	MaxCapacity int             // capacities 0 (unbounded) .. MaxCapacity; default 4
	MaxYield    int             // default 3
	Waits       []time.Duration // the deadlines a step can choose; default DefaultWaits (at most 4 are used)
}

// DefaultLimits are the limits Decode uses for a zero field.
var DefaultLimits = Limits{MaxClients: 4, MaxSteps: 16, MaxCapacity: 4, MaxYield: 3, Waits: DefaultWaits}

func (l Limits) withDefaults() Limits {
	if l.MaxClients <= 0 {
		l.MaxClients = DefaultLimits.MaxClients
	}
	if l.MaxSteps <= 0 {
		l.MaxSteps = DefaultLimits.MaxSteps
	}
	if l.MaxCapacity < 0 {
		l.MaxCapacity = 0
	}
	if l.MaxYield < 0 {
		l.MaxYield = 0
	}
	if len(l.Waits) == 0 {
		l.Waits = DefaultLimits.Waits
	}
	return l
}

// Decode builds a scenario from a fuzzer's bytes. Every byte string is a
// valid scenario (the empty one has one client and no steps), the same
// bytes always give the same scenario, and a small change of the bytes is
// a small change of the scenario. The layout:
//
//	byte 0: capacity = b % (MaxCapacity+1)   (0: unbounded)
//	byte 1: clients  = 1 + b % MaxClients
//	then two bytes per step, until the data ends:
//	  a: client = (a & 0x0f) % clients;  yield = (a >> 4) % (MaxYield+1)
//	  b: op = b & 7 (models.Op: put, try_put, get, try_get, len, task_done, join, shutdown);
//	     wait = Waits[(b >> 3) & 3 % len(Waits)];  immediate = b & 0x20 != 0
//
// A step for a client that already has MaxSteps steps is dropped. Missing
// bytes read as 0. lim's zero fields take [DefaultLimits]' values.
func Decode(data []byte, lim Limits) Scenario {
	lim = lim.withDefaults()
	at := func(i int) byte {
		if i < len(data) {
			return data[i]
		}
		return 0
	}
	s := Scenario{
		Capacity: int(at(0)) % (lim.MaxCapacity + 1),
		Clients:  make([][]Step, 1+int(at(1))%lim.MaxClients),
	}
	for i := 2; i < len(data); i += 2 {
		a, b := at(i), at(i+1)
		c := int(a&0x0f) % len(s.Clients)
		if len(s.Clients[c]) >= lim.MaxSteps {
			continue
		}
		s.Clients[c] = append(s.Clients[c], Step{
			Op:        models.Op(b & 7),
			Wait:      lim.Waits[int(b>>3&3)%len(lim.Waits)],
			Immediate: b&0x20 != 0,
			Yield:     int(a>>4) % (lim.MaxYield + 1),
		})
	}
	return s
}

// Encode is the inverse of [Decode] for scenarios within lim: it returns
// bytes that Decode(…, lim) turns into s (a seed corpus entry, say). A
// wait that is not one of lim.Waits is encoded as the first of them, a
// client beyond the first 16 is dropped.
func Encode(s Scenario, lim Limits) []byte {
	lim = lim.withDefaults()
	clients := min(max(len(s.Clients), 1), lim.MaxClients, 16)
	data := []byte{byte(s.Capacity), byte(clients - 1)}
	for c := range clients {
		for _, st := range s.Clients[c] {
			w := 0
			for i, x := range lim.Waits[:min(len(lim.Waits), 4)] {
				if x == st.Wait {
					w = i
					break
				}
			}
			b := byte(st.Op&7) | byte(w)<<3
			if st.Immediate {
				b |= 0x20
			}
			data = append(data, byte(c)|byte(min(st.Yield, 15))<<4, b)
		}
	}
	return data
}
