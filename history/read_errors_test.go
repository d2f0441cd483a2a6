package history

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestReadReportsEveryBadLine: a file with several bad lines gets them
// all, in order, and errors.As finds the first; past maxBadLines they
// are counted.
func TestReadReportsEveryBadLine(t *testing.T) {
	file := strings.Join([]string{
		`garbage`,
		`{"client": 0, "op": "put", "value": 1, "call": 1, "return": 2, "result": "ok"}`,
		`{"client": 0, "op": "fly", "call": 3, "return": 4, "result": "ok"}`,
		`{"client": 1, "op": "get", "call": 5, "return": 4, "result": "ok", "value": 1}`,
	}, "\n")
	_, err := Read(strings.NewReader(file))
	var bl *BadLinesError
	if !errors.As(err, &bl) || len(bl.Lines) != 3 || bl.More != 0 {
		t.Fatalf("got %v, want a *BadLinesError of 3 lines", err)
	}
	for i, want := range []int{1, 3, 4} {
		if bl.Lines[i].Line != want {
			t.Errorf("bad line %d is line %d, want %d", i, bl.Lines[i].Line, want)
		}
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 1 {
		t.Fatalf("errors.As found %v, want the first bad line", fe)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "3 bad lines:\n  line 1: ") || !strings.Contains(msg, "\n  line 4: ") {
		t.Fatalf("message %q does not list the lines", msg)
	}
}

func TestReadCountsBadLinesPastTheList(t *testing.T) {
	var b strings.Builder
	for i := range maxBadLines + 7 {
		fmt.Fprintf(&b, "bad %d\n", i)
	}
	_, err := Read(strings.NewReader(b.String()))
	var bl *BadLinesError
	if !errors.As(err, &bl) || len(bl.Lines) != maxBadLines || bl.More != 7 || !strings.HasSuffix(err.Error(), "… and 7 more") {
		t.Fatalf("got %v, want %d lines listed and 7 more", err, maxBadLines)
	}
}

func TestReadOneBadLineIsAFileError(t *testing.T) {
	_, err := Read(strings.NewReader(`{"model": "fifo"}` + "\nnot json\n"))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 2 || strings.Contains(err.Error(), "bad lines") {
		t.Fatalf("got %v, want the *FileError of line 2 alone", err)
	}
}

// TestReadEmptyFileIsTheEmptyHistory: an empty file (or one of blank
// lines, or a header alone) is the empty history, as FORMAT.md says.
func TestReadEmptyFileIsTheEmptyHistory(t *testing.T) {
	for _, file := range []string{"", "\n\n", `{"model": "lifo"}` + "\n"} {
		h, err := Read(strings.NewReader(file))
		if err != nil || len(h.Operations) != 0 {
			t.Errorf("Read(%q) = %d operations, %v; want the empty history", file, len(h.Operations), err)
		}
	}
}
