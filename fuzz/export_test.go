package fuzz

import "github.com/pcqkit/pcq/queue"

// Seeds returns the seed corpus that Check adds for the queues newQueue
// makes (test-only export).
func Seeds(newQueue func(int) queue.Queue[int], opts ...Option) [][]byte {
	c := newConfig(opts)
	return c.seeds(c.resolveCapacities(newQueue))
}

// Describe returns the scenario that data decodes into for newQueue
// (test-only export).
func Describe(newQueue func(int) queue.Queue[int], data []byte, opts ...Option) string {
	c := newConfig(opts)
	return c.decode(data, c.resolveCapacities(newQueue)).String()
}
