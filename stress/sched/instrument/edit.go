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
	// An insertion before a replacement that starts at the same offset.
	slices.SortFunc(edits, func(a, b edit) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return a.to - b.to
	})
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
