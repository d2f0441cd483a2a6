package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"reflect"

	fuzzheaders "github.com/AdaLogics/go-fuzz-headers"
)

// A libFuzzer binary built by go-118-fuzz-build hands its fuzz function
// the arguments that its testing stand-in (F.Fuzz) reads from the raw
// input with go-fuzz-headers' consumer, one after the other: a []byte is a
// big-endian uint32 length, then that many bytes (the length taken modulo
// what is left, 0 meaning 30); an integer its bytes big-endian, 16- and
// 64-bit ones followed by a byte saying little-endian when even; a bool
// one byte, true when even. An input too short for the arguments is not
// run at all. decodeLibFuzzer reads the same way with the same library
// (the version go-118-fuzz-build requires, pinned in go.mod), so a
// libFuzzer input becomes the Go corpus entry that runs the same.

// decodeLibFuzzer reads the arguments of the types kinds (as written in
// the fuzz function, "[]byte", "uint64"...) from a libFuzzer input; ok is
// false when the binary would not have run it.
func decodeLibFuzzer(raw []byte, kinds []string) (vals []any, ok bool) {
	c := fuzzheaders.NewConsumer(raw)
	for _, kind := range kinds {
		v, err := consume(c, kind)
		if err != nil {
			return nil, false
		}
		vals = append(vals, v)
	}
	return vals, true
}

// consume reads one argument of type kind, as go-118-fuzz-build's F.Fuzz
// does.
func consume(c *fuzzheaders.ConsumeFuzzer, kind string) (any, error) {
	switch kind {
	case "[]byte", "[]uint8":
		return c.GetBytes()
	case "string":
		return c.GetString()
	case "bool":
		return c.GetBool()
	case "int8", "uint8", "byte":
		b, err := c.GetByte()
		return convertInt(kind, uint64(b)), err
	case "int16", "uint16":
		u, err := c.GetUint16()
		return convertInt(kind, uint64(u)), err
	case "int32", "uint32", "rune":
		u, err := c.GetUint32()
		return convertInt(kind, uint64(u)), err
	case "int", "int64", "uint", "uint64":
		u, err := c.GetUint64()
		return convertInt(kind, u), err
	}
	return nil, fmt.Errorf("pcq: fuzz argument type %s is not supported", kind)
}

// convertInt converts u to the integer type kind, wrapping as Go does.
func convertInt(kind string, u uint64) any {
	switch kind {
	case "int8":
		return int8(u)
	case "uint8", "byte":
		return uint8(u)
	case "int16":
		return int16(u)
	case "uint16":
		return uint16(u)
	case "int32", "rune":
		return int32(u)
	case "uint32":
		return uint32(u)
	case "int":
		return int(u)
	case "int64":
		return int64(u)
	case "uint":
		return uint(u)
	}
	return u
}

// encodeLibFuzzer writes vals as a libFuzzer input that decodes into them
// (a seed for the libFuzzer binary); ok is false for the values that have
// no such input (an empty last []byte or string).
func encodeLibFuzzer(vals []any, kinds []string) (raw []byte, ok bool) {
	if len(vals) != len(kinds) {
		return nil, false
	}
	for _, v := range vals {
		switch v := v.(type) {
		case []byte:
			raw = binary.BigEndian.AppendUint32(raw, uint32(len(v)))
			raw = append(raw, v...)
		case string:
			raw = binary.BigEndian.AppendUint32(raw, uint32(len(v)))
			raw = append(raw, v...)
		case bool:
			raw = append(raw, map[bool]byte{true: 0, false: 1}[v])
		default:
			raw = appendInt(raw, v)
		}
	}
	back, ok := decodeLibFuzzer(raw, kinds)
	return raw, ok && reflect.DeepEqual(back, vals)
}

// appendInt appends the integer v big-endian, with the byte that says so
// after a 16- or 64-bit one.
func appendInt(raw []byte, v any) []byte {
	rv := reflect.ValueOf(v)
	var u uint64
	if rv.CanInt() {
		u = uint64(rv.Int())
	} else if rv.CanUint() {
		u = rv.Uint()
	}
	switch rv.Type().Size() {
	case 1:
		return append(raw, byte(u))
	case 2:
		return append(binary.BigEndian.AppendUint16(raw, uint16(u)), 1)
	case 4:
		return binary.BigEndian.AppendUint32(raw, uint32(u))
	}
	return append(binary.BigEndian.AppendUint64(raw, u), 1)
}

// libfuzzerToCorpus turns the libFuzzer input in the file path into the Go
// corpus file of the same input for a target whose arguments are of types
// kinds; ok is false when the binary would not have run it.
func libfuzzerToCorpus(path string, kinds []string) (data []byte, ok bool, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, false, err
	}
	vals, ok := decodeLibFuzzer(raw, kinds)
	if !ok {
		return nil, false, nil
	}
	data, err = marshalCorpus(vals)
	return data, err == nil, err
}
