package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pcqkit/pcq/linearizability"
)

// memFlag is the -mem flag of pcq check: a memory budget in bytes, written
// with a unit (512MiB, 2GiB, 1.5GiB; KiB, MiB, GiB, TiB, or B), or 0 for
// no limit.
type memFlag struct{ bytes int64 }

func (f *memFlag) String() string {
	if f == nil {
		return ""
	}
	return linearizability.FormatBytes(f.bytes)
}

func (f *memFlag) Set(s string) error {
	n, err := parseBytes(s)
	if err != nil {
		return err
	}
	f.bytes = n
	return nil
}

// byteUnits are the units a memory budget may be written in.
var byteUnits = []struct {
	name string
	size float64
}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}

// parseBytes parses "1.5GiB", "512 MiB", "0", "4096B" or "4096".
func parseBytes(s string) (int64, error) {
	t := strings.TrimSpace(s)
	size := 1.0
	for _, u := range byteUnits {
		if strings.HasSuffix(t, u.name) {
			t, size = strings.TrimSpace(strings.TrimSuffix(t, u.name)), u.size
			break
		}
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || x < 0 || x*size > 1<<62 {
		return 0, fmt.Errorf("want a size such as 512MiB or 2GiB (0: no limit), not %q", s)
	}
	return int64(x * size), nil
}
