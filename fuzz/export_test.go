package fuzz

import "github.com/pcqkit/pcq/harness"

// Seeds returns the seed corpus that Check adds for the queues newQueue
// makes (test-only export).
func Seeds(newQueue harness.Factory, opts ...harness.Option) [][]byte {
	c := mustConfig(newQueue, opts)
	return c.seeds(c.Capacities)
}

// Describe returns the scenario that data decodes into for newQueue
// (test-only export).
func Describe(newQueue harness.Factory, data []byte, opts ...harness.Option) string {
	c := mustConfig(newQueue, opts)
	return c.decode(data, c.Capacities).String()
}

// mustConfig is newConfig, panicking on a setup error (a test's mistake).
func mustConfig(newQueue harness.Factory, opts []harness.Option) *config {
	c, err := newConfig(newQueue, opts)
	if err != nil {
		panic(err)
	}
	return c
}
