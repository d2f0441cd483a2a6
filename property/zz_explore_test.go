package property

import (
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
)

func TestExplore(t *testing.T) {
	for _, b := range broken.All() {
		if b.CaughtBy("property") {
			continue
		}
		for i := range 8 {
			start := time.Now()
			err := Run(b.New, WithSeed(int64(i)))
			first := "PASS"
			if err != nil {
				first, _, _ = strings.Cut(err.Error(), "\n")
				lines := strings.Split(err.Error(), "\n")
				if len(lines) > 2 { first += " | " + lines[1] + " | " + lines[2] }
			}
			t.Logf("%s seed %d: %v: %s", b.Name, i, time.Since(start).Round(time.Millisecond), first)
		}
	}
}
