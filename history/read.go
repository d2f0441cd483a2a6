package history

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pcqkit/pcq/models"
)

// maxLine is the longest line Read accepts.
const maxLine = 1 << 20

// FileError is a bad line of a history file.
type FileError struct {
	Line int    // 1-based line number
	Msg  string // what is wrong
}

// Error returns "line N: " and what is wrong.
func (e *FileError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// line is one line of a history file, header or operation. Pointers tell an
// absent field (or JSON null) from a zero.
type line struct {
	Model     *string `json:"model"`
	Capacity  *int64  `json:"capacity"`
	Client    *int64  `json:"client"`
	Op        *string `json:"op"`
	Value     *int64  `json:"value"`
	Immediate *bool   `json:"immediate"`
	Call      *int64  `json:"call"`
	Return    *int64  `json:"return"`
	Result    *string `json:"result"`
}

// Read reads a history file in format version 1 (FORMAT.md, beside this
// package): JSON Lines,
// an optional header {"model": ..., "capacity": ...} on the first non-blank
// line, then one operation a line; blank lines are ignored. The model
// defaults to FIFO and the capacity to 0 (unbounded).
//
// Every bad line is reported, each a *[FileError] naming the line and what
// is wrong (one bad line: that *FileError; more: a *[BadLinesError] listing
// them, the first 100 by number): invalid JSON, an unknown, differently
// cased or repeated key, an unknown op, result or model, a result the op
// cannot have, a missing or misplaced field, a return before its call or on
// an unknown operation, a negative client, two overlapping operations of
// one client, an operation of a client after its unknown one, a header
// after the first line. A file in UTF-16 is one error on line 1. Each
// operation's Line is set. Duplicate put values are not an error
// here: [Validate] reports them. An error reading r is returned as it is.
func Read(r io.Reader) (History, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	hr := historyReader{h: History{Kind: models.FIFO}}
	var bad badLines
	for !hr.stop && sc.Scan() {
		if fe := hr.add(sc.Bytes()); fe != nil {
			bad.add(fe)
		}
	}
	if err := sc.Err(); err != nil {
		if !errors.Is(err, bufio.ErrTooLong) {
			return History{}, err
		}
		bad.add(&FileError{Line: hr.n + 1, Msg: fmt.Sprintf("line longer than %d bytes (the rest of the file is not read)", maxLine)})
	}
	h := hr.h
	h.Operations = hr.ops.all()
	if i, msg := checkClients(h.Operations); msg != "" {
		bad.add(&FileError{Line: h.Operations[i].Line, Msg: msg})
	}
	if err := bad.err(); err != nil {
		return History{}, err
	}
	return h, nil
}

// isUTF16 reports whether the first line of a file starts with a UTF-16
// byte order mark, little or big endian.
func isUTF16(start []byte) bool {
	return bytes.HasPrefix(start, []byte{0xFF, 0xFE}) || bytes.HasPrefix(start, []byte{0xFE, 0xFF})
}

// historyReader is Read's state between lines.
type historyReader struct {
	h    History
	n    int  // the number of the line read last
	seen bool // a non-blank line was read before
	stop bool // the rest of the file is not to be read
	l    line
	st   scanStore
	ops  opChunks
}

// add reads the next line.
func (hr *historyReader) add(text []byte) *FileError {
	hr.n++
	text = bytes.TrimSpace(text)
	if hr.n == 1 {
		if isUTF16(text) {
			hr.stop = true
			return &FileError{Line: 1, Msg: "not UTF-8 (UTF-16 byte order mark): the rest of the file is not read"}
		}
		text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	}
	if len(text) == 0 {
		return nil
	}
	l := &hr.l
	if !scanLine(text, l, &hr.st) {
		*l = line{}
		if msg := decodeLine(text, l); msg != "" {
			return &FileError{Line: hr.n, Msg: msg}
		}
	}
	first := !hr.seen
	hr.seen = true
	if l.Model != nil || l.Capacity != nil {
		if !first {
			return &FileError{Line: hr.n, Msg: "a header ({\"model\": ...}) may only be the first line"}
		}
		if msg := l.header(&hr.h); msg != "" {
			return &FileError{Line: hr.n, Msg: msg}
		}
		return nil
	}
	op, msg := l.operation()
	if msg != "" {
		return &FileError{Line: hr.n, Msg: msg}
	}
	op.Line = hr.n
	hr.ops.add(op)
	return nil
}

// decodeLine decodes one JSON object, strictly: no unknown, differently
// cased or repeated key (keys.go), nothing after the object. It returns
// what is wrong, or "".
func decodeLine(text []byte, l *line) string {
	if text[0] != '{' {
		return "not a JSON object"
	}
	if msg := checkKeys(text); msg != "" {
		return msg
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(l); err != nil {
		return jsonMessage(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return "invalid JSON: more after the object"
	}
	return ""
}

// jsonMessage turns a decoding error into words without Go type names.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := map[string]string{"model": "a string", "op": "a string", "result": "a string",
			"immediate": "true or false"}[te.Field]
		if want == "" {
			want = "an integer (int64)"
		}
		return fmt.Sprintf("field %q must be %s, not %s", te.Field, want, te.Value)
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}

// header fills h's kind and capacity from a header line.
func (l *line) header(h *History) string {
	switch {
	case l.Model == nil:
		return `a header needs "model" ("fifo", "lifo" or "priority")`
	case l.Client != nil || l.Op != nil || l.Value != nil || l.Immediate != nil ||
		l.Call != nil || l.Return != nil || l.Result != nil:
		return `a header has only "model" and "capacity"`
	}
	k, err := models.ParseKind(*l.Model)
	if err != nil {
		return fmt.Sprintf("unknown model %q (want fifo, lifo or priority)", *l.Model)
	}
	h.Kind = k
	if l.Capacity != nil {
		if *l.Capacity < 0 || int64(int(*l.Capacity)) != *l.Capacity {
			return fmt.Sprintf("capacity %d is not a size (0 or absent: unbounded)", *l.Capacity)
		}
		h.Capacity = int(*l.Capacity)
	}
	return ""
}

// opChunks gathers operations in chunks, so that reading a long file
// copies each operation once, into a slice of the exact length.
type opChunks struct {
	full [][]Operation
	cur  []Operation
	n    int
}

func (c *opChunks) add(op Operation) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]Operation, 0, min(4096, 2*cap(c.cur)+16))
	}
	c.cur = append(c.cur, op)
	c.n++
}

// all returns the operations in order; nil when there are none.
func (c *opChunks) all() []Operation {
	if c.n == 0 {
		return nil
	}
	ops := make([]Operation, 0, c.n)
	for _, chunk := range c.full {
		ops = append(ops, chunk...)
	}
	return append(ops, c.cur...)
}
