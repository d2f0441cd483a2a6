package stress

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/stress/sched"
)

// replayVersion starts every replay token.
const replayVersion = "x1"

// replayToken is what replays one schedule exactly: the scenario and the
// scheduler's decisions, "x1/c2=put~.get,try_get/s1:FINGERPRINT:DECISIONS".
func replayToken(s scenario.Scenario, sc sched.Schedule) string {
	return replayVersion + "/" + s.Text() + "/" + sc.String()
}

// parseReplayToken reads a token made by replayToken.
func parseReplayToken(token string) (scenario.Scenario, sched.Schedule, error) {
	parts := strings.Split(strings.TrimSpace(token), "/")
	if len(parts) != 3 || parts[0] != replayVersion {
		return scenario.Scenario{}, sched.Schedule{}, fmt.Errorf("stress: replay %q: want %s/SCENARIO/SCHEDULE, as a failure prints it", token, replayVersion)
	}
	s, err := scenario.ParseText(parts[1])
	if err != nil {
		return scenario.Scenario{}, sched.Schedule{}, fmt.Errorf("stress: replay: %w", err)
	}
	sc, err := sched.ParseSchedule(parts[2])
	if err != nil {
		return scenario.Scenario{}, sched.Schedule{}, fmt.Errorf("stress: replay: %w", err)
	}
	return s, sc, nil
}
