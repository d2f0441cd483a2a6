package history

import (
	"fmt"

	"github.com/pcqkit/pcq/models"
)

// operation turns an operation line into an Operation, or says what is wrong.
func (l *line) operation() (Operation, string) {
	for _, f := range []struct {
		name    string
		present bool
	}{{"client", l.Client != nil}, {"op", l.Op != nil}, {"call", l.Call != nil}, {"result", l.Result != nil}} {
		if !f.present {
			return Operation{}, fmt.Sprintf("missing field %q", f.name)
		}
	}
	o, err := models.ParseOp(*l.Op)
	if err != nil {
		return Operation{}, fmt.Sprintf("unknown op %q (want put, try_put, get, try_get, len, task_done, join or shutdown)", *l.Op)
	}
	r, err := models.ParseResult(*l.Result)
	if err != nil {
		return Operation{}, fmt.Sprintf("unknown result %q (want ok, full, empty, shutdown, canceled, error or unknown)", *l.Result)
	}
	if !o.Allowed(r) {
		return Operation{}, fmt.Sprintf("%v cannot have the result %q", o, r)
	}
	if *l.Client < 0 || int64(int(*l.Client)) != *l.Client {
		return Operation{}, fmt.Sprintf("negative client %d", *l.Client)
	}
	op := Operation{Client: int(*l.Client), Call: *l.Call,
		Input: models.Input{Op: o}, Output: models.Output{Result: r}}
	if msg := l.times(&op); msg != "" {
		return Operation{}, msg
	}
	if msg := l.values(&op); msg != "" {
		return Operation{}, msg
	}
	if msg := checkOperation(op); msg != "" {
		return Operation{}, msg
	}
	return op, ""
}

// times fills the return time: present unless the result is unknown.
func (l *line) times(op *Operation) string {
	if op.Output.Result == models.Unknown {
		if l.Return != nil {
			return `"return" is not allowed with result "unknown" (the operation never returned)`
		}
		return ""
	}
	if l.Return == nil {
		return `missing field "return" (absent only when the result is "unknown")`
	}
	op.Return = *l.Return
	if op.Return < op.Call {
		return fmt.Sprintf("return %d is before call %d", op.Return, op.Call)
	}
	return ""
}

// values fills value and immediate, each where its op and result need it.
func (l *line) values(op *Operation) string {
	o, r := op.Input.Op, op.Output.Result
	if l.Immediate != nil {
		if o != models.Shutdown {
			return fmt.Sprintf(`"immediate" is only for shutdown, not %v`, o)
		}
		op.Input.Immediate = *l.Immediate
	}
	isPut := o == models.Put || o == models.TryPut
	answers := o == models.Get || o == models.TryGet || o == models.Len
	need := isPut || (answers && r == models.OK)
	switch {
	case need && l.Value == nil && isPut:
		return fmt.Sprintf(`missing field "value": %v needs the value put`, o)
	case need && l.Value == nil:
		return fmt.Sprintf(`missing field "value": %v with result "ok" needs the value it returned`, o)
	case !need && l.Value != nil && answers:
		return fmt.Sprintf(`"value" is not allowed for %v with result %q`, o, r)
	case !need && l.Value != nil:
		return fmt.Sprintf(`"value" is not allowed for %v`, o)
	case !need:
		return ""
	case isPut:
		op.Input.Value = *l.Value
	default:
		op.Output.Value = *l.Value
	}
	return ""
}
