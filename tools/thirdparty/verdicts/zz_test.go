package verdicts

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/stress/sched/instrument"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
	"github.com/pcqkit/pcq/tools/thirdparty/explore"
)

func TestZZ(t *testing.T) {
	libs := adapters.All()
	if !instrument.RerunWith(t, instrument.Options{Channels: true}, explore.Packages(libs)...) {
		return
	}
	for _, l := range libs {
		if !strings.Contains(os.Getenv("ZZLIBS"), l.Name+",") {
			continue
		}
		for seed := int64(1); seed <= 6; seed++ {
			b := explore.DefaultBudget
			b.Seed, b.PCT, b.Exhaustive, b.Time = seed, 20000, 1, 5*time.Minute
			o, err := explore.Run(t, l, b)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s seed %d: %s", l.Name, seed, o.Cell())
		}
	}
}
