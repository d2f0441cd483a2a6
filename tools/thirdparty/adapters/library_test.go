package adapters

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/linearizability"
)

func TestAllRegistry(t *testing.T) {
	libs := All()
	if len(libs) < 6 {
		t.Fatalf("All() has %d libraries, want the channel and at least five", len(libs))
	}
	if libs[0].Name != "chan" {
		t.Errorf("All()[0] = %q, want the reference chan first", libs[0].Name)
	}
	seen := map[string]bool{}
	for _, l := range libs {
		if seen[l.Name] {
			t.Errorf("duplicate name %q", l.Name)
		}
		seen[l.Name] = true
		if l.Module == "" || l.Version == "" || l.Type == "" || l.Notes == "" || l.New == nil {
			t.Errorf("%s: incomplete entry %+v", l.Name, l)
		}
		if l.Module != "std" && len(l.Packages) == 0 {
			t.Errorf("%s: no package to instrument", l.Name)
		}
		for _, p := range l.Packages {
			if p != l.Module && !strings.HasPrefix(p, l.Module+"/") {
				t.Errorf("%s: package %s is not in module %s", l.Name, p, l.Module)
			}
		}
		for _, r := range l.Relaxations {
			if r != linearizability.Lossy && r != linearizability.SpuriousTryFailures {
				t.Errorf("%s: unknown relaxation %v", l.Name, r)
			}
		}
		if got, ok := Lookup(l.Name); !ok || got.Name != l.Name {
			t.Errorf("Lookup(%q) = %v, %v", l.Name, got.Name, ok)
		}
	}
	if _, ok := Lookup("no-such-queue"); ok {
		t.Error("Lookup found a library that does not exist")
	}
}

// TestVersionsMatchGoMod keeps the registry's versions in step with go.mod
// (test binaries carry no dependency list in their build info, so go.mod is
// read as text: "path version" lines).
func TestVersionsMatchGoMod(t *testing.T) {
	data, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	deps := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && strings.Contains(f[0], ".") {
			deps[f[0]] = f[1]
		}
	}
	for _, l := range All() {
		if l.Module == "std" {
			continue
		}
		if got := deps[l.Module]; got != l.Version {
			t.Errorf("%s: registry says %s@%s, go.mod has %q", l.Name, l.Module, l.Version, got)
		}
	}
}

func TestCapacity(t *testing.T) {
	for _, l := range All() {
		t.Run(l.Name, func(t *testing.T) {
			q := l.New(l.Capacity)
			if l.Capacity == 0 {
				if q.Cap() != 0 {
					t.Errorf("unbounded library: Cap() = %d, want 0", q.Cap())
				}
				return
			}
			if q.Cap() < l.Capacity {
				t.Errorf("New(%d).Cap() = %d, want at least %d", l.Capacity, q.Cap(), l.Capacity)
			}
		})
	}
}

func TestNoTaskAccounting(t *testing.T) {
	for _, l := range All() {
		q := l.New(l.Capacity)
		if err := q.TaskDone(); !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: TaskDone() = %v, want ErrUnsupported", l.Name, err)
		}
		if err := q.Join(context.Background()); !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: Join() = %v, want ErrUnsupported", l.Name, err)
		}
	}
}
