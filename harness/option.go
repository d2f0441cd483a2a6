package harness

import (
	"fmt"
	"time"
)

// Option changes one setting of a harness. The With functions of this
// package make them; each says which harnesses read it.
type Option interface {
	// apply sets the option's setting in s, or says why its value is bad.
	apply(s *Settings) error
	// name is the option's function, as a setup error names it.
	name() string
	// readBy lists the harnesses that read the option.
	readBy() []Harness
}

// option is the [Option] every With function returns.
type option struct {
	fn      string
	readers []Harness
	set     func(*Settings) error
}

func (o option) apply(s *Settings) error { return o.set(s) }
func (o option) name() string            { return o.fn }
func (o option) readBy() []Harness       { return o.readers }

// The sets of harnesses that read an option.
var (
	all           = []Harness{Property, Stress, Fuzz, Explore}
	watched       = []Harness{Property, Stress, Fuzz}
	seeded        = []Harness{Property, Stress, Explore}
	checked       = []Harness{Stress, Fuzz, Explore}
	stressExplore = []Harness{Stress, Explore}
	propertyOnly  = []Harness{Property}
	stressOnly    = []Harness{Stress}
	fuzzOnly      = []Harness{Fuzz}
	exploreOnly   = []Harness{Explore}
)

// setting returns an option that sets its value with set: any value is
// good.
func setting(fn string, readers []Harness, set func(*Settings)) Option {
	return option{fn, readers, func(s *Settings) error {
		set(s)
		return nil
	}}
}

// atLeast returns an option setting *field(s) to n, an error when n < lo.
func atLeast(fn string, readers []Harness, n, lo int, field func(*Settings) *int) Option {
	return option{fn, readers, func(s *Settings) error {
		if n < lo {
			return fmt.Errorf("%d: want at least %d", n, lo)
		}
		*field(s) = n
		return nil
	}}
}

// positive returns an option setting *field(s) to d, an error when d <= 0.
func positive(fn string, readers []Harness, d time.Duration, field func(*Settings) *time.Duration) Option {
	return option{fn, readers, func(s *Settings) error {
		if d <= 0 {
			return fmt.Errorf("%v: want a positive duration", d)
		}
		*field(s) = d
		return nil
	}}
}
