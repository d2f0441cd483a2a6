package fuzz

import (
	"math/rand/v2"
	"time"

	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/models"
)

// The deadlines of the seeds' blocking calls (scenario.DefaultWaits).
const (
	now   = 0
	short = 500 * time.Microsecond
	long  = 2 * time.Millisecond
)

func st(op models.Op, wait time.Duration) scenario.Step { return scenario.Step{Op: op, Wait: wait} }

func yield(s scenario.Step, n int) scenario.Step { s.Yield = n; return s }

func shutdown(immediate bool) scenario.Step {
	return scenario.Step{Op: models.Shutdown, Immediate: immediate}
}

var (
	put     = st(models.Put, long)
	tryPut  = st(models.TryPut, now)
	get     = st(models.Get, long)
	getNow  = st(models.Get, now)
	tryGet  = st(models.TryGet, now)
	length  = st(models.Len, now)
	done    = st(models.TaskDone, now)
	join    = st(models.Join, long)
	joinNow = st(models.Join, short)
)

// seedScenarios are the hand-written seeds: each a pattern that a queue
// must get right and that the fuzzer mutates from.
var seedScenarios = []scenario.Scenario{
	// producer and consumer through a small queue
	{Capacity: 2, Clients: [][]scenario.Step{{put, put, put, put}, {get, get, get, get}}},
	// try-operations on a full and an empty queue
	{Capacity: 1, Clients: [][]scenario.Step{{tryPut, tryPut, tryGet, tryGet, length}, {tryPut, tryGet, tryPut}}},
	// puts blocked on a full queue, woken by gets
	{Capacity: 1, Clients: [][]scenario.Step{{put, put, put}, {yield(get, 3), get, get}, {length, tryGet}}},
	// gets blocked on an empty queue, two getters, one putter
	{Capacity: 3, Clients: [][]scenario.Step{{get, get}, {get, getNow}, {yield(put, 2), put, put, tryPut}}},
	// soft shutdown mid-run: gets drain what is queued, then fail
	{Capacity: 2, Clients: [][]scenario.Step{{put, put, shutdown(false), put}, {get, get, get, get}, {put, tryPut}}},
	// immediate shutdown with items queued and tasks unfinished
	{Capacity: 0, Clients: [][]scenario.Step{{put, put, put, shutdown(true), tryPut}, {get, done, joinNow}, {length, tryGet, done}}},
	// task accounting: join waits for the task_dones
	{Capacity: 0, Clients: [][]scenario.Step{{put, put, join}, {get, done, get, done}, {yield(joinNow, 2), length}}},
	// a ring buffer that wraps around, then grows (unbounded) or fills
	{Capacity: 0, Clients: [][]scenario.Step{{tryPut, tryPut, tryGet, tryPut, tryPut, tryPut, tryGet, tryGet, tryGet, tryGet}}},
	{Capacity: 3, Clients: [][]scenario.Step{{tryPut, tryPut, tryGet, tryPut, tryPut, tryPut, tryGet, tryGet, tryGet, tryGet}}},
	// a full queue shut down: puts must answer shutdown, not full
	{Capacity: 1, Clients: [][]scenario.Step{{tryPut, shutdown(false), tryPut, put, getNow, tryGet}, {length, tryPut}}},
	// contention: one producer, three getters overlapping on a long queue
	{Capacity: 0, Clients: [][]scenario.Step{
		{tryPut, tryPut, tryPut, tryPut, tryPut, tryPut}, {get, get, get, get, get, get},
		{get, get, get, get, get, get}, {get, get, get, get, get, get}}},
	// contention: two getters racing with try_get for a queue's items
	{Capacity: 0, Clients: [][]scenario.Step{
		{tryPut, tryPut, tryPut, tryPut, tryPut, tryPut, tryPut, tryPut, tryPut, tryPut},
		{yield(tryGet, 3), tryGet, tryGet, tryGet, tryGet, tryGet, tryGet},
		{yield(tryGet, 3), tryGet, tryGet, tryGet, tryGet, tryGet, tryGet}}},
	// contention: three putters on a small queue, one getter
	{Capacity: 2, Clients: [][]scenario.Step{
		{put, put, put, put}, {tryPut, put, tryPut, put}, {put, tryPut, put, tryPut}, {get, get, get, get, tryGet, tryGet, get, get}}},
	// four clients, everything
	{Capacity: 2, Clients: [][]scenario.Step{
		{put, tryPut, put, length}, {get, done, tryGet, done}, {tryPut, yield(get, 1), joinNow}, {put, shutdown(false), tryGet}}},
}

// seeds returns the seed corpus: the hand-written scenarios, then a few
// drawn with fixed seeds, each encoded for c's decoding.
func (c *config) seeds(caps []int) [][]byte {
	var out [][]byte
	for _, s := range seedScenarios {
		out = append(out, c.encode(s, caps))
	}
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 0x5eed))
		s := scenario.Generate(rng, scenario.Config{
			Clients:  2 + int(seed%3),
			Steps:    5,
			Capacity: caps[int(seed)%len(caps)],
			Mix:      scenario.Full,
			Shutdown: scenario.Any,
			MaxYield: 2,
		})
		out = append(out, c.encode(s, caps))
	}
	return out
}
