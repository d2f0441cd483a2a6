package property

import (
	"reflect"
	"strings"

	"github.com/pcqkit/pcq/internal/goroutines"
)

// blocked returns the stacks of the goroutines ids that still exist, and
// whether all of them are blocked (none can run). Goroutines that ended
// are left out.
func blocked(ids []int64) (dump string, all bool) {
	st := goroutines.Stacks()
	var out []string
	all = true
	for _, id := range ids {
		s, ok := st[id]
		if !ok {
			continue
		}
		out = append(out, s)
		if goroutines.Running(s) {
			all = false
		}
	}
	return strings.Join(out, "\n\n"), all
}

// canRun reports whether the goroutine id can still make progress: it can
// run, or it has ended.
func canRun(id int64) bool {
	s, ok := goroutines.Stacks()[id]
	return !ok || goroutines.Running(s)
}

// dump returns the stacks of the goroutines that this package started.
func dump() string {
	var out []string
	for _, s := range goroutines.Stacks() {
		if strings.Contains(s, "created by "+pkgPath) {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

var pkgPath = reflect.TypeFor[group]().PkgPath()
