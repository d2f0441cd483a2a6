package main

import (
	"context"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

func TestDemoEveryImpl(t *testing.T) {
	for _, m := range impls {
		for _, end := range []string{"sentinel", "shutdown"} {
			args := []string{"demo", "-impl", m.name, "-end", end, "-items", "3000",
				"-producers", "3", "-consumers", "4", "-seed", "7"}
			if m.bounded {
				args = append(args, "-cap", "8")
			}
			code, out, errOut := capture(t, args...)
			if code != 0 {
				t.Fatalf("pcq %v: exit %d\n%s%s", args, code, out, errOut)
			}
			for _, want := range []string{"items/s", "every item consumed exactly once: ok", "join returned: ok"} {
				if !strings.Contains(out, want) {
					t.Fatalf("pcq %v: no %q in output:\n%s", args, want, out)
				}
			}
		}
	}
}

func TestDemoUnboundedAndPauses(t *testing.T) {
	args := []string{"demo", "-impl", "locked", "-cap", "0", "-items", "200", "-producers", "2",
		"-consumers", "3", "-sleep", "100us", "-end", "shutdown"}
	if code, out, errOut := capture(t, args...); code != 0 {
		t.Fatalf("pcq %v: exit %d\n%s%s", args, code, out, errOut)
	}
}

func TestDemoUsageErrors(t *testing.T) {
	cases := map[string][]string{
		"unknown implementation": {"-impl", "nope"},
		"bounded only":           {"-impl", "ring", "-cap", "0"},
		"unbounded only":         {"-impl", "linked", "-cap", "4"},
		"want sentinel":          {"-end", "never"},
		"-consumers >= 1":        {"-consumers", "0"},
		"needs at least one":     {"-producers", "0", "-items", "5"},
		"unexpected argument":    {"extra"},
	}
	for want, args := range cases {
		code, _, errOut := capture(t, append([]string{"demo"}, args...)...)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("pcq demo %v: exit %d, stderr %q; want 2 and %q", args, code, errOut, want)
		}
	}
}

// lossy is a broken queue: it silently drops every tenth item put.
type lossy struct{ queue.Queue[int] }

func (q *lossy) Put(ctx context.Context, v int) error {
	if v%10 == 9 {
		return nil
	}
	return q.Queue.Put(ctx, v)
}

// TestDemoCatchesLostItems: on a queue that loses items, demo says which
// and exits 1.
func TestDemoCatchesLostItems(t *testing.T) {
	saved := impls
	defer func() { impls = saved }()
	impls = append(impls[:len(impls):len(impls)], impl{name: "lossy", bounded: true, unbounded: true,
		new: func(c int) queue.Queue[int] { return &lossy{Queue: queue.NewLocked[int](c)} }})
	code, out, _ := capture(t, "demo", "-impl", "lossy", "-items", "100", "-producers", "1", "-consumers", "2")
	if code != 1 || !strings.Contains(out, "FAIL: 10 of 100 items not consumed exactly once") {
		t.Fatalf("demo on a lossy queue: exit %d, output:\n%s", code, out)
	}
}

// TestDemoTimesOut: a queue that never hands out an item makes demo fail
// after -timeout instead of hanging.
func TestDemoTimesOut(t *testing.T) {
	saved := impls
	defer func() { impls = saved }()
	impls = append(impls[:len(impls):len(impls)], impl{name: "blackhole", bounded: true, unbounded: true,
		new: func(c int) queue.Queue[int] { return blackhole{queue.NewLocked[int](c)} }})
	code, out, _ := capture(t, "demo", "-impl", "blackhole", "-items", "10", "-timeout", "100ms")
	if code != 1 || !strings.Contains(out, "FAIL: run: "+context.DeadlineExceeded.Error()) {
		t.Fatalf("demo on a black hole: exit %d, output:\n%s", code, out)
	}
}

// blackhole accepts items and counts their tasks but never gives one back.
type blackhole struct{ queue.Queue[int] }

func (b blackhole) Get(ctx context.Context) (int, error) {
	<-ctx.Done()
	return 0, ctx.Err()
}
