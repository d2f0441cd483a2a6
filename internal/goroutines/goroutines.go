// Package goroutines reads the runtime's goroutine dump: the calling
// goroutine's id, every goroutine's stack by id, which goroutine started
// which, and whether a goroutine can run. The harnesses use it to tell a
// hang from a busy machine and to know which goroutines they abandoned.
package goroutines

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
)

// ID returns the id of the calling goroutine, from its stack header
// ("goroutine 42 [running]:").
func ID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		id, _ := strconv.ParseInt(string(b[:i]), 10, 64)
		return id
	}
	return -1
}

// Dump returns the stack of every goroutine, as runtime.Stack writes them.
func Dump() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// Stacks returns the stack of every goroutine, by id.
func Stacks() map[int64]string {
	out := map[int64]string{}
	for _, g := range strings.Split(Dump(), "\n\n") {
		rest, ok := strings.CutPrefix(g, "goroutine ")
		if !ok {
			continue
		}
		if i := strings.IndexByte(rest, ' '); i > 0 {
			if id, err := strconv.ParseInt(rest[:i], 10, 64); err == nil {
				out[id] = g
			}
		}
	}
	return out
}

// Blocked returns the stacks of the goroutines ids that still exist, and
// whether every one of them is blocked (none can run, see [Running]).
// Goroutines that ended are left out.
func Blocked(ids []int64) (dump string, all bool) { return blocked(Stacks(), ids) }

// BlockedFamily is Blocked for the family of roots (see [Family]), read
// from one dump. Family and then Blocked would read two: a goroutine
// started between them is in neither, and a family whose only goroutine
// found is its root, waiting for that child, looks blocked while the
// child runs.
func BlockedFamily(roots ...int64) (dump string, all bool) {
	st := Stacks()
	return blocked(st, family(st, roots))
}

// blocked is Blocked on the stacks st.
func blocked(st map[int64]string, ids []int64) (dump string, all bool) {
	var out []string
	all = true
	for _, id := range ids {
		s, ok := st[id]
		if !ok {
			continue
		}
		out = append(out, s)
		if Running(s) {
			all = false
		}
	}
	return strings.Join(out, "\n\n"), all
}

// parent returns the id of the goroutine that started the one of stack
// ("created by f in goroutine 7"), -1 when the stack does not say.
func parent(stack string) int64 {
	const in = " in goroutine "
	i := strings.LastIndex(stack, in)
	if i < 0 {
		return -1
	}
	rest := stack[i+len(in):]
	if j := strings.IndexAny(rest, "\n "); j >= 0 {
		rest = rest[:j]
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil {
		return -1
	}
	return id
}

// Family returns the ids of roots and of every goroutine they started,
// transitively, that still exist; a goroutine whose parent has ended is
// found through the parent's id all the same.
func Family(roots ...int64) []int64 { return family(Stacks(), roots) }

// family is Family on the stacks st.
func family(st map[int64]string, roots []int64) []int64 {
	children := map[int64][]int64{}
	for id, s := range st {
		p := parent(s)
		children[p] = append(children[p], id)
	}
	var out []int64
	seen := map[int64]bool{}
	var walk func(id int64)
	walk = func(id int64) {
		if seen[id] {
			return
		}
		seen[id] = true
		if _, ok := st[id]; ok {
			out = append(out, id)
		}
		for _, c := range children[id] {
			walk(c)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return out
}

// Alive returns how many of ids still exist.
func Alive(ids []int64) int {
	st := Stacks()
	n := 0
	for _, id := range ids {
		if _, ok := st[id]; ok {
			n++
		}
	}
	return n
}
