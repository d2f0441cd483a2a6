package history

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/models"
)

// jOp is an expected operation of a Jepsen history read.
func jOp(client int, op models.Op, in int64, res models.Result, out int64, call, ret int64, line int) Operation {
	return Operation{Client: client, Input: models.Input{Op: op, Value: in},
		Output: models.Output{Result: res, Value: out}, Call: call, Return: ret, Line: line}
}

// TestReadJepsenOperations checks what each kind of Jepsen event becomes.
func TestReadJepsenOperations(t *testing.T) {
	for _, tc := range []struct {
		name string
		edn  string
		want []Operation
	}{{
		name: "enqueue and dequeue ok",
		edn: `{:type :invoke, :f :enqueue, :value 5, :process 0, :time 10, :index 0}
{:type :invoke, :f :dequeue, :value nil, :process 1, :time 11, :index 1}
{:type :ok, :f :enqueue, :value 5, :process 0, :time 12, :index 2}
{:type :ok, :f :dequeue, :value 5, :process 1, :time 13, :index 3}`,
		want: []Operation{jOp(0, models.Put, 5, models.OK, 0, 1, 3, 3), jOp(1, models.TryGet, 0, models.OK, 5, 2, 4, 4)},
	}, {
		name: "dequeue of nil is empty, fail has no effect",
		edn: `#jepsen.history.Op{:index 0, :time 1, :type :invoke, :process 3, :f :dequeue, :value nil}
#jepsen.history.Op{:index 1, :time 2, :type :ok, :process 3, :f :dequeue, :value nil}
#jepsen.history.Op{:index 2, :time 3, :type :invoke, :process 3, :f :enqueue, :value 9}
#jepsen.history.Op{:index 3, :time 4, :type :fail, :process 3, :f :enqueue, :value 9, :error :refused}`,
		want: []Operation{jOp(3, models.TryGet, 0, models.Empty, 0, 1, 2, 2)},
	}, {
		name: "info is unknown and the process goes on as a fresh client",
		edn: `[{:type :invoke, :f :enqueue, :value 1, :process 0}
 {:type :info, :f :enqueue, :value 1, :process 0, :error [:timeout "5 s"]}
 {:type :invoke, :f :dequeue, :process 0}
 {:type :info, :f :start, :process :nemesis}
 {:type :ok, :f :dequeue, :value 1, :process 0}]`,
		want: []Operation{jOp(0, models.Put, 1, models.Unknown, 0, 1, 0, 2), jOp(1, models.TryGet, 0, models.OK, 1, 3, 4, 5)},
	}, {
		name: "a drain is gets of its items then empty, each a fresh client",
		edn: `{:type :invoke, :f :drain, :value nil, :process 2}
{:type :ok, :f :drain, :process 2,
 :value [7
         8]}`,
		want: []Operation{jOp(3, models.TryGet, 0, models.OK, 7, 1, 2, 3), jOp(4, models.TryGet, 0, models.OK, 8, 1, 2, 4),
			jOp(5, models.TryGet, 0, models.Empty, 0, 1, 2, 2)},
	}, {
		name: "dequeues inside a failed drain (RabbitMQ's test)",
		edn: `{:type :invoke, :f :drain, :process 0}
{:type :invoke, :f :dequeue, :process 0}
{:type :ok, :f :dequeue, :value 4, :process 0}
{:type :fail, :f :drain, :value :exhausted, :process 0}`,
		want: []Operation{jOp(0, models.TryGet, 0, models.OK, 4, 2, 3, 3)},
	}, {
		name: "an invocation never completed is unknown",
		edn: `; a comment
{:type :invoke, :f :dequeue, :process 0} #_{:ignored true}`,
		want: []Operation{jOp(0, models.TryGet, 0, models.Unknown, 0, 1, 0, 2)},
	}, {
		name: "EDN Jepsen's other keys may hold",
		edn: `{:type :invoke, :f :enqueue, :value 1, :process 0, :node "n1", :x #{1.5 -2/3 12345678901234567890N ##Inf \a \newline},
  :y (#inst "2026-01-01T00:00:00Z" #uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6" true false sym ns/kw :a/b "\"\u00e9\n")}
{:type :ok, :f :enqueue, :value 1, :process 0}`,
		want: []Operation{jOp(0, models.Put, 1, models.OK, 0, 1, 2, 3)},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ReadJepsen(strings.NewReader(tc.edn))
			if err != nil {
				t.Fatal(err)
			}
			if h.Kind != models.FIFO || h.Capacity != 0 {
				t.Errorf("kind %v capacity %d, want an unbounded FIFO", h.Kind, h.Capacity)
			}
			if !reflect.DeepEqual(h.Operations, tc.want) {
				t.Errorf("operations\n%+v\nwant\n%+v", h.Operations, tc.want)
			}
			if err := Validate(h); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestReadJepsenBad checks that each malformed history is refused with a
// *FileError naming its line.
func TestReadJepsenBad(t *testing.T) {
	for _, tc := range []struct {
		edn  string
		line int
		msg  string
	}{
		{"{:type :invoke, :f :enqueue, :value 1, :process 0}\n{:type :ok", 2, "never closed"},
		{"\n\n[1 2]", 3, "must be a map"},
		{"{:type :invoke :f :enqueue :value 1}", 1, "missing key :process"},
		{"{:type :invoke :process 0 :value 1}", 1, "missing key :f"},
		{"{:f :enqueue :process 0 :value 1}", 1, "missing key :type"},
		{"{:type :done :f :enqueue :process 0 :value 1}", 1, ":type must be"},
		{"{:type :invoke :f :read :process 0}", 1, ":f must be :enqueue, :dequeue or :drain, not :read"},
		{"{:type :invoke :f :enqueue :process 0 :value \"a\"}", 1, "must be an integer, not a string"},
		{"{:type :invoke :f :enqueue :process 0 :value 1}\n{:type :invoke :f :dequeue :process 0}", 2, "still open"},
		{"{:type :ok :f :dequeue :process 0 :value 1}", 1, "has not invoked"},
		{"{:type :invoke :f :dequeue :process 0}\n{:type :ok :f :enqueue :process 0 :value 1}", 2, "has not invoked"},
		{"{:type :invoke :f :dequeue :process 0}\n{:type :ok :f :dequeue :process 0 :value [1]}", 2, "integer or nil"},
		{"{:type :invoke :f :enqueue :process 0 :value 1}\n{:type :ok :f :enqueue :process 0 :value 2}", 2, "completes with :value 2"},
		{"{:type :invoke :f :drain :process 0}\n{:type :info :f :drain :process 0}", 2, "cannot be checked"},
		{"{:type :invoke :f :drain :process 0}", 1, "cannot be checked"},
		{"{:type :invoke :f :drain :process 0}\n{:type :ok :f :drain :process 0 :value 3}", 2, "collection"},
		{"{:type :invoke :f :drain :process 0}\n{:type :ok :f :drain :process 0\n:value [1\n:x]}", 4, "must be an integer, not :x"},
		{"{:type :invoke :f :drain :process 0}\n{:type :invoke :f :dequeue :process 0}\n{:type :ok :f :drain :process 0 :value []}", 3, "still open"},
		{"{:type :invoke :type :ok :f :drain :process 0}", 1, "twice"},
		{"{:type :invoke :f :drain :process}", 1, "key and no value"},
		{"{:a \"abc\n\n", 1, "string opened here is never closed"},
		{"\n{:a 1.2.3}", 2, "bad number"},
		{"{:a \"\\q\"}", 1, "unknown escape"},
		{"{:a #}", 1, "# followed by"},
		{"}", 1, "unexpected"},
		{"{:a :}", 1, "keyword without a name"},
		{strings.Repeat("[", 300), 1, "nested more than"},
	} {
		_, err := ReadJepsen(strings.NewReader(tc.edn))
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%q: error %v, want a *FileError", tc.edn, err)
			continue
		}
		if fe.Line != tc.line || !strings.Contains(fe.Msg, tc.msg) {
			t.Errorf("%q: %v, want line %d: ...%s...", tc.edn, err, tc.line, tc.msg)
		}
	}
}

// TestReadJepsenBadFiles checks the malformed files of testdata/jepsen.
func TestReadJepsenBadFiles(t *testing.T) {
	for file, want := range map[string]string{
		"bad-unclosed.edn":   "line 2: a map opened here is never closed",
		"bad-completion.edn": "line 3: process 1 completes a :dequeue it has not invoked",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "jepsen", file))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadJepsen(bytes.NewReader(data)); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", file, err, want)
		}
	}
}

// TestReadJepsenSimulated reads simulated histories of every kind and
// checks that each is a valid history.
func TestReadJepsenSimulated(t *testing.T) {
	for seed := range uint64(20) {
		var buf bytes.Buffer
		c := JepsenSimConfig{Seed: seed, Clients: 1 + int(seed%6), Events: 3000, Lose: seed%2 == 0, UnknownTakes: seed%3 == 0}
		if err := writeJepsenSim(&buf, c); err != nil {
			t.Fatal(err)
		}
		h, err := ReadJepsen(&buf)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if err := Validate(h); err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
	}
}
