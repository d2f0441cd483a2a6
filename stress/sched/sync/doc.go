// Package sync is a drop-in mirror of [sync] for code run under the
// controlled scheduler [github.com/pcqkit/pcq/stress/sched]: Mutex, RWMutex,
// Cond, WaitGroup, Once, OnceFunc, OnceValue, OnceValues, Pool, Map and
// Locker, with the identical API. Outside a scheduler each behaves exactly
// as the standard one (it is the standard one underneath).
//
// Under a scheduler every operation is a scheduling point, and nothing
// blocks in a real lock or a real runtime wait: a goroutine blocked in a
// real sync.Mutex is not durably blocked for testing/synctest, so it would
// hang the scheduler. A blocking operation is modelled instead with
// [sched.Await]: the goroutine is let run only once the operation can
// proceed (the mutex is free, the WaitGroup counter is zero, the Cond ticket
// is signalled), and the real operation that follows then cannot block.
//
// Code is not meant to import this package by hand: the build-time overlay
// of [github.com/pcqkit/pcq/stress/sched/instrument] redirects a package's
// import of "sync" here, its name (sync) unchanged.
package sync
