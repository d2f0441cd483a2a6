package harness

// Harness names a harness, in its errors and in the docs of the options
// it reads.
type Harness string

// The harnesses of the kit.
const (
	Property Harness = "property" // package property: model-based tests with gopter
	Stress   Harness = "stress"   // package stress: -race rounds of random scenarios
	Fuzz     Harness = "fuzz"     // package fuzz: native fuzzing of scenarios
	Explore  Harness = "explore"  // stress.Explore: scenarios under the controlled scheduler
)
