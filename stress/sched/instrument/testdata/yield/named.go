package main

import (
	"fmt"
	rt "runtime"
	"sync"
)

var pcqsched = "this name is taken"

func named() {
	var mu sync.Mutex
	mu.Lock()
	rt.Gosched()
	fmt.Println(rt.NumCPU() > 0, pcqsched != "")
	mu.Unlock()
}
