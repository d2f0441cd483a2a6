package broken

// store holds a queue's items in their order; base calls it with its mutex
// held.
type store interface {
	push(v int)
	pop() int  // the next item; the store is not empty
	peek() int // the next item, left in place; the store is not empty
	len() int
}

// fifo is the correct store: a slice, oldest item first.
type fifo struct{ items []int }

func (f *fifo) push(v int) { f.items = append(f.items, v) }

func (f *fifo) pop() int {
	v := f.items[0]
	f.items = f.items[1:]
	return v
}

func (f *fifo) peek() int { return f.items[0] }
func (f *fifo) len() int  { return len(f.items) }
