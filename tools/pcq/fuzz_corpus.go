package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"unicode/utf8"
)

// marshalCorpus encodes the arguments of one fuzz input as a Go corpus
// file, as go test -fuzz writes them (internal/fuzz's marshalCorpusFile),
// for the types a libFuzzer input decodes into (libfuzzerKinds).
func marshalCorpus(vals []any) ([]byte, error) {
	b := bytes.NewBufferString(corpusHeader)
	for _, v := range vals {
		switch v := v.(type) {
		case int, int8, int16, int64, uint, uint16, uint32, uint64, bool:
			fmt.Fprintf(b, "%T(%v)\n", v, v)
		case int32:
			if utf8.ValidRune(v) {
				fmt.Fprintf(b, "rune(%q)\n", v)
			} else {
				fmt.Fprintf(b, "int32(%v)\n", v)
			}
		case uint8:
			fmt.Fprintf(b, "byte(%q)\n", v)
		case string:
			fmt.Fprintf(b, "string(%q)\n", v)
		case []byte:
			fmt.Fprintf(b, "[]byte(%q)\n", v)
		default:
			return nil, fmt.Errorf("pcq: a corpus value of type %T is not supported", v)
		}
	}
	return b.Bytes(), nil
}

// unmarshalCorpus decodes a Go corpus file into its values, for the types
// marshalCorpus writes (floats are refused).
func unmarshalCorpus(data []byte) ([]any, error) {
	rest, ok := bytes.CutPrefix(data, []byte(corpusHeader))
	if !ok {
		return nil, fmt.Errorf("pcq: not a Go fuzz corpus file")
	}
	var vals []any
	for line := range bytes.Lines(rest) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		v, err := parseCorpusValue(string(line))
		if err != nil {
			return nil, fmt.Errorf("pcq: corpus line %q: %w", line, err)
		}
		vals = append(vals, v)
	}
	return vals, nil
}

// parseCorpusValue parses one line of a corpus file: T(literal).
func parseCorpusValue(line string) (any, error) {
	expr, err := parser.ParseExpr(line)
	if err != nil {
		return nil, err
	}
	call, ok := expr.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, fmt.Errorf("want T(value)")
	}
	typ := types.ExprString(call.Fun)
	lit, err := literal(call.Args[0])
	if err != nil {
		return nil, err
	}
	switch typ {
	case "[]byte", "[]uint8", "string":
		s, err := strconv.Unquote(lit)
		if err != nil {
			return nil, err
		}
		if typ == "string" {
			return s, nil
		}
		return []byte(s), nil
	case "bool":
		return strconv.ParseBool(lit)
	case "byte", "uint8", "rune", "int32":
		if len(lit) > 0 && lit[0] == '\'' {
			r, _, _, err := strconv.UnquoteChar(lit[1:len(lit)-1], '\'')
			if err != nil {
				return nil, err
			}
			lit = strconv.Itoa(int(r))
		}
	}
	return parseInteger(typ, lit)
}

// literal returns the source of a corpus value: a basic literal, true or
// false, or a negated number.
func literal(e ast.Expr) (string, error) {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value, nil
	case *ast.Ident:
		return e.Name, nil
	case *ast.UnaryExpr:
		if lit, ok := e.X.(*ast.BasicLit); ok && e.Op == token.SUB {
			return "-" + lit.Value, nil
		}
	}
	return "", fmt.Errorf("want a literal")
}

// parseInteger parses lit as a value of the integer type named typ.
func parseInteger(typ, lit string) (any, error) {
	sizes := map[string]int{"int": 0, "int8": 8, "int16": 16, "int32": 32, "rune": 32, "int64": 64,
		"uint": 0, "uint8": 8, "byte": 8, "uint16": 16, "uint32": 32, "uint64": 64}
	size, ok := sizes[typ]
	if !ok {
		return nil, fmt.Errorf("type %s is not supported", typ)
	}
	if typ[0] == 'u' || typ == "byte" {
		u, err := strconv.ParseUint(lit, 0, size)
		if err != nil {
			return nil, err
		}
		switch size {
		case 0:
			return uint(u), nil
		case 8:
			return uint8(u), nil
		case 16:
			return uint16(u), nil
		case 32:
			return uint32(u), nil
		}
		return u, nil
	}
	i, err := strconv.ParseInt(lit, 0, size)
	if err != nil {
		return nil, err
	}
	switch size {
	case 0:
		return int(i), nil
	case 8:
		return int8(i), nil
	case 16:
		return int16(i), nil
	case 32:
		return int32(i), nil
	}
	return i, nil
}

// isCorpusFile reports whether data is a Go corpus file.
func isCorpusFile(data []byte) bool { return bytes.HasPrefix(data, []byte(corpusHeader)) }
