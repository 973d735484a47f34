package startupprobe

import (
	"runtime"
	"strconv"
	"testing"
	"time"
)

func TestProcessStartAndPeakMemory(t *testing.T) {
	start := processStart()
	if age := time.Since(start); age < 0 || age > time.Hour {
		t.Errorf("process started %v ago?", age)
	}
	t0 := time.Now().Add(-time.Second)
	t.Setenv(StartEnv, strconv.FormatInt(t0.UnixNano(), 10))
	if got := processStart(); !got.Equal(time.Unix(0, t0.UnixNano())) {
		t.Errorf("%s not honoured: %v", StartEnv, got)
	}
	if runtime.GOOS == "linux" {
		if kb := PeakRSSKiB(); kb < 1024 {
			t.Errorf("peak RSS %d KiB: not read from /proc", kb)
		}
	}
}
