package history

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// FuzzRead checks that Read never panics, that it rejects only
// with a *FileError (a line number) and that whatever it accepts survives
// Write and Read unchanged (up to line numbers).
func FuzzRead(f *testing.F) {
	f.Add([]byte(historyExample))
	f.Add([]byte(`{"client":0,"op":"len","value":0,"call":1,"return":2,"result":"ok"}`))
	f.Add([]byte("{\"model\":\"priority\",\"capacity\":1}\n\n{\"client\":3,\"op\":\"task_done\",\"call\":-5,\"return\":-5,\"result\":\"error\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := Read(bytes.NewReader(data))
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if err := Validate(h); err != nil && !errors.Is(err, ErrDuplicateValues) {
			t.Fatalf("accepted a history that Validate rejects: %v", err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, h); err != nil {
			t.Fatal(err)
		}
		back, err := Read(&buf)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, buf.String())
		}
		for i := range h.Operations {
			h.Operations[i].Line = i + 2 // after the header Write writes
		}
		if len(h.Operations) == 0 {
			h.Operations, back.Operations = nil, nil
		}
		if !reflect.DeepEqual(h, back) {
			t.Fatalf("round trip changed the history:\n%+v\n%+v", h, back)
		}
	})
}

// FuzzScanLine checks the reader's fast path against decodeLine (the key
// check, then encoding/json): a line that scanLine accepts decodes to the
// same fields with decodeLine.
func FuzzScanLine(f *testing.F) {
	for _, s := range strings.Split(historyExample, "\n") {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"client":-0,"op":null,"call":1,"call":2,"immediate":false,"Value":3}`))
	f.Add([]byte(`{"model":"fifo","capacity":12} `))
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.TrimSpace(data)
		var fast line
		var st scanStore
		if len(data) == 0 || !scanLine(data, &fast, &st) {
			return
		}
		var ref line
		if msg := decodeLine(data, &ref); msg != "" {
			t.Fatalf("scanLine accepted %q, encoding/json says %s", data, msg)
		}
		if a, b := fmt.Sprint(deref(fast)), fmt.Sprint(deref(ref)); a != b {
			t.Fatalf("%q: scanLine %s, encoding/json %s", data, a, b)
		}
	})
}

// deref lists a line's fields, nil or their values.
func deref(l line) []any {
	var out []any
	for _, p := range []any{l.Model, l.Capacity, l.Client, l.Op, l.Value, l.Immediate, l.Call, l.Return, l.Result} {
		v := reflect.ValueOf(p)
		if v.IsNil() {
			out = append(out, nil)
		} else {
			out = append(out, v.Elem().Interface())
		}
	}
	return out
}
