package broken

// LongLived returns the broken queues whose bug shows only on a long-lived
// instance, after tens of thousands of operations: more than a property
// sequence, a fuzz input or a short stress round makes on one queue. Only
// stress's long-lived rounds catch them. They are not in [All]: the
// harnesses that run every bug of All (the controlled scheduler's
// exploration, say) work on short runs.
func LongLived() []Bug {
	return []Bug{
		{"ring-index-wrap", "a bounded ring keeps its head and tail in 16-bit counters and takes them modulo its capacity: after 65536 puts the tail wraps and, unless the capacity is a power of two, the slot index jumps back onto queued items",
			newWrapRing, stressOnly},
		{"node-pool-leak", "a linked queue on an arena of 4096 nodes does not give back the last node when it empties: after 4096 drains the arena is dry and puts find the queue full",
			newPoolLeak, stressOnly},
	}
}
