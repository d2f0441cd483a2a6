package sched_test

import (
	"fmt"

	"github.com/pcqkit/pcq/stress/sched"
)

// A schedule is the goroutine let run at each choice, run-length encoded,
// with a fingerprint of every step that tells a replay on changed code.
func ExampleParseSchedule() {
	s, err := sched.ParseSchedule("s1:0a4f6972:0*2.2*5.1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Decisions, s)
	_, err = sched.ParseSchedule("s1:0a4f6972:0*x")
	fmt.Println(err)
	// Output:
	// [0 0 2 2 2 2 2 1] s1:0a4f6972:0*2.2*5.1
	// sched: schedule "s1:0a4f6972:0*x": bad repeat count "x"
}
