// Package startupprobe measures a Fyne app's start: the time from process
// start to the first frame painted in its window, to when its data is
// ready, and the process's peak memory. Unbind (unbind --measure-startup)
// and the empty-window baseline (cmd/emptywindow) use the same code, so
// their ratio compares like with like.
package startupprobe

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"github.com/unbindapp/unbind/ui/firstpaint"
)

// StartEnv names the variable that, set to a Unix time in nanoseconds,
// is taken as the process start (a script sets it just before exec);
// otherwise the operating system's record of the process start is used.
const StartEnv = "UNBIND_PROBE_T0"

// Probe records the milestones of one start.
type Probe struct {
	start   time.Time
	painted <-chan time.Time
	prof    *profiling // -tags perfprof only
}

// New starts a probe; call it first thing in main.
func New() *Probe { return &Probe{start: processStart(), prof: startProfiling()} }

// Attach watches w for its first painted frame (see package firstpaint).
// Call it after the content is set and before Run.
func (p *Probe) Attach(w fyne.Window) { p.painted = firstpaint.Watch(w) }

// report writes one line, "first_frame_ms=… ready_ms=… peak_rss_kb=…".
func (p *Probe) report(out io.Writer, first, ready time.Time) {
	fmt.Fprintf(out, "first_frame_ms=%.1f ready_ms=%.1f peak_rss_kb=%d\n",
		ms(first.Sub(p.start)), ms(ready.Sub(p.start)), PeakRSSKiB())
}

// Run waits for the first frame and for ready (closed by the app when its
// data is loaded; nil means no data), lets one more second pass so memory
// settles into its working size, reports, and quits the app.
func (p *Probe) Run(a fyne.App, ready <-chan struct{}, out io.Writer) {
	go func() {
		first := <-p.painted
		at := first
		if ready != nil {
			<-ready
			at = time.Now()
		}
		time.Sleep(time.Second)
		p.prof.stop()
		p.report(out, first, at)
		fyne.Do(a.Quit)
	}()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// processStart reads StartEnv, or the OS's start time of this process, or
// falls back to now.
func processStart() time.Time {
	if v, err := strconv.ParseInt(os.Getenv(StartEnv), 10, 64); err == nil && v > 0 {
		return time.Unix(0, v)
	}
	if t, ok := osProcessStart(); ok {
		return t
	}
	return time.Now()
}
