package main

import (
	"encoding/json"
	"os"
	"testing"
)

// TestExploreCampaign is where pcq explore runs its campaign: in this
// package's test binary, built with the kit's packages instrumented, which
// the command runs with its arguments in PCQ_EXPLORE_ARGS. The campaign
// ends the process with the command's exit code. Without the variable
// there is no campaign to run (go test ./... skips it; explore_test.go
// tests the command).
func TestExploreCampaign(t *testing.T) {
	raw := os.Getenv(exploreArgsEnv)
	if raw == "" {
		t.Skip("the campaign of pcq explore, run by the command")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatalf("%s: %v", exploreArgsEnv, err)
	}
	os.Exit(campaign(t, args))
}
