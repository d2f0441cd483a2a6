package history

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// ednKind is the kind of an EDN value, as far as ReadJepsen tells them apart.
type ednKind uint8

const (
	ednNil ednKind = iota
	ednBool
	ednInt     // an integer that fits in an int64
	ednNumber  // any other number: a float, a ratio, a big integer, ##Inf
	ednString  // s holds the decoded text
	ednChar    // s holds the character's name
	ednKeyword // s holds the name without the colon
	ednSymbol  // s holds the name
	ednList
	ednVector
	ednSet
	ednMap    // items alternate key, value
	ednTagged // s holds the tag, items[0] the value
)

var ednKindNames = [...]string{ednNil: "nil", ednBool: "a boolean", ednInt: "an integer",
	ednNumber: "a number", ednString: "a string", ednChar: "a character", ednKeyword: "a keyword",
	ednSymbol: "a symbol", ednList: "a list", ednVector: "a vector", ednSet: "a set", ednMap: "a map",
	ednTagged: "a tagged value"}

// ednValue is one EDN value and the line it starts on.
type ednValue struct {
	kind  ednKind
	line  int
	i     int64 // ednInt's value; ednBool: 1 for true
	s     string
	items []ednValue
}

// describe names v for an error message: its kind, and its text when short.
func (v ednValue) describe() string {
	switch v.kind {
	case ednInt:
		return strconv.FormatInt(v.i, 10)
	case ednKeyword:
		return ":" + v.s
	case ednNil:
		return "nil"
	}
	return ednKindNames[v.kind]
}

// maxEDNDepth bounds the nesting of collections, so that a hostile file
// cannot exhaust the stack.
const maxEDNDepth = 200

// ednParser reads EDN values from b: the subset Jepsen's history.edn uses,
// and the rest of EDN's syntax so that values ReadJepsen ignores (an
// :error, a :node) cannot make a file unreadable. Every error is a
// *FileError naming the line.
type ednParser struct {
	b     []byte
	pos   int
	line  int
	names map[string]string // interned keyword and symbol names
	stack []ednValue        // the items of the collections being read
}

func newEDNParser(b []byte) *ednParser {
	return &ednParser{b: b, line: 1, names: make(map[string]string)}
}

func (p *ednParser) errorf(line int, format string, a ...any) *FileError {
	return &FileError{Line: line, Msg: fmt.Sprintf(format, a...)}
}

// more skips white space, commas and comments, and reports whether a value
// follows.
func (p *ednParser) more() bool {
	for p.pos < len(p.b) {
		switch c := p.b[p.pos]; c {
		case '\n':
			p.line++
			p.pos++
		case ' ', '\t', '\r', ',', '\f', '\v':
			p.pos++
		case ';':
			for p.pos < len(p.b) && p.b[p.pos] != '\n' {
				p.pos++
			}
		default:
			return true
		}
	}
	return false
}

// value reads the next value, which more has said is there. With view,
// the items of the value itself (not of the collections in it) are not
// copied out of the parser's scratch space: they stay valid only until
// the next call, which saves a top-level operation map an allocation.
func (p *ednParser) value(depth int, view bool) (ednValue, *FileError) {
	if depth > maxEDNDepth {
		return ednValue{}, p.errorf(p.line, "values nested more than %d deep", maxEDNDepth)
	}
	line := p.line
	switch c := p.b[p.pos]; c {
	case '(':
		return p.collection(ednList, ')', depth, view)
	case '[':
		return p.collection(ednVector, ']', depth, view)
	case '{':
		return p.collection(ednMap, '}', depth, view)
	case ')', ']', '}':
		return ednValue{}, p.errorf(line, "unexpected %q", c)
	case '"':
		return p.str()
	case '\\':
		p.pos++
		if p.pos >= len(p.b) {
			return ednValue{}, p.errorf(line, "a character literal without its character")
		}
		_, n := utf8.DecodeRune(p.b[p.pos:])
		p.pos += n
		name := string(p.b[p.pos-n:p.pos]) + string(p.token())
		return ednValue{kind: ednChar, line: line, s: name}, nil
	case '#':
		return p.dispatch(depth, view)
	}
	return p.atom()
}

// collection reads a list, vector, map or set, whose opening bracket is at
// p.pos (for a set: its '{').
func (p *ednParser) collection(kind ednKind, closer byte, depth int, view bool) (ednValue, *FileError) {
	v := ednValue{kind: kind, line: p.line}
	p.pos++
	base := len(p.stack)
	defer func() { p.stack = p.stack[:base] }()
	for {
		if !p.more() {
			return ednValue{}, p.errorf(v.line, "%s opened here is never closed", ednKindNames[kind])
		}
		if p.b[p.pos] == closer {
			p.pos++
			break
		}
		item, err := p.value(depth+1, false)
		if err != nil {
			return ednValue{}, err
		}
		if !item.discarded() {
			p.stack = append(p.stack, item)
		}
	}
	switch {
	case len(p.stack) == base:
	case view:
		v.items = p.stack[base:len(p.stack):len(p.stack)]
	default:
		v.items = slices.Clone(p.stack[base:])
	}
	if kind == ednMap && len(v.items)%2 != 0 {
		return ednValue{}, p.errorf(v.line, "a map with a key and no value")
	}
	return v, nil
}

// discardedKind marks the place of a #_ form, which the collection drops.
const discardedKind ednKind = 255

func (v ednValue) discarded() bool { return v.kind == discardedKind }

// dispatch reads what follows '#': a set, a discarded form, a symbolic
// value (##Inf) or a tagged value (#inst "...", #jepsen.history.Op{...}).
func (p *ednParser) dispatch(depth int, view bool) (ednValue, *FileError) {
	line := p.line
	p.pos++
	if p.pos >= len(p.b) {
		return ednValue{}, p.errorf(line, "a lone #")
	}
	switch p.b[p.pos] {
	case '{':
		return p.collection(ednSet, '}', depth, view)
	case '_':
		p.pos++
		if !p.more() {
			return ednValue{}, p.errorf(line, "#_ without a form to discard")
		}
		if _, err := p.value(depth+1, false); err != nil {
			return ednValue{}, err
		}
		return ednValue{kind: discardedKind, line: line}, nil
	case '#':
		p.pos++
		if len(p.token()) == 0 {
			return ednValue{}, p.errorf(line, "## without a name")
		}
		return ednValue{kind: ednNumber, line: line}, nil
	}
	tag := p.token()
	if len(tag) == 0 {
		return ednValue{}, p.errorf(line, "# followed by %q", p.b[p.pos])
	}
	v := ednValue{kind: ednTagged, line: line, s: p.intern(tag)}
	if !p.more() {
		return ednValue{}, p.errorf(line, "tag #%s without a value", v.s)
	}
	inner, err := p.value(depth+1, view)
	if err != nil {
		return ednValue{}, err
	}
	if inner.discarded() {
		return ednValue{}, p.errorf(line, "tag #%s without a value", v.s)
	}
	if inner.kind == ednMap {
		// a tagged map (a record: #jepsen.history.Op{...}) is read as the
		// map, however many tags it has, whether or not the parser copies
		return inner, nil
	}
	v.items = []ednValue{inner}
	return v, nil
}

// isDelimiter reports whether c ends a token.
func isDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', '\f', '\v', '(', ')', '[', ']', '{', '}', '"', ';', '\\':
		return true
	}
	return false
}

// token reads bytes up to the next delimiter.
func (p *ednParser) token() []byte {
	start := p.pos
	for p.pos < len(p.b) && !isDelimiter(p.b[p.pos]) {
		p.pos++
	}
	return p.b[start:p.pos]
}

func (p *ednParser) intern(b []byte) string {
	if s, ok := p.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(p.names) < 1<<12 {
		p.names[s] = s
	}
	return s
}
