package linearizability

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// FuzzReadHistory checks that ReadHistory never panics, that it rejects only
// with a *FileError (a line number) and that whatever it accepts survives
// WriteHistory and ReadHistory unchanged (up to line numbers).
func FuzzReadHistory(f *testing.F) {
	f.Add([]byte(historyExample))
	f.Add([]byte(`{"client":0,"op":"len","value":0,"call":1,"return":2,"result":"ok"}`))
	f.Add([]byte("{\"model\":\"priority\",\"capacity\":1}\n\n{\"client\":3,\"op\":\"task_done\",\"call\":-5,\"return\":-5,\"result\":\"error\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := ReadHistory(bytes.NewReader(data))
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
		if err := WriteHistory(&buf, h); err != nil {
			t.Fatal(err)
		}
		back, err := ReadHistory(&buf)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, buf.String())
		}
		for i := range h.Operations {
			h.Operations[i].Line = i + 2 // after the header WriteHistory writes
		}
		if len(h.Operations) == 0 {
			h.Operations, back.Operations = nil, nil
		}
		if !reflect.DeepEqual(h, back) {
			t.Fatalf("round trip changed the history:\n%+v\n%+v", h, back)
		}
	})
}
