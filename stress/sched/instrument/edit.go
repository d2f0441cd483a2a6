package instrument

import (
	"slices"
	"strings"
)

// edit replaces src[from:to] with text; text never holds a newline, so an
// edited file keeps every line number.
type edit struct {
	from, to int
	text     string
}

// apply returns src with the edits made (they must not overlap).
func apply(src []byte, edits []edit) []byte {
	slices.SortFunc(edits, func(a, b edit) int { return a.from - b.from })
	var out strings.Builder
	at := 0
	for _, e := range edits {
		out.Write(src[at:e.from])
		out.WriteString(e.text)
		at = e.to
	}
	out.Write(src[at:])
	return []byte(out.String())
}
