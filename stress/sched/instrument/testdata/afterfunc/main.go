// Command afterfunc is the instrument test's case of context.AfterFunc
// rewrites: a lone import used for AfterFunc only, a named import used for
// something else too, and a local variable that shadows the package.
package main

import "context"

type fakeContext struct{}

func (fakeContext) AfterFunc() {}

func main() {
	ran := make(chan string, 2)
	ctx, cancel := newContext()
	context.AfterFunc(ctx, func() { ran <- "lone" })
	named(ctx, ran)
	shadowed()
	cancel()
	println(<-ran != "", <-ran != "")
}

func shadowed() {
	context := fakeContext{}
	context.AfterFunc()
}
