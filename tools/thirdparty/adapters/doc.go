// Package adapters wraps real third-party Go queue libraries, and Go's own
// buffered channel, into pcq's [queue.Queue] of int, so that pcq's harnesses
// can check queues that nobody here wrote.
//
// An adapter absorbs the shape of a library and nothing more: nil or a zero
// value meaning empty, non-blocking-only APIs, waits that cannot be
// canceled, capacities rounded up to a power of two. It never repairs a
// library's bug and never adds a lock that would hide one of its races; the
// only lock in this package serialises the readers of a single-reader diode,
// which is that library's documented contract (see [NewDiode]).
//
// Conventions shared by every adapter:
//
//   - New(capacity) follows Python: capacity <= 0 asks for an unbounded
//     queue. A library that cannot be unbounded uses its [Library.Capacity]
//     instead, and a library that rounds capacities up keeps its rounding:
//     Cap always reports the capacity really in force.
//   - A method that the library has no counterpart for returns
//     errors.ErrUnsupported; Len is negative when the library cannot tell.
//     No library here has task accounting, so TaskDone and Join are always
//     unsupported.
//   - Blocking Put and Get are the library's own blocking calls when the
//     library has them and the context can never be canceled
//     (ctx.Done() == nil); otherwise they poll the library's non-blocking
//     call with a backoff and give up with ctx.Err() when the context ends.
//     Each adapter's doc comment says which it does.
//   - Errors are pcq's sentinels where the library's meaning is the same
//     (full, empty, disposed as shut down); any other library error is
//     returned wrapped, prefixed "adapters: NAME:".
package adapters
