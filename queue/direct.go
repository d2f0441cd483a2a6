package queue

import "context"

// Ring, Linked and Locked make the first attempt of each call on their
// buffer directly; the engine's methods reach a buffer through an
// interface, an indirect call per item (two for Put and Get on a buffer
// without unconfirmed attempts) that measured a tenth to a fifth of their
// time per item at 4P4C and 16P16C. Everything after the first attempt is
// the engine's. LIFO, Priority and Chan keep the engine's methods: their
// time goes to their lock (to the channel's, for Chan), and the direct
// attempt measured no faster for LIFO. The four methods are written out
// for each type on purpose: one generic piece over the buffer's type
// would call it through the dictionary of its shape, the very indirect
// call this file removes.

// Put appends v, waiting while the queue is full; see [Queue.Put].
func (q *Ring[T]) Put(ctx context.Context, v T) error {
	return q.putAfter(ctx, v, q.r.pushUnconfirmed(v))
}

// TryPut appends v if there is room at once; see [Queue.TryPut].
func (q *Ring[T]) TryPut(v T) error { return q.afterPush(q.r.push(v)) }

// Get removes and returns the oldest item, waiting while the queue is
// empty; see [Queue.Get].
func (q *Ring[T]) Get(ctx context.Context) (T, error) {
	v, ok := q.r.popUnconfirmed()
	return q.getAfter(ctx, v, ok)
}

// TryGet removes and returns the oldest item if there is one at once; see
// [Queue.TryGet].
func (q *Ring[T]) TryGet() (T, error) {
	v, ok := q.r.pop()
	return q.tryGetAfter(v, ok)
}

// Put appends v (the queue is unbounded: it never waits for room); see
// [Queue.Put].
func (q *Linked[T]) Put(ctx context.Context, v T) error {
	return q.putAfter(ctx, v, q.l.push(v))
}

// TryPut appends v; see [Queue.TryPut].
func (q *Linked[T]) TryPut(v T) error { return q.afterPush(q.l.push(v)) }

// Get removes and returns the oldest item, waiting while the queue is
// empty; see [Queue.Get].
func (q *Linked[T]) Get(ctx context.Context) (T, error) {
	v, ok := q.l.popUnconfirmed()
	return q.getAfter(ctx, v, ok)
}

// TryGet removes and returns the oldest item if there is one at once; see
// [Queue.TryGet].
func (q *Linked[T]) TryGet() (T, error) {
	v, ok := q.l.pop()
	return q.tryGetAfter(v, ok)
}

// Put appends v, waiting while the queue is full; see [Queue.Put].
func (q *Locked[T]) Put(ctx context.Context, v T) error {
	return q.putAfter(ctx, v, q.d.push(v))
}

// TryPut appends v if there is room at once; see [Queue.TryPut].
func (q *Locked[T]) TryPut(v T) error { return q.afterPush(q.d.push(v)) }

// Get removes and returns the oldest item, waiting while the queue is
// empty; see [Queue.Get].
func (q *Locked[T]) Get(ctx context.Context) (T, error) {
	v, ok := q.d.pop()
	return q.getAfter(ctx, v, ok)
}

// TryGet removes and returns the oldest item if there is one at once; see
// [Queue.TryGet].
func (q *Locked[T]) TryGet() (T, error) {
	v, ok := q.d.pop()
	return q.tryGetAfter(v, ok)
}
