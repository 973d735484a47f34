//go:build !perfprof

package startupprobe

// profiling is off in normal builds; build with -tags perfprof to write
// CPU and heap profiles of the start (see perfprof.go).
type profiling struct{}

func startProfiling() *profiling { return nil }

func (*profiling) stop() {}
