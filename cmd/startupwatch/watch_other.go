//go:build !linux

package main

import (
	"errors"
	"time"
)

type measurement struct {
	mapped, idle time.Duration
	peakKiB      int64
}

// watch needs /proc and X: Linux only, where .ci/startup.sh runs.
func watch([]string, time.Duration, time.Duration) (measurement, error) {
	return measurement{}, errors.New("only on Linux")
}
