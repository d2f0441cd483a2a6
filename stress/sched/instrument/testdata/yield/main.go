// Command yield is the instrument test's case of runtime.Gosched rewrites:
// a lone import, a named import still used for something else, a local
// variable that shadows the package, and a package identifier that takes
// the scheduler's import name.
package main

import "runtime"

type fakeRuntime struct{}

func (fakeRuntime) Gosched() {}

func main() {
	runtime.Gosched()
	shadowed()
	named()
	panic("yield: the line of this panic is the original one")
}

func shadowed() {
	runtime := fakeRuntime{}
	runtime.Gosched()
}
