package property

import (
	"reflect"
	"strings"

	"github.com/pcqkit/pcq/internal/goroutines"
)

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
