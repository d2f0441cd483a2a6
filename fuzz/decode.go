package fuzz

import (
	"github.com/pcqkit/pcq/internal/scenario"
)

// limits are the scenario limits of c's decoding.
func (c *config) limits() scenario.Limits {
	return scenario.Limits{
		MaxClients:  c.MaxGoroutines,
		MaxSteps:    c.MaxTotalOps,
		MaxCapacity: 255,
		MaxYield:    c.MaxYield,
	}
}

// decode turns a fuzzer's bytes into a scenario, deterministically: the
// same bytes always give the same scenario. The layout is
// scenario.Decode's, with two changes: the bytes beyond maxOps steps are
// ignored, and the first byte picks the capacity from caps (b % len(caps)).
//
//	byte 0: capacity = caps[b % len(caps)]
//	byte 1: goroutines = 1 + b % maxGoroutines
//	then two bytes per operation:
//	  a: goroutine = (a & 0x0f) % goroutines;  yields before it = (a >> 4) % (maxYield+1)
//	  b: op = b & 7 (put, try_put, get, try_get, len, task_done, join, shutdown);
//	     deadline = one of 0, 50µs, 500µs, 2ms by (b >> 3) & 3;  shutdown immediate = b & 0x20
func (c *config) decode(data []byte, caps []int) scenario.Scenario {
	if n := 2 + 2*c.MaxTotalOps; len(data) > n {
		data = data[:n]
	}
	s := scenario.Decode(data, c.limits())
	s.Capacity = 0
	if len(caps) > 0 {
		b := 0
		if len(data) > 0 {
			b = int(data[0])
		}
		s.Capacity = caps[b%len(caps)]
	}
	return s
}

// encode is decode's inverse for s (a seed corpus entry): the capacity is
// written as its index in caps (the first positive one when s's is not in
// caps).
func (c *config) encode(s scenario.Scenario, caps []int) []byte {
	data := scenario.Encode(s, c.limits())
	idx := -1
	for i, n := range caps {
		if n == s.Capacity {
			idx = i
			break
		}
		if idx < 0 && n > 0 {
			idx = i
		}
	}
	data[0] = byte(max(idx, 0))
	return data
}
