package history

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/models"
)

// historyExample is the example of FORMAT.md, with a header.
const historyExample = `{"model": "lifo", "capacity": 4}
{"client": 0, "op": "put", "value": 17, "call": 1051, "return": 1190, "result": "ok"}
{"client": 1, "op": "get", "value": 17, "call": 1100, "return": 1702, "result": "ok"}

{"client": 2, "op": "try_get", "call": 1203, "return": 1250, "result": "empty"}
{"client": 2, "op": "shutdown", "immediate": false, "call": 1300, "return": 1320, "result": "ok"}
{"client": 3, "op": "get", "call": 1400, "result": "unknown"}
`

func TestReadExample(t *testing.T) {
	h, err := Read(strings.NewReader(historyExample))
	if err != nil {
		t.Fatal(err)
	}
	want := History{Kind: models.LIFO, Capacity: 4, Operations: []Operation{
		{Client: 0, Input: models.Input{Op: models.Put, Value: 17}, Call: 1051, Return: 1190, Line: 2},
		{Client: 1, Input: models.Input{Op: models.Get}, Output: models.Output{Value: 17}, Call: 1100, Return: 1702, Line: 3},
		{Client: 2, Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.Empty}, Call: 1203, Return: 1250, Line: 5},
		{Client: 2, Input: models.Input{Op: models.Shutdown}, Call: 1300, Return: 1320, Line: 6},
		{Client: 3, Input: models.Input{Op: models.Get}, Output: models.Output{Result: models.Unknown}, Call: 1400, Line: 7},
	}}
	if !reflect.DeepEqual(h, want) {
		t.Fatalf("got\n%+v\nwant\n%+v", h, want)
	}
}

func TestReadDefaults(t *testing.T) {
	h, err := Read(strings.NewReader("\uFEFF\r\n" + `{"client":0,"op":"len","value":0,"call":1,"return":2,"result":"ok"}` + "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if h.Kind != models.FIFO || h.Capacity != 0 || len(h.Operations) != 1 || h.Operations[0].Line != 2 {
		t.Fatalf("got %+v", h)
	}
	if h, err = Read(strings.NewReader("")); err != nil || len(h.Operations) != 0 {
		t.Fatalf("empty file: %+v, %v", h, err)
	}
}

// TestReadBadLines checks that every bad line is an error naming the
// line and the problem.
func TestReadBadLines(t *testing.T) {
	const ok = `{"client":0,"op":"put","value":1,"call":1,"return":2,"result":"ok"}` + "\n"
	for _, tc := range []struct{ name, file, want string }{
		{"invalid JSON", ok + `{"client":0,`, "line 2: invalid JSON"},
		{"not an object", `[1,2]`, "line 1: not a JSON object"},
		{"null line", `null`, "line 1: not a JSON object"},
		{"trailing", `{"client":0,"op":"len","value":0,"call":1,"return":2,"result":"ok"} {}`, "line 1: invalid JSON: more after"},
		{"unknown key", `{"client":0,"op":"len","value":0,"call":1,"retrun":2,"result":"ok"}`, `line 1: unknown key "retrun"`},
		{"key in another case", ok + `{"client":0,"op":"put","value":1,"call":0,"return":1,"result":"ok","Value":7}`, `line 2: unknown key "Value"`},
		{"header key in another case", `{"MODEL":"lifo"}`, `line 1: unknown key "MODEL"`},
		{"repeated key", `{"client":0,"op":"put","value":1,"value":2,"call":0,"return":1,"result":"ok"}`, `line 1: duplicate key "value"`},
		{"repeated key escaped", `{"client":0,"op":"put","value":1,"val\u0075e":2,"call":0,"return":1,"result":"ok"}`, `line 1: duplicate key "value"`},
		{"repeated null key", `{"client":0,"op":"join","call":null,"call":1,"return":2,"result":"ok"}`, `line 1: duplicate key "call"`},
		{"repeated header key", `{"model":"fifo","model":"lifo"}`, `line 1: duplicate key "model"`},
		{"unknown op", `{"client":0,"op":"peek","call":1,"return":2,"result":"ok"}`, `line 1: unknown op "peek"`},
		{"unknown result", `{"client":0,"op":"get","call":1,"return":2,"result":"timeout"}`, `line 1: unknown result "timeout"`},
		{"result not allowed", `{"client":0,"op":"put","value":1,"call":1,"return":2,"result":"empty"}`, `line 1: put cannot have the result "empty"`},
		{"join shutdown", `{"client":0,"op":"join","call":1,"return":2,"result":"shutdown"}`, `line 1: join cannot have the result "shutdown"`},
		{"missing client", `{"op":"join","call":1,"return":2,"result":"ok"}`, `line 1: missing field "client"`},
		{"missing op", `{"client":0,"call":1,"return":2,"result":"ok"}`, `line 1: missing field "op"`},
		{"missing call", `{"client":0,"op":"join","return":2,"result":"ok"}`, `line 1: missing field "call"`},
		{"missing result", `{"client":0,"op":"join","call":1,"return":2}`, `line 1: missing field "result"`},
		{"null call", `{"client":0,"op":"join","call":null,"return":2,"result":"ok"}`, `line 1: missing field "call"`},
		{"missing return", `{"client":0,"op":"join","call":1,"result":"ok"}`, `line 1: missing field "return"`},
		{"missing put value", `{"client":0,"op":"try_put","call":1,"return":2,"result":"full"}`, `line 1: missing field "value": try_put needs`},
		{"missing get value", `{"client":0,"op":"get","call":1,"return":2,"result":"ok"}`, `line 1: missing field "value": get with result "ok"`},
		{"missing len value", `{"client":0,"op":"len","call":1,"return":2,"result":"ok"}`, `line 1: missing field "value": len`},
		{"value on empty", `{"client":0,"op":"try_get","value":3,"call":1,"return":2,"result":"empty"}`, `line 1: "value" is not allowed for try_get with result "empty"`},
		{"value on join", `{"client":0,"op":"join","value":3,"call":1,"return":2,"result":"ok"}`, `line 1: "value" is not allowed for join`},
		{"immediate on put", `{"client":0,"op":"put","value":3,"immediate":true,"call":1,"return":2,"result":"ok"}`, `line 1: "immediate" is only for shutdown`},
		{"float value", `{"client":0,"op":"put","value":1.5,"call":1,"return":2,"result":"ok"}`, `line 1: field "value" must be an integer (int64), not number 1.5`},
		{"string client", `{"client":"a","op":"put","value":1,"call":1,"return":2,"result":"ok"}`, `line 1: field "client" must be an integer`},
		{"huge call", `{"client":0,"op":"join","call":99999999999999999999,"return":2,"result":"ok"}`, `line 1: field "call" must be an integer`},
		{"return before call", ok + `{"client":1,"op":"join","call":5,"return":4,"result":"ok"}`, `line 2: return 4 is before call 5`},
		{"negative client", `{"client":-1,"op":"join","call":1,"return":2,"result":"ok"}`, `line 1: negative client -1`},
		{"negative len", `{"client":0,"op":"len","value":-1,"call":1,"return":2,"result":"ok"}`, `line 1: len returned a negative length -1`},
		{"return on unknown", `{"client":0,"op":"join","call":1,"return":2,"result":"unknown"}`, `line 1: "return" is not allowed with result "unknown"`},
		{"overlap", ok + "\n" + `{"client":0,"op":"get","value":1,"call":2,"return":4,"result":"ok"}` + "\n" +
			`{"client":0,"op":"len","value":0,"call":3,"return":5,"result":"ok"}`,
			"line 4: client 0 calls len at 3, before its get on line 3 returned at 4"},
		{"out of order", `{"client":0,"op":"join","call":10,"return":12,"result":"ok"}` + "\n" +
			`{"client":0,"op":"join","call":1,"return":2,"result":"ok"}`, "line 2: client 0 calls join at 1, before its join on line 1"},
		{"after unknown", `{"client":0,"op":"join","call":1,"result":"unknown"}` + "\n" + ok,
			"line 2: client 0 calls put after its join on line 1 had an unknown result"},
		{"late header", ok + `{"model":"fifo"}`, "line 2: a header ({\"model\": ...}) may only be the first line"},
		{"header without model", `{"capacity":3}`, `line 1: a header needs "model"`},
		{"header with op", `{"model":"fifo","op":"put"}`, `line 1: a header has only "model" and "capacity"`},
		{"unknown model", `{"model":"deque"}`, `line 1: unknown model "deque"`},
		{"negative capacity", `{"model":"fifo","capacity":-2}`, `line 1: capacity -2 is not a size`},
		{"too long", "\n" + strings.Repeat(" ", maxLine+1), "line 2: line longer than"},
		{"UTF-16 little endian", "\xFF\xFE{\x00}\x00\n\x00{\x00}\x00", "line 1: not UTF-8 (UTF-16 byte order mark)"},
		{"UTF-16 big endian", "\xFE\xFF\x00{\x00}\x00\n\x00{\x00}", "line 1: not UTF-8 (UTF-16 byte order mark)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.file))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a *FileError", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %q, want prefix %q", err, tc.want)
			}
		})
	}
}

// TestReadTouching checks that one client's operations may touch:
// a call at the time the previous operation returned is accepted.
func TestReadTouching(t *testing.T) {
	file := `{"client":0,"op":"put","value":1,"call":1,"return":2,"result":"ok"}
{"client":0,"op":"get","value":1,"call":2,"return":2,"result":"ok"}`
	if _, err := Read(strings.NewReader(file)); err != nil {
		t.Fatal(err)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	h, err := Read(strings.NewReader(historyExample))
	if err != nil {
		t.Fatal(err)
	}
	h.Operations = append(h.Operations, fileEveryOperation(4, 2000)...)
	var buf bytes.Buffer
	if err := Write(&buf, h); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for i := range h.Operations {
		h.Operations[i].Line = i + 2
	}
	if !reflect.DeepEqual(back, h) {
		t.Fatalf("round trip changed the history:\n%+v\n%+v\n%s", h, back, buf.String())
	}
}

// fileEveryOperation returns one operation for each op and result it can have,
// each by its own client (from client up), starting at time t.
func fileEveryOperation(client int, t int64) []Operation {
	var ops []Operation
	for o := models.Put; o <= models.Shutdown; o++ {
		for r := models.OK; r <= models.Unknown; r++ {
			if !o.Allowed(r) {
				continue
			}
			op := Operation{Client: client, Input: models.Input{Op: o}, Output: models.Output{Result: r}, Call: t, Return: t + 5}
			client, t = client+1, t+1
			switch {
			case o == models.Put || o == models.TryPut:
				op.Input.Value = -t
			case r == models.OK && (o == models.Get || o == models.TryGet || o == models.Len):
				op.Output.Value = t
			case o == models.Shutdown:
				op.Input.Immediate = t%2 == 0
			}
			if r == models.Unknown {
				op.Return = 0
			}
			ops = append(ops, op)
		}
	}
	return ops
}

// TestTestdataHistories checks that every history under testdata reads
// (or, for bad-*.jsonl, fails with a line number).
func TestTestdataHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "histories", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata histories: %v", err)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Read(f)
		f.Close()
		var fe *FileError
		if bad := strings.HasPrefix(filepath.Base(name), "bad-"); bad != errors.As(err, &fe) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

func TestWriteRefusesBadOperations(t *testing.T) {
	var buf bytes.Buffer
	h := History{Operations: []Operation{vPut(0, 1, 0, 1), vPut(-1, 2, 0, 1)}}
	var ve *ValidationError
	if err := Write(&buf, h); !errors.As(err, &ve) || ve.Index != 1 || !strings.Contains(err.Error(), "negative client") {
		t.Fatalf("got %v, want a *ValidationError for operation 1", err)
	}
	if err := Write(&buf, History{Kind: 5}); err == nil {
		t.Fatal("unknown kind written")
	}
}
