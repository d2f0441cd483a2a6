package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
)

func TestStressCampaignPassesCorrectQueues(t *testing.T) {
	c, code, ok := parseStress([]string{"-impl", "ring,linked", "-duration", "300ms", "-seed", "7", "-out", t.TempDir()})
	if !ok {
		t.Fatalf("parse failed with code %d", code)
	}
	var out, errw bytes.Buffer
	if code := c.run(&out, &errw); code != 0 {
		t.Fatalf("exit %d on correct queues:\n%s", code, out.String())
	}
	for _, name := range []string{"ring", "linked"} {
		if !regexp.MustCompile(name + `\s+[1-9]\d*\s+[1-9]\d*\s+linearizable`).MatchString(out.String()) {
			t.Errorf("no passing row for %s:\n%s", name, out.String())
		}
	}
	if !strings.Contains(out.String(), "seed 7") {
		t.Errorf("the seed is not printed:\n%s", out.String())
	}
}

func TestStressCampaignFindsBrokenQueue(t *testing.T) {
	var bug broken.Bug
	for _, b := range broken.All() {
		if b.Name == "get-twice" {
			bug = b
		}
	}
	dir := t.TempDir()
	c := stressConfig{
		impls:    []impl{{name: bug.Name, kind: models.FIFO, bounded: true, unbounded: true, new: bug.New}},
		duration: 5 * time.Second, goroutines: 6, capacity: -1, seed: 11, out: dir,
	}
	var out, errw bytes.Buffer
	if code := c.run(&out, &errw); code != 1 {
		t.Fatalf("exit %d on %s, want 1:\n%s", code, bug.Name, out.String())
	}
	report := out.String()
	if !regexp.MustCompile(`get-twice\s+\d+\s+\d+\s+FAILED: `).MatchString(report) {
		t.Errorf("no failing row:\n%s", report)
	}
	if !strings.Contains(report, "seed 11") || !strings.Contains(report, "replay:") {
		t.Errorf("the failure does not say how to replay it:\n%s", report)
	}
	histories, _ := filepath.Glob(filepath.Join(dir, bug.Name, "*", "*.jsonl"))
	if len(histories) == 0 {
		entries, _ := os.ReadDir(filepath.Join(dir, bug.Name))
		t.Errorf("no history file written under -out (found %v):\n%s", entries, report)
	}
}

func TestParseStressErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-impl", "nope"},
		{"-duration", "0s"},
		{"-impl", "linked", "-cap", "4"},
		{"-impl", "ring", "-cap", "0"},
	} {
		if _, code, ok := parseStress(args); ok || code != 2 {
			t.Errorf("%v: accepted (code %d)", args, code)
		}
	}
}
