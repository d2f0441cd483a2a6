package history

import (
	"bufio"
	"io"
	"strconv"

	"github.com/pcqkit/pcq/models"
)

// Write writes h in format version 1 (FORMAT.md), which [Read]
// reads back: a header line with the model and capacity, then one line per
// operation in the order of h.Operations, with the fields in the order
// client, op, value, immediate, call, return, result. Lines (Operation.Line)
// are not written; reading the file back numbers them anew.
//
// An operation that no file can hold (an unknown op or result, a result its
// op cannot have, a negative client, a return before its call) is a
// *[ValidationError], and what was written before it is flushed.
func Write(w io.Writer, h History) error {
	if h.Kind > models.Priority || h.Capacity < 0 {
		return Validate(History{Kind: h.Kind, Capacity: h.Capacity})
	}
	bw := bufio.NewWriter(w)
	buf := make([]byte, 0, 128)
	buf = append(buf, `{"model":"`...)
	buf = append(buf, h.Kind.String()...)
	buf = append(buf, `","capacity":`...)
	buf = strconv.AppendInt(buf, int64(h.Capacity), 10)
	buf = append(buf, "}\n"...)
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	for i, op := range h.Operations {
		if msg := checkOperation(op); msg != "" {
			bw.Flush()
			return &ValidationError{Index: i, Msg: ref(h.Operations, i) + ": " + msg}
		}
		if _, err := bw.Write(appendOperation(buf[:0], op)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// appendOperation appends op as one line of a history file.
func appendOperation(buf []byte, op Operation) []byte {
	o, r := op.Input.Op, op.Output.Result
	buf = append(buf, `{"client":`...)
	buf = strconv.AppendInt(buf, int64(op.Client), 10)
	buf = append(buf, `,"op":"`...)
	buf = append(buf, o.String()...)
	buf = append(buf, '"')
	switch {
	case o == models.Put || o == models.TryPut:
		buf = appendField(buf, "value", op.Input.Value)
	case (o == models.Get || o == models.TryGet || o == models.Len) && r == models.OK:
		buf = appendField(buf, "value", op.Output.Value)
	case o == models.Shutdown:
		buf = append(buf, `,"immediate":`...)
		buf = strconv.AppendBool(buf, op.Input.Immediate)
	}
	buf = appendField(buf, "call", op.Call)
	if r != models.Unknown {
		buf = appendField(buf, "return", op.Return)
	}
	buf = append(buf, `,"result":"`...)
	buf = append(buf, r.String()...)
	return append(buf, "\"}\n"...)
}

// appendField appends ,"name":v.
func appendField(buf []byte, name string, v int64) []byte {
	buf = append(buf, ',', '"')
	buf = append(buf, name...)
	buf = append(buf, '"', ':')
	return strconv.AppendInt(buf, v, 10)
}
