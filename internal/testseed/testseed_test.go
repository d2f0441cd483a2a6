package testseed

import (
	"strings"
	"testing"
)

func TestGetFromEnvironment(t *testing.T) {
	t.Setenv(Env, "42")
	if got := Get(t); got != 42 {
		t.Fatalf("Get = %d with %s=42", got, Env)
	}
}

func TestGetFromClockDiffers(t *testing.T) {
	t.Setenv(Env, "")
	if a, b := Get(t), Get(t); a == b {
		t.Fatalf("two seeds from the clock are both %d", a)
	}
}

func TestRerun(t *testing.T) {
	got := Rerun("TestX/sub.case", 7)
	for _, want := range []string{"seed 7", Env + "=7", `-run '^TestX/sub\.case$'`} {
		if !strings.Contains(got, want) {
			t.Errorf("Rerun = %q, want it to contain %q", got, want)
		}
	}
}
