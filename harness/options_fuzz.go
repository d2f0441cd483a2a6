package harness

import "fmt"

// maxFuzzGoroutines is the most goroutines a fuzz scenario can have.
const maxFuzzGoroutines = 16

// WithMaxCapacity sets the largest of fuzz's default capacities (default
// 4; see [WithCapacities]). Read by fuzz.
func WithMaxCapacity(n int) Option {
	return atLeast("WithMaxCapacity", fuzzOnly, n, 1, func(s *Settings) *int { return &s.MaxCapacity })
}

// WithMaxGoroutines sets the most goroutines (clients) an input's
// scenario has (default 4, at most 16). Read by fuzz.
func WithMaxGoroutines(n int) Option {
	return option{"WithMaxGoroutines", fuzzOnly, func(s *Settings) error {
		if n < 1 || n > maxFuzzGoroutines {
			return fmt.Errorf("%d: want 1 to %d", n, maxFuzzGoroutines)
		}
		s.MaxGoroutines = n
		return nil
	}}
}

// WithMaxTotalOps sets the most operations an input's scenario has, all
// goroutines together (default 24); the bytes beyond are ignored.
// Histories with len, task_done and join go to porcupine, whose time
// grows fast with their length: raise it with care. Read by fuzz.
func WithMaxTotalOps(n int) Option {
	return atLeast("WithMaxTotalOps", fuzzOnly, n, 1, func(s *Settings) *int { return &s.MaxTotalOps })
}

// WithMaxYield sets the most runtime.Gosched calls before one operation
// (default 3; 0: none). Read by fuzz.
func WithMaxYield(n int) Option {
	return atLeast("WithMaxYield", fuzzOnly, n, 0, func(s *Settings) *int { return &s.MaxYield })
}
