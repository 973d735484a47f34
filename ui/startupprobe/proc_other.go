//go:build !linux

package startupprobe

import "time"

// osProcessStart is not known here: the probe counts from when it was
// created, so set UNBIND_PROBE_T0 for exact figures.
func osProcessStart() (time.Time, bool) { return time.Time{}, false }

// PeakRSSKiB is only measured on Linux, where the startup script runs.
func PeakRSSKiB() int64 { return -1 }
