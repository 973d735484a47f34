package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// measurement is one start: from exec to the window mapped and to idle.
type measurement struct {
	mapped, idle time.Duration
	peakKiB      int64
}

// poll is how often the window and the CPU time are looked at.
const poll = 20 * time.Millisecond

// watch runs args and measures it; it stops the program afterwards.
func watch(args []string, quiet, limit time.Duration) (measurement, error) {
	var m measurement
	cmd := exec.Command(args[0], args[1:]...)
	// stdin passes through (keepassxc --pw-stdin reads its password).
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stderr, os.Stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return m, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	pid := cmd.Process.Pid
	var quietSince time.Time
	lastTicks := int64(-1)
	for tick := time.NewTicker(poll); ; <-tick.C {
		select {
		case err := <-exited:
			exited <- err
			return m, fmt.Errorf("%s exited before it was idle: %v", args[0], err)
		default:
		}
		now := time.Now()
		if now.Sub(t0) > limit {
			return m, errors.New("timed out")
		}
		if m.mapped == 0 && windowMapped(pid) {
			m.mapped = now.Sub(t0)
		}
		ticks, err := cpuTicks(pid)
		if err != nil {
			return m, err
		}
		// Idle counts only once the window is up: before that a
		// program may be waiting on the display, not done.
		if m.mapped == 0 || ticks > lastTicks+1 || lastTicks < 0 {
			quietSince, lastTicks = now, ticks
			continue
		}
		if now.Sub(quietSince) >= quiet {
			m.idle = quietSince.Sub(t0)
			m.peakKiB, err = peakRSS(pid)
			return m, err
		}
	}
}

// windowMapped asks xdotool for a viewable window of the process.
func windowMapped(pid int) bool {
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid)).Output()
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

// cpuTicks is the process's user plus system CPU time, in clock ticks
// (fields 14 and 15 of /proc/PID/stat).
func cpuTicks(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	s, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("bad /proc stat")
	}
	return u + s, nil
}

// peakRSS is VmHWM from /proc/PID/status, in KiB.
func peakRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, errors.New("no VmHWM")
}
