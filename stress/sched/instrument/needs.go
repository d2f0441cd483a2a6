package instrument

import (
	"fmt"
	"regexp"
	"strings"
)

// NeedsText is how a fuzz target that go test -fuzz must build with
// packages instrumented (fuzz.CheckSchedules) says so in its failure:
// "needs [p q] built instrumented". [Needed] reads it back, so that a
// runner (pcq fuzz) can build the target again with their overlay.
func NeedsText(packages []string) string {
	return fmt.Sprintf("needs %v built instrumented", packages)
}

// neededRE matches [NeedsText]'s words.
var neededRE = regexp.MustCompile(`needs \[([^\]]*)\] built instrumented`)

// Needed returns the packages a failure report says must be built
// instrumented ([NeedsText]), or nil when it says nothing of the kind.
func Needed(report string) []string {
	m := neededRE.FindStringSubmatch(report)
	if m == nil {
		return nil
	}
	return strings.Fields(m[1])
}
