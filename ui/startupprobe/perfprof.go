//go:build perfprof

package startupprobe

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// ProfileDirEnv names the folder the perfprof build writes its profiles
// to (default: the current folder).
const ProfileDirEnv = "UNBIND_PERFPROF_DIR"

// profiling is built with -tags perfprof: a CPU profile from New to the
// report and a heap profile at the report, so the next person can see
// where a start's time and memory go (go tool pprof BIN cpu.pprof).
type profiling struct{ cpu *os.File }

func profileDir() string {
	if d := os.Getenv(ProfileDirEnv); d != "" {
		return d
	}
	return "."
}

func startProfiling() *profiling {
	f, err := os.Create(filepath.Join(profileDir(), "cpu.pprof"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "perfprof:", err)
		return nil
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "perfprof:", err)
		f.Close()
		return nil
	}
	return &profiling{cpu: f}
}

// stop ends the CPU profile and writes the heap profile: in-use after a
// collection, plus every allocation since the start (-sample_index=alloc_space).
func (p *profiling) stop() {
	if p == nil {
		return
	}
	pprof.StopCPUProfile()
	p.cpu.Close()
	runtime.GC()
	f, err := os.Create(filepath.Join(profileDir(), "heap.pprof"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "perfprof:", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintln(os.Stderr, "perfprof:", err)
	}
	fmt.Fprintln(os.Stderr, "perfprof: wrote", f.Name(), "and", p.cpu.Name())
}
