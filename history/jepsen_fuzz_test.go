package history

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzReadJepsen checks that ReadJepsen never panics, that it refuses only
// with a *FileError naming a line of the input, and that whatever it
// accepts is a valid history whose lines are lines of the input; and that
// reading without copying a top-level map's items changes nothing.
func FuzzReadJepsen(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "jepsen", "*.edn"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	var buf bytes.Buffer
	if err := writeJepsenSim(&buf, JepsenSimConfig{Seed: 1, Clients: 3, Events: 40, UnknownTakes: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`[{:type :invoke :f :drain :process 0} {:type :invoke :f :dequeue :process 0}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := ReadJepsen(bytes.NewReader(data))
		copied, copyErr := readJepsen(data, false)
		if fmt.Sprint(err) != fmt.Sprint(copyErr) || !reflect.DeepEqual(h, copied) {
			t.Fatalf("reading top-level maps in place changed the result:\n%v %+v\n%v %+v", err, h, copyErr, copied)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line < 1 || fe.Line > lines {
				t.Fatalf("error without a line of the input (%d lines): %v", lines, err)
			}
			return
		}
		if err := Validate(h); err != nil && !errors.Is(err, ErrDuplicateValues) {
			t.Fatalf("accepted a history that Validate rejects: %v", err)
		}
		for _, op := range h.Operations {
			if op.Line < 1 || op.Line > lines {
				t.Fatalf("operation %+v: line not in the input (%d lines)", op, lines)
			}
		}
	})
}
