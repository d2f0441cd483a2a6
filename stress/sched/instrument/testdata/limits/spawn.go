package limits

import "sync"

// Spawn runs f in a goroutine of its own and waits for it.
func Spawn(f func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
	wg.Wait()
}
