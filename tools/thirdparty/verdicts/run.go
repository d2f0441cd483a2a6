package verdicts

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
	"github.com/pcqkit/pcq/tools/thirdparty/explore"
)

// Config bounds and seeds a verdict run.
type Config struct {
	// Seed seeds every harness (default 1).
	Seed int64
	// PropertyRuns is harness.WithRuns (default 30).
	PropertyRuns int
	// StressDuration is harness.WithDuration (default 2s).
	StressDuration time.Duration
	// FuzzInputs is the number of generated inputs given to fuzz.RunOne
	// (default 20); the first failure ends the run.
	FuzzInputs int
	// Artifacts is the folder where failures write their files, one
	// sub-folder per library and harness; required.
	Artifacts string
	// Race says the binary runs under the race detector: the harnesses
	// are not run on a not thread-safe library ([adapters.Library.NotThreadSafe]), since the first
	// race would end the binary.
	Race bool
	// Logf, if set, is told each outcome as it comes.
	Logf func(format string, args ...any)
}

func (c Config) withDefaults() Config {
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.PropertyRuns <= 0 {
		c.PropertyRuns = 30
	}
	if c.StressDuration <= 0 {
		c.StressDuration = 2 * time.Second
	}
	if c.FuzzInputs <= 0 {
		c.FuzzInputs = 20
	}
	if c.Logf == nil {
		c.Logf = func(string, ...any) {}
	}
	return c
}

// Verdict is what the three harnesses said of one library.
type Verdict struct {
	Library    adapters.Library
	Capacities []int // the capacities the harnesses asked for
	Property   Outcome
	Stress     Outcome
	Fuzz       Outcome
	// Explore is what the controlled scheduler found (package explore),
	// nil when it was not run: it runs in a test binary built with the
	// overlay, and cmd/verdicts fills it from that test's outcomes.
	Explore *explore.Outcome
}

// Outcomes returns the three outcomes in table order.
func (v Verdict) Outcomes() []Outcome { return []Outcome{v.Property, v.Stress, v.Fuzz} }

// Run runs the three harnesses on lib.
func Run(lib adapters.Library, cfg Config) (Verdict, error) {
	vs, err := RunLibraries([]adapters.Library{lib}, cfg)
	if err != nil {
		return Verdict{}, err
	}
	return vs[0], nil
}

// RunAll runs the three harnesses on every library, in [adapters.All]'s
// order.
func RunAll(cfg Config) ([]Verdict, error) { return RunLibraries(adapters.All(), cfg) }

// RunLibraries runs the property and stress harnesses on each library in
// turn (stress changes GOMAXPROCS and checks for leaks after each round:
// nothing may run beside it), then the fuzz inputs of every library at
// once: most of their time is spent in the harness's timed waits.
func RunLibraries(libs []adapters.Library, cfg Config) ([]Verdict, error) {
	cfg = cfg.withDefaults()
	if cfg.Artifacts == "" {
		return nil, errors.New("verdicts: Config.Artifacts is required")
	}
	vs := make([]Verdict, len(libs))
	for i, lib := range libs {
		vs[i] = Verdict{Library: lib, Capacities: cfg.capacities(lib)}
		if why := cfg.notRun(lib); why != "" {
			vs[i].Property = Outcome{Harness: harness.Property, Status: NotRun, Detail: why}
			vs[i].Stress = Outcome{Harness: harness.Stress, Status: NotRun, Detail: why}
			vs[i].Fuzz = Outcome{Harness: harness.Fuzz, Status: NotRun, Detail: why}
			continue
		}
		dir := filepath.Join(cfg.Artifacts, lib.Name)
		vs[i].Property = runProperty(lib, vs[i].Capacities, cfg)
		cfg.Logf("%s: %v", lib.Name, vs[i].Property)
		vs[i].Stress = runStress(lib, vs[i].Capacities, cfg, filepath.Join(dir, string(harness.Stress)))
		if vs[i].Library.Relaxed(linearizability.Lossy) && vs[i].Stress.Status == Fail {
			vs[i].Stress.Lossy = lossyStress(lib, vs[i].Capacities, cfg, filepath.Join(dir, "stress-lossy"))
		}
		cfg.Logf("%s: %v", lib.Name, vs[i].Stress)
	}
	var wg sync.WaitGroup
	for i := range vs {
		if vs[i].Fuzz.Status == NotRun {
			continue
		}
		wg.Go(func() {
			lib := vs[i].Library
			vs[i].Fuzz = runFuzz(lib, vs[i].Capacities, cfg, filepath.Join(cfg.Artifacts, lib.Name, string(harness.Fuzz)))
			cfg.Logf("%s: %v", lib.Name, vs[i].Fuzz)
		})
	}
	wg.Wait()
	return vs, nil
}

// raceUnsafe are the capacities at which a library races on its own
// memory, because of a bug found and written up already: under -race the
// race detector would end the binary there, so they are not run.
var raceUnsafe = map[string]int{
	// mask 0: a put overwrites the slot a getter reads (finding 1)
	"workiva-ring": 1,
}

// capacities returns the capacities to run lib at (see [Capacities]),
// without its race-unsafe one under -race.
func (c Config) capacities(lib adapters.Library) []int {
	caps := Capacities(lib.New)
	if n, ok := raceUnsafe[lib.Name]; ok && c.Race {
		c.Logf("%s: capacity %d not run under -race (the library races on its own slot there)", lib.Name, n)
		caps = slices.DeleteFunc(caps, func(c int) bool { return c == n })
	}
	return caps
}

// notRun says why no harness runs on lib ("" if they do).
func (c Config) notRun(lib adapters.Library) string {
	if c.Race && lib.NotThreadSafe {
		return "under -race: the race detector ends the binary at the first concurrent call (not thread-safe)"
	}
	return ""
}

// unsupportedFromLog finds the property harness's "not exercised" line.
func unsupportedFromLog(lines []string) []string {
	for _, l := range lines {
		if _, rest, ok := strings.Cut(l, "not exercised (errors.ErrUnsupported or a negative Len): "); ok {
			return strings.Split(rest, ", ")
		}
	}
	return nil
}

func capsText(caps []int) string {
	parts := make([]string, len(caps))
	for i, c := range caps {
		parts[i] = fmt.Sprint(c)
		if c == 0 {
			parts[i] = "unbounded"
		}
	}
	return strings.Join(parts, ", ")
}
