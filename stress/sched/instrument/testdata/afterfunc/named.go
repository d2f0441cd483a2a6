package main

import cx "context"

func newContext() (cx.Context, cx.CancelFunc) { return cx.WithCancel(cx.Background()) }

func named(ctx cx.Context, ran chan<- string) {
	stop := cx.AfterFunc(ctx, func() { ran <- "named" })
	_ = stop
}
