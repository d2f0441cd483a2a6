package history

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// atom reads a number, keyword, symbol, nil, true or false.
func (p *ednParser) atom() (ednValue, *FileError) {
	line := p.line
	tok := p.token()
	if len(tok) == 0 {
		p.pos++ // a delimiter no value starts with
		return ednValue{}, p.errorf(line, "unexpected %q", p.b[p.pos-1])
	}
	if !utf8.Valid(tok) {
		return ednValue{}, p.errorf(line, "invalid UTF-8")
	}
	c := tok[0]
	switch {
	case c >= '0' && c <= '9', (c == '-' || c == '+') && len(tok) > 1 && tok[1] >= '0' && tok[1] <= '9':
		return number(tok, line)
	case c == ':':
		if len(tok) == 1 || tok[1] == ':' && len(tok) == 2 {
			return ednValue{}, p.errorf(line, "a keyword without a name")
		}
		return ednValue{kind: ednKeyword, line: line, s: p.intern(bytes.TrimPrefix(tok[1:], []byte(":")))}, nil
	}
	switch string(tok) {
	case "nil":
		return ednValue{kind: ednNil, line: line}, nil
	case "true":
		return ednValue{kind: ednBool, line: line, i: 1}, nil
	case "false":
		return ednValue{kind: ednBool, line: line}, nil
	}
	return ednValue{kind: ednSymbol, line: line, s: p.intern(tok)}, nil
}

// number reads an integer (with an optional N suffix), a float (optional M
// suffix) or a ratio. Only an integer that fits an int64 is ednInt.
func number(tok []byte, line int) (ednValue, *FileError) {
	if i, ok := smallInt(tok); ok {
		return ednValue{kind: ednInt, line: line, i: i}, nil
	}
	s := string(tok)
	if i, err := strconv.ParseInt(strings.TrimSuffix(s, "N"), 10, 64); err == nil {
		return ednValue{kind: ednInt, line: line, i: i}, nil
	}
	if isNumber(s) {
		return ednValue{kind: ednNumber, line: line}, nil
	}
	return ednValue{}, &FileError{Line: line, Msg: "bad number " + strconv.Quote(s)}
}

// smallInt parses the common integer: an optional minus sign and at most
// 18 digits, which cannot overflow.
func smallInt(tok []byte) (int64, bool) {
	digits := tok
	if len(tok) > 0 && tok[0] == '-' {
		digits = tok[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = 10*n + int64(c-'0')
	}
	if len(digits) < len(tok) {
		n = -n
	}
	return n, true
}

// isNumber reports whether s is an EDN number other than an int64: a big
// integer, a float, a decimal or a ratio.
func isNumber(s string) bool {
	if num, den, ok := strings.Cut(s, "/"); ok {
		return isDigits(strings.TrimLeft(num, "+-")) && isDigits(den)
	}
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return false
	}
	if isDigits(strings.TrimSuffix(body, "N")) {
		return true
	}
	body = strings.TrimSuffix(body, "M")
	_, err := strconv.ParseFloat(body, 64)
	return err == nil || strings.Contains(err.Error(), "out of range")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// str reads a string literal.
func (p *ednParser) str() (ednValue, *FileError) {
	line := p.line
	p.pos++
	var out []byte
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '"':
			if !utf8.Valid(out) {
				return ednValue{}, p.errorf(line, "invalid UTF-8 in a string")
			}
			return ednValue{kind: ednString, line: line, s: string(out)}, nil
		case '\n':
			p.line++
		case '\\':
			r, err := p.escape()
			if err != nil {
				return ednValue{}, err
			}
			out = utf8.AppendRune(out, r)
			continue
		}
		out = append(out, c)
	}
	return ednValue{}, p.errorf(line, "a string opened here is never closed")
}

// escape reads what follows a backslash in a string.
func (p *ednParser) escape() (rune, *FileError) {
	if p.pos >= len(p.b) {
		return 0, p.errorf(p.line, "a string ends in a backslash")
	}
	c := p.b[p.pos]
	p.pos++
	switch c {
	case '"', '\\':
		return rune(c), nil
	case 'n':
		return '\n', nil
	case 't':
		return '\t', nil
	case 'r':
		return '\r', nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'u':
		if p.pos+4 <= len(p.b) {
			if n, err := strconv.ParseUint(string(p.b[p.pos:p.pos+4]), 16, 16); err == nil {
				p.pos += 4
				return rune(n), nil
			}
		}
		return 0, p.errorf(p.line, `\u in a string without four hex digits`)
	}
	return 0, p.errorf(p.line, "unknown escape \\%c in a string", c)
}
