package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestProcReaders reads this test's own CPU time and peak memory, which
// must be real: burning CPU moves the ticks, and a Go test uses megabytes.
func TestProcReaders(t *testing.T) {
	pid := os.Getpid()
	before, err := cpuTicks(pid)
	if err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(100 * time.Millisecond); time.Now().Before(end); {
		_ = strings.Repeat("x", 64)
	}
	after, err := cpuTicks(pid)
	if err != nil || after <= before {
		t.Errorf("CPU ticks %d → %d after 100 ms of work, %v", before, after, err)
	}
	kb, err := peakRSS(pid)
	if err != nil || kb < 1024 {
		t.Errorf("peak RSS %d KiB, %v", kb, err)
	}
}

// TestWatchExitEarly: a program that ends before it maps a window is an
// error, not a measurement.
func TestWatchExitEarly(t *testing.T) {
	if _, err := watch([]string{"true"}, 100*time.Millisecond, 10*time.Second); err == nil {
		t.Error("no error for a program that exited at once")
	}
}
