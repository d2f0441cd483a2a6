package harness

import (
	"fmt"
	"strings"
)

// WithStrategy chooses how stress.Explore picks schedules (default
// PCT(3)). Read by explore.
func WithStrategy(s Strategy) Option {
	return option{"WithStrategy", exploreOnly, func(st *Settings) error {
		if s.kind == "" || s.kind == "pct" && s.n < 1 || s.kind == "dfs" && s.n < 0 {
			return fmt.Errorf("%s", strategyProblem(s))
		}
		st.Strategy = s
		return nil
	}}
}

// WithSchedules sets the most schedules stress.Explore runs in all
// (default 2000), over every scenario: an exhaustive strategy searches one
// scenario after another, and the one that the budget ends is reported cut
// short (incomplete). Read by explore.
func WithSchedules(n int) Option {
	return atLeast("WithSchedules", exploreOnly, n, 1, func(s *Settings) *int { return &s.Schedules })
}

// WithInstrument names more packages (import paths or patterns, as for go
// list) whose sync and sync/atomic operations stress.Explore and
// fuzz.CheckSchedules must schedule, besides the queue's own package: the
// library that an adapter wraps, say. Read by fuzz and explore.
func WithInstrument(patterns ...string) Option {
	return option{"WithInstrument", []Harness{Fuzz, Explore}, func(s *Settings) error {
		for _, p := range patterns {
			if strings.TrimSpace(p) == "" {
				return fmt.Errorf("an empty package pattern")
			}
		}
		s.Instrument = append(s.Instrument, patterns...)
		return nil
	}}
}

// WithReplay makes stress.Explore run one schedule, the one that a failure
// printed ("x1/..."), instead of exploring; the environment variable
// stress.ReplayEnv does the same without editing the test. Read by
// explore.
func WithReplay(token string) Option {
	return setting("WithReplay", exploreOnly, func(s *Settings) { s.Replay = token })
}

// WithScenario makes stress.Explore explore one scenario, written as a
// failure prints it ("c2=put~.get,try_get": the capacity, then each
// client's steps separated by dots, clients by commas; "~" marks a call
// that may wait, "!" an immediate shutdown), instead of drawing scenario
// after scenario. An exhaustive strategy stops once it has run every
// schedule of it within its bound. Read by explore.
func WithScenario(text string) Option {
	return option{"WithScenario", exploreOnly, func(s *Settings) error {
		if strings.TrimSpace(text) == "" {
			return fmt.Errorf("an empty scenario")
		}
		s.Scenario = text
		return nil
	}}
}

// strategyProblem says what is wrong with a strategy that WithStrategy
// refuses.
func strategyProblem(s Strategy) string {
	switch {
	case s.kind == "pct":
		return fmt.Sprintf("%s: a PCT depth must be at least 1, not %d", s, s.n)
	case s.kind == "dfs":
		return fmt.Sprintf("%s: an exhaustive search's preemption bound must be at least 0, not %d", s, s.n)
	}
	return "the zero Strategy: make one with PCT, RandomSchedules or Exhaustive"
}
