package limits

import "sync"

// Spawn runs f in a goroutine of its own and waits for it: the go
// statement is rewritten.
func Spawn(f func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
	wg.Wait()
}

func pair() (int, int) { return 1, 2 }

func use(a, b int) {}

// SpawnPair's go statement has a lone call argument, which may be
// multi-valued (it is): the rewrite leaves it.
func SpawnPair() {
	go use(pair())
}
