package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDecodeLibFuzzer reads inputs laid out by hand the way
// go-118-fuzz-build's testing stand-in reads them (go-fuzz-headers).
func TestDecodeLibFuzzer(t *testing.T) {
	for _, tc := range []struct {
		raw   []byte
		kinds []string
		want  []any // nil: not run
	}{
		{[]byte{0, 0, 0, 3, 'a', 'b', 'c'}, []string{"[]byte"}, []any{[]byte("abc")}},
		// a length past the end is taken modulo what is left
		{[]byte{0, 0, 0, 5, 'a', 'b', 'c'}, []string{"[]byte"}, []any{[]byte("ab")}},
		{[]byte{0, 0, 0, 3}, []string{"[]byte"}, nil},
		{[]byte{'a', 'b'}, []string{"[]byte"}, nil},
		// uint64 big-endian then an odd byte (big-endian); uint16 then an even one (little-endian)
		{[]byte{0, 0, 0, 0, 0, 0, 1, 2, 1, 0x34, 0x12, 0}, []string{"uint64", "uint16"}, []any{uint64(0x102), uint16(0x1234)}},
		{[]byte{0, 0, 0, 0, 0, 0, 1, 2, 1, 0x34}, []string{"uint64", "uint16"}, nil},
		{[]byte{2, 3, 0xff, 0, 0, 0, 2, 'h', 'i'}, []string{"bool", "bool", "int8", "string"}, []any{true, false, int8(-1), "hi"}},
	} {
		got, ok := decodeLibFuzzer(tc.raw, tc.kinds)
		if ok != (tc.want != nil) || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v as %v: %#v (ok %v), want %#v", tc.raw, tc.kinds, got, ok, tc.want)
		}
	}
}

// TestEncodeLibFuzzer: what encodeLibFuzzer writes decodes back, and a
// value that no input decodes into is refused.
func TestEncodeLibFuzzer(t *testing.T) {
	for _, tc := range []struct {
		vals  []any
		kinds []string
		ok    bool
	}{
		{[]any{[]byte("go test fuzz")}, []string{"[]byte"}, true},
		{[]any{uint64(1 << 60), uint16(513)}, []string{"uint64", "uint16"}, true},
		{[]any{"x", true, false, int8(-3), int16(-300), int32(-1), 7, uint(9), uint8(200), uint32(70000), int64(-5)},
			[]string{"string", "bool", "bool", "int8", "int16", "int32", "int", "uint", "uint8", "uint32", "int64"}, true},
		{[]any{[]byte{}}, []string{"[]byte"}, false},
		{[]any{[]byte("a")}, []string{"[]byte", "uint64"}, false},
	} {
		raw, ok := encodeLibFuzzer(tc.vals, tc.kinds)
		if ok != tc.ok {
			t.Errorf("%#v: ok %v, want %v", tc.vals, ok, tc.ok)
			continue
		}
		if back, _ := decodeLibFuzzer(raw, tc.kinds); ok && !reflect.DeepEqual(back, tc.vals) {
			t.Errorf("%#v: encoded %v decodes into %#v", tc.vals, raw, back)
		}
	}
}

// TestCorpusFormat writes corpus files as go test -fuzz writes them and
// reads them back.
func TestCorpusFormat(t *testing.T) {
	for _, tc := range []struct {
		vals []any
		file string
	}{
		{[]any{[]byte("a\x00\"")}, "go test fuzz v1\n[]byte(\"a\\x00\\\"\")\n"},
		{[]any{uint64(7), uint16(9)}, "go test fuzz v1\nuint64(7)\nuint16(9)\n"},
		{[]any{"s", true, int8(-1), uint8('x'), int32('é'), int32(-2), 3}, "go test fuzz v1\nstring(\"s\")\nbool(true)\nint8(-1)\nbyte('x')\nrune('é')\nint32(-2)\nint(3)\n"},
	} {
		data, err := marshalCorpus(tc.vals)
		if err != nil || string(data) != tc.file {
			t.Errorf("%#v: %q (%v), want %q", tc.vals, data, err, tc.file)
		}
		back, err := unmarshalCorpus([]byte(tc.file))
		if err != nil || !reflect.DeepEqual(back, tc.vals) {
			t.Errorf("%q reads as %#v (%v)", tc.file, back, err)
		}
	}
	if _, err := unmarshalCorpus([]byte("go test fuzz v1\nfloat64(1.5)\n")); err == nil {
		t.Error("a float was read")
	}
	if _, err := unmarshalCorpus([]byte("[]byte(\"a\")\n")); err == nil {
		t.Error("a file without the header was read")
	}
}

// TestFuzzParams finds the fuzzed arguments' types in the module's own
// targets: in the target's body, and through a helper of the package.
func TestFuzzParams(t *testing.T) {
	for _, tc := range []struct {
		dir, name string
		want      []string
	}{
		{"../../linearizability", "FuzzDifferential", []string{"uint64", "uint16"}},
		{"../../fuzz", "FuzzRing", []string{"[]byte"}},
		{"../../history", "FuzzRead", []string{"[]byte"}},
		{"testdata/fuzzplant", "FuzzClean", []string{"[]byte"}},
	} {
		got, err := fuzzParams(fuzzTarget{pkg: tc.dir, dir: tc.dir, name: tc.name})
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s %s: %v (%v), want %v", tc.dir, tc.name, got, err, tc.want)
		}
	}
	if _, err := fuzzParams(fuzzTarget{pkg: "fuzzplant", dir: "testdata/fuzzplant", name: "FuzzNone"}); err == nil {
		t.Error("no error for a target that does not exist")
	}
}

// TestFuzzMergeLibFuzzer merges libFuzzer inputs, a crasher among them,
// and writes a module's corpus back as libFuzzer seeds.
func TestFuzzMergeLibFuzzer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	module := copyDir(t, "testdata/fuzzplant")
	a := t.TempDir()
	for name, raw := range map[string]string{
		"FuzzClean/0a1b":                "\x00\x00\x00\x05hello",
		"FuzzClean/short":               "\x00\x00",
		"FuzzPlanted/crash-5ba93c9db0c": "\x00\x00\x00\x04zoom",
	} {
		if err := os.MkdirAll(filepath.Join(a, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(a, name), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := fuzzConfig{dir: module, patterns: []string{"./..."}, libfuzzer: true}
	var out, errw bytes.Buffer
	code := c.runMerge(context.Background(), []string{a}, &out, &errw)
	t.Logf("\n%s%s", out.String(), errw.String())
	for _, want := range []string{"fuzzplant.FuzzClean    1      1    ok", "fuzzplant.FuzzPlanted  1      1    FAIL (see below)", "planted crasher",
		"skipped 1 file(s): too short for the target's arguments"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1 (a crasher)", code)
	}
	files := corpusOf(t, module, "FuzzClean")
	if len(files) != 1 {
		t.Fatalf("FuzzClean's corpus: %v", files)
	}
	if data, _ := os.ReadFile(files[0]); string(data) != "go test fuzz v1\n[]byte(\"hello\")\n" {
		t.Errorf("the merged entry is %q", data)
	}

	seeds := t.TempDir()
	c = fuzzConfig{dir: module, patterns: []string{"./..."}, match: regexp.MustCompile("Clean"), seedsTo: seeds}
	out.Reset()
	if code := c.runSeedsExport(context.Background(), &out, &errw); code != 0 || !strings.Contains(out.String(), "fuzzplant.FuzzClean  1       1      0") {
		t.Errorf("exit %d\n%s%s", code, out.String(), errw.String())
	}
	raws, _ := filepath.Glob(filepath.Join(seeds, "FuzzClean", "*"))
	if len(raws) != 1 {
		t.Fatalf("seeds: %v", raws)
	}
	if raw, _ := os.ReadFile(raws[0]); string(raw) != "\x00\x00\x00\x05hello" {
		t.Errorf("the seed is %q", raw)
	}
}
