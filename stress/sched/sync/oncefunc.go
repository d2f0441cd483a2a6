package sync

// OnceFunc is [sync.OnceFunc] on the mirror [Once]: a function that calls f
// only once. If f panics, the returned function panics with the same value
// on every call.
func OnceFunc(f func()) func() {
	d := struct {
		f     func()
		once  Once
		valid bool
		p     any
	}{f: f}
	return func() {
		d.once.Do(func() {
			defer func() {
				d.f = nil // do not keep f alive after calling it
				d.p = recover()
				if !d.valid {
					panic(d.p) // re-panic at once, as the standard one does
				}
			}()
			d.f()
			d.valid = true // set only if f does not panic
		})
		if !d.valid {
			panic(d.p)
		}
	}
}

// OnceValue is [sync.OnceValue] on the mirror [Once]: a function that calls
// f only once and returns its value. If f panics, the returned function
// panics with the same value on every call.
func OnceValue[T any](f func() T) func() T {
	var result T
	g := OnceFunc(func() { result = f() })
	return func() T {
		g()
		return result
	}
}

// OnceValues is [sync.OnceValues] on the mirror [Once]: a function that
// calls f only once and returns its values. If f panics, the returned
// function panics with the same value on every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var r1 T1
	var r2 T2
	g := OnceFunc(func() { r1, r2 = f() })
	return func() (T1, T2) {
		g()
		return r1, r2
	}
}
