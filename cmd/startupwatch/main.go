// Command startupwatch measures a desktop program's start from the
// outside, the same way for any program: it runs the command, and reports
// the time from exec until the program's window is mapped (xdotool), the
// time until the program goes idle (its CPU time, from /proc, stops
// growing), and its peak resident memory as the kernel counts it
// (VmHWM), then stops it. .ci/startup.sh runs Unbind, the empty Fyne
// window and KeePassXC through it. Linux with X only; never shipped.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	quiet := flag.Duration("idle", 400*time.Millisecond, "idle: this long with at most one clock tick of CPU")
	limit := flag.Duration("timeout", 2*time.Minute, "give up after this long")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: startupwatch [--idle D] [--timeout D] COMMAND [ARGS…]")
		fmt.Fprintln(os.Stderr, "prints: mapped_ms=… idle_ms=… peak_rss_kb=…")
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := watch(flag.Args(), *quiet, *limit)
	if err != nil {
		fmt.Fprintln(os.Stderr, "startupwatch:", err)
		os.Exit(1)
	}
	fmt.Printf("mapped_ms=%.1f idle_ms=%.1f peak_rss_kb=%d\n", ms(m.mapped), ms(m.idle), m.peakKiB)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
