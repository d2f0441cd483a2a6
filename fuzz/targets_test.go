package fuzz_test

import (
	"cmp"
	"testing"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

func newLocked(capacity int) queue.Queue[int] { return queue.NewLocked[int](capacity) }
func newChan(capacity int) queue.Queue[int]   { return queue.NewChan[int](capacity) }
func newRing(capacity int) queue.Queue[int]   { return queue.NewRing[int](capacity) }
func newLinked(int) queue.Queue[int]          { return queue.NewLinked[int]() }
func newLIFO(capacity int) queue.Queue[int]   { return queue.NewLIFO[int](capacity) }
func newPriority(capacity int) queue.Queue[int] {
	return queue.NewPriority(capacity, cmp.Compare[int])
}

func FuzzLocked(f *testing.F) { fuzz.Check(f, newLocked) }

func FuzzChan(f *testing.F) { fuzz.Check(f, newChan) }

func FuzzRing(f *testing.F) { fuzz.Check(f, newRing) }

func FuzzLinked(f *testing.F) { fuzz.Check(f, newLinked, fuzz.WithCapacities(0)) }

func FuzzLIFO(f *testing.F) { fuzz.Check(f, newLIFO, fuzz.WithModel(models.LIFO)) }

func FuzzPriority(f *testing.F) { fuzz.Check(f, newPriority, fuzz.WithModel(models.Priority)) }
