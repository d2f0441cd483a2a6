package history

import "strconv"

// scanStore holds the values a fast-scanned line's pointers point to.
type scanStore struct {
	ints [6]int64 // capacity, client, value, call, return, and a spare
	imm  bool
}

// scanLine decodes the common shape of a history line without reflection:
// one flat object whose keys are exactly the field scanNames and whose values
// are plain ASCII strings without escapes, integers, booleans or null.
// It reports false for anything else (an escape, a non-ASCII byte, a
// number with a fraction or an exponent, an unknown, differently cased or
// repeated key, invalid JSON), and the caller then decodes the line with
// decodeLine, which is the reference: whenever scanLine reports true, l is
// what decodeLine would decode (FuzzScanLine checks it).
func scanLine(text []byte, l *line, st *scanStore) bool {
	*l = line{}
	s := scanner{b: text}
	if !s.skip('{') {
		return false
	}
	if s.skip('}') {
		return s.end()
	}
	for {
		key, ok := s.str()
		if !ok || !s.skip(':') || !s.field(key, l, st) {
			return false
		}
		if s.skip('}') {
			return s.end()
		}
		if !s.skip(',') {
			return false
		}
	}
}

// scanner walks a line's bytes.
type scanner struct {
	b    []byte
	i    int
	seen uint16 // the keys read, by bit (field)
}

// ws skips JSON whitespace.
func (s *scanner) ws() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\r' || s.b[s.i] == '\n') {
		s.i++
	}
}

// skip consumes c after whitespace, if it is next.
func (s *scanner) skip(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only whitespace is left.
func (s *scanner) end() bool {
	s.ws()
	return s.i == len(s.b)
}

// str consumes a string of printable ASCII without escapes.
func (s *scanner) str() ([]byte, bool) {
	if !s.skip('"') {
		return nil, false
	}
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return s.b[start : s.i-1], true
		case c == '\\' || c < 0x20 || c >= 0x80:
			return nil, false
		}
	}
	return nil, false
}

// literal consumes the word w (null, true, false).
func (s *scanner) literal(w string) bool {
	s.ws()
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	return false
}

// int consumes a JSON integer that fits int64 (null: nil).
func (s *scanner) int(p **int64, slot *int64) bool {
	if s.literal("null") {
		*p = nil
		return true
	}
	start := s.i
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	digits := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	n := s.i - digits
	if n == 0 || (n > 1 && s.b[digits] == '0') {
		return false
	}
	if s.i < len(s.b) && (s.b[s.i] == '.' || s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		return false
	}
	if n > 18 { // may overflow: let strconv decide
		v, err := strconv.ParseInt(string(s.b[start:s.i]), 10, 64)
		if err != nil {
			return false
		}
		*slot, *p = v, slot
		return true
	}
	var v int64
	for _, c := range s.b[digits:s.i] {
		v = v*10 + int64(c-'0')
	}
	if digits > start {
		v = -v
	}
	*slot, *p = v, slot
	return true
}

// field consumes the value of key into l. A key seen before on the line
// is left to decodeLine, whose check of the keys reports it.
func (s *scanner) field(key []byte, l *line, st *scanStore) bool {
	switch string(key) {
	case "client":
		return s.once(0) && s.int(&l.Client, &st.ints[1])
	case "op":
		return s.once(1) && s.name(&l.Op)
	case "value":
		return s.once(2) && s.int(&l.Value, &st.ints[2])
	case "call":
		return s.once(3) && s.int(&l.Call, &st.ints[3])
	case "return":
		return s.once(4) && s.int(&l.Return, &st.ints[4])
	case "result":
		return s.once(5) && s.name(&l.Result)
	case "immediate":
		return s.once(6) && s.bool(&l.Immediate, &st.imm)
	case "model":
		return s.once(7) && s.name(&l.Model)
	case "capacity":
		return s.once(8) && s.int(&l.Capacity, &st.ints[0])
	}
	return false
}

// once reports whether the key of bit k is read for the first time on
// the line, and marks it read.
func (s *scanner) once(k uint) bool {
	if s.seen&(1<<k) != 0 {
		return false
	}
	s.seen |= 1 << k
	return true
}

// bool consumes true, false or null.
func (s *scanner) bool(p **bool, slot *bool) bool {
	switch {
	case s.literal("null"):
		*p = nil
	case s.literal("true"):
		*slot, *p = true, slot
	case s.literal("false"):
		*slot, *p = false, slot
	default:
		return false
	}
	return true
}

// scanNames are the strings of history files, shared so that scanning them
// does not allocate.
var scanNames = func() map[string]*string {
	m := make(map[string]*string)
	for _, w := range []string{"put", "try_put", "get", "try_get", "len", "task_done", "join", "shutdown",
		"ok", "full", "empty", "canceled", "error", "unknown", "fifo", "lifo", "priority"} {
		m[w] = &w
	}
	return m
}()

// name consumes a string (or null) into *p.
func (s *scanner) name(p **string) bool {
	if s.literal("null") {
		*p = nil
		return true
	}
	b, ok := s.str()
	if !ok {
		return false
	}
	if n, known := scanNames[string(b)]; known {
		*p = n
		return true
	}
	str := string(b)
	*p = &str
	return true
}
