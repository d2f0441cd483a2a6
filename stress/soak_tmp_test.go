package stress

import (
	"os"
	"testing"
	"time"
)

func TestSoakTmp(t *testing.T) {
	if os.Getenv("PCQ_SOAK") == "" {
		t.Skip()
	}
	checkCorrect(t, 5*time.Second)
}
