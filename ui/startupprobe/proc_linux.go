package startupprobe

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, 100 on every Linux architecture Go supports.
const clockTicks = 100

// osProcessStart derives the process start from /proc: field 22 of
// /proc/self/stat (ticks after boot) against /proc/uptime.
func osProcessStart() (time.Time, bool) {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return time.Time{}, false
	}
	// The command name (field 2) may hold spaces; fields after it follow ")".
	rest := string(stat[strings.LastIndexByte(string(stat), ')')+2:])
	fields := strings.Fields(rest)
	if len(fields) < 20 {
		return time.Time{}, false
	}
	ticks, err := strconv.ParseFloat(fields[19], 64)
	up, err2 := os.ReadFile("/proc/uptime")
	if err != nil || err2 != nil {
		return time.Time{}, false
	}
	uptime, err := strconv.ParseFloat(strings.Fields(string(up))[0], 64)
	if err != nil {
		return time.Time{}, false
	}
	age := time.Duration((uptime - ticks/clockTicks) * float64(time.Second))
	return time.Now().Add(-age), true
}

// PeakRSSKiB is the process's peak resident memory (VmHWM), in KiB.
func PeakRSSKiB() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return -1
}
