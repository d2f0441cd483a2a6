package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// maxBadLines is how many bad lines Read reports by their number; the
// others are counted.
const maxBadLines = 100

// BadLinesError is Read's error for a file with more than one bad line:
// every bad line, in order (up to maxBadLines, then a count). It unwraps
// to each line's [*FileError], so errors.As finds the first.
type BadLinesError struct {
	Lines []*FileError // the bad lines reported, in order
	More  int          // bad lines past those, not listed
}

// Error lists the bad lines, one a line.
func (e *BadLinesError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d bad lines:", len(e.Lines)+e.More)
	for _, fe := range e.Lines {
		b.WriteString("\n  " + fe.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  … and %d more", e.More)
	}
	return b.String()
}

// Unwrap returns the bad lines' errors.
func (e *BadLinesError) Unwrap() []error {
	errs := make([]error, len(e.Lines))
	for i, fe := range e.Lines {
		errs[i] = fe
	}
	return errs
}

// badLines collects the bad lines of a file as Read goes.
type badLines struct {
	lines []*FileError
	more  int
}

func (b *badLines) add(fe *FileError) {
	if len(b.lines) < maxBadLines {
		b.lines = append(b.lines, fe)
	} else {
		b.more++
	}
}

// err is nil for no bad line, the *FileError of one, else a
// *BadLinesError.
func (b *badLines) err() error {
	switch {
	case len(b.lines) == 0:
		return nil
	case len(b.lines) == 1:
		return b.lines[0]
	}
	slices.SortStableFunc(b.lines, func(x, y *FileError) int { return cmp.Compare(x.Line, y.Line) })
	return &BadLinesError{Lines: b.lines, More: b.more}
}
