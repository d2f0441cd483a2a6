package history

// jepsenType is an event's :type.
type jepsenType uint8

const (
	jepsenInvoke jepsenType = iota + 1
	jepsenOK
	jepsenFail
	jepsenInfo
)

var jepsenTypes = map[string]jepsenType{"invoke": jepsenInvoke, "ok": jepsenOK, "fail": jepsenFail, "info": jepsenInfo}

// The :f of the operations ReadJepsen reads.
const (
	jepsenEnqueue = "enqueue"
	jepsenDequeue = "dequeue"
	jepsenDrain   = "drain"
)

// jepsenEvent is one map of a Jepsen history: an invocation or a
// completion of a process's operation.
type jepsenEvent struct {
	typ     jepsenType
	process int64
	client  bool // :process is an integer: a client; else (:nemesis) skipped
	f       string
	value   ednValue // nil when absent
	line    int
}

// eventOf reads one operation map of a Jepsen history: its :type,
// :process, :f and :value. Other keys (:index, :time, :error, :node...)
// are ignored; a tagged map (#jepsen.history.Op{...}) reaches it as the
// map (the parser drops a map's tags).
func eventOf(v ednValue) (jepsenEvent, *FileError) {
	if v.kind != ednMap {
		return jepsenEvent{}, &FileError{Line: v.line, Msg: "an operation must be a map {:type ... :process ... :f ...}, not " + v.describe()}
	}
	e := jepsenEvent{line: v.line}
	var typ, process, f *ednValue
	for i := 0; i < len(v.items); i += 2 {
		key, val := v.items[i], &v.items[i+1]
		if key.kind != ednKeyword {
			continue
		}
		var slot **ednValue
		switch key.s {
		case "type":
			slot = &typ
		case "process":
			slot = &process
		case "f":
			slot = &f
		case "value":
			e.value = *val
			continue
		default:
			continue
		}
		if *slot != nil {
			return jepsenEvent{}, &FileError{Line: key.line, Msg: "key :" + key.s + " twice in one operation"}
		}
		*slot = val
	}
	if msg := e.fill(typ, process, f); msg != "" {
		return jepsenEvent{}, &FileError{Line: v.line, Msg: msg}
	}
	return e, nil
}

// fill sets the event's type, process and function, or says what is wrong.
func (e *jepsenEvent) fill(typ, process, f *ednValue) string {
	switch {
	case typ == nil:
		return "missing key :type"
	case process == nil:
		return "missing key :process"
	case f == nil:
		return "missing key :f"
	case typ.kind != ednKeyword || jepsenTypes[typ.s] == 0:
		return ":type must be :invoke, :ok, :fail or :info, not " + typ.describe()
	}
	e.typ = jepsenTypes[typ.s]
	e.process, e.client = process.i, process.kind == ednInt
	if !e.client {
		return ""
	}
	if f.kind != ednKeyword || (f.s != jepsenEnqueue && f.s != jepsenDequeue && f.s != jepsenDrain) {
		return "a client's :f must be :enqueue, :dequeue or :drain, not " + f.describe()
	}
	e.f = f.s
	return ""
}
