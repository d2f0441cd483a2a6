package history

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/models"
)

// vPut, vGet and vUnknown build operations for the validation tests.
func vPut(client int, v, call, ret int64) Operation {
	return Operation{Client: client, Input: models.Input{Op: models.Put, Value: v}, Call: call, Return: ret}
}

func vGet(client int, v, call, ret int64) Operation {
	return Operation{Client: client, Input: models.Input{Op: models.Get}, Output: models.Output{Value: v}, Call: call, Return: ret}
}

func vUnknown(op Operation) Operation {
	op.Output.Result, op.Return = models.Unknown, 0
	return op
}

func TestValidate(t *testing.T) {
	withLine := func(op Operation, line int) Operation { op.Line = line; return op }
	bad := func(op Operation, f func(*Operation)) Operation { f(&op); return op }
	for _, tc := range []struct {
		name string
		h    History
		want string // "" : valid
	}{
		{"valid", History{Operations: []Operation{vPut(0, 1, 0, 10), vGet(1, 1, 5, 15), vPut(0, 2, 10, 20)}}, ""},
		{"empty", History{}, ""},
		{"touching", History{Operations: []Operation{vPut(0, 1, 0, 10), vGet(0, 1, 10, 10)}}, ""},
		{"unknown last", History{Operations: []Operation{vPut(0, 1, 0, 10), vUnknown(vGet(0, 0, 11, 0))}}, ""},
		{"kind", History{Kind: 7}, "unknown model Kind(7)"},
		{"capacity", History{Capacity: -1}, "negative capacity -1"},
		{"op", History{Operations: []Operation{bad(vPut(0, 1, 0, 1), func(o *Operation) { o.Input.Op = 9 })}}, "operation 0: unknown op Op(9)"},
		{"result", History{Operations: []Operation{bad(vPut(0, 1, 0, 1), func(o *Operation) { o.Output.Result = 9 })}}, "unknown result Result(9)"},
		{"not allowed", History{Operations: []Operation{bad(vPut(0, 1, 0, 1), func(o *Operation) { o.Output.Result = models.Empty })}}, "put cannot have the result empty"},
		{"client", History{Operations: []Operation{vPut(-2, 1, 0, 1)}}, "negative client -2"},
		{"return before call", History{Operations: []Operation{vPut(0, 1, 0, 1), vPut(1, 2, 5, 4)}}, "operation 1: returns at 4, before its call at 5"},
		{"negative len", History{Operations: []Operation{{Input: models.Input{Op: models.Len}, Output: models.Output{Value: -1}}}}, "len returned a negative length -1"},
		{"overlap", History{Operations: []Operation{vPut(0, 1, 0, 10), vGet(1, 1, 3, 4), vGet(0, 1, 9, 12)}},
			"operation 2: client 0 calls get at 9, before its put on operation 0 returned at 10"},
		{"overlap with lines", History{Operations: []Operation{withLine(vPut(0, 1, 0, 10), 4), withLine(vGet(0, 1, 9, 12), 7)}},
			"line 7: client 0 calls get at 9, before its put on line 4 returned at 10"},
		{"after unknown", History{Operations: []Operation{vUnknown(vPut(3, 1, 0, 0)), vGet(3, 1, 9, 12)}},
			"operation 1: client 3 calls get after its put on operation 0 had an unknown result"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(tc.h)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("valid history rejected: %v", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || !strings.Contains(err.Error(), tc.want) || errors.Is(err, ErrDuplicateValues) {
				t.Fatalf("got %v, want a *ValidationError with %q", err, tc.want)
			}
		})
	}
}

func TestValidateDuplicates(t *testing.T) {
	tryPut := vPut(2, 5, 30, 31)
	tryPut.Input.Op, tryPut.Output.Result = models.TryPut, models.Full
	h := History{Operations: []Operation{vPut(0, 5, 0, 10), vGet(1, 5, 11, 20), tryPut}}
	err := Validate(h)
	var de *DuplicateValueError
	if !errors.Is(err, ErrDuplicateValues) || !errors.As(err, &de) || de.Value != 5 || de.First != 0 || de.Second != 2 {
		t.Fatalf("got %v (%+v), want a duplicate of 5 at operations 0 and 2", err, de)
	}
	if want := "value 5 is put twice (operation 0 and operation 2)"; !strings.Contains(err.Error(), want) {
		t.Fatalf("got %q, want %q", err, want)
	}
	// Broken recordings are reported before duplicates.
	h.Operations = append(h.Operations, vPut(0, 6, 5, 6))
	if err := Validate(h); errors.Is(err, ErrDuplicateValues) {
		t.Fatalf("got %v, want the overlap first", err)
	}
}

func ExampleValidate() {
	h := History{Operations: []Operation{
		{Client: 0, Input: models.Input{Op: models.Put, Value: 7}, Call: 0, Return: 10, Line: 2},
		{Client: 0, Input: models.Input{Op: models.Get}, Output: models.Output{Value: 7}, Call: 5, Return: 15, Line: 3},
	}}
	fmt.Println(Validate(h))
	// Output:
	// history: invalid: line 3: client 0 calls get at 5, before its put on line 2 returned at 10 (one client's operations must not overlap and must be listed in time order)
}
