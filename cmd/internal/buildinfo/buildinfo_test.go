package buildinfo

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	defer func(v, c string) { version, commit, readBuildInfo = v, c, debug.ReadBuildInfo }(version, commit)
	stamp := func(settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Settings: settings}, true }
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "c671daf3a1b2c3d4e5f60718293a4b5c6d7e8f90"}
	for _, tc := range []struct {
		name, version, commit string
		info                  func() (*debug.BuildInfo, bool)
		want                  string
	}{
		{"injected", "0.1.0", "c671daf3a1b2", stamp(rev), "Unbind 0.1.0 (commit c671daf3a1b2)"},
		{"vcs stamp", "", "", stamp(rev), "Unbind dev (commit c671daf3a1b2)"},
		{"dirty stamp", "0.1.0", "", stamp(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"}),
			"Unbind 0.1.0 (commit c671daf3a1b2-dirty)"},
		{"neither", "", "", stamp(), "Unbind dev"},
		{"no build info", "", "", func() (*debug.BuildInfo, bool) { return nil, false }, "Unbind dev"},
	} {
		version, commit, readBuildInfo = tc.version, tc.commit, tc.info
		if got := String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestBothBinariesPrintTheSameLine builds unbind and unbindctl with the
// flags the packaging scripts use and compares 'unbind --version' with
// 'unbindctl version'.
func TestBothBinariesPrintTheSameLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both binaries")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("go is not on PATH: ", err)
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal("module root not found: ", err)
	}
	const want = "Unbind 9.8.7 (commit 0123456789ab)"
	ldflags := "-X github.com/unbindapp/unbind/cmd/internal/buildinfo.version=9.8.7 " +
		"-X github.com/unbindapp/unbind/cmd/internal/buildinfo.commit=0123456789ab"
	dir := t.TempDir()
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	lines := map[string]string{}
	for name, args := range map[string][]string{"unbind": {"--version"}, "unbindctl": {"version"}} {
		bin := filepath.Join(dir, name+exe)
		build := exec.Command(goBin, "build", "-ldflags", ldflags, "-o", bin, "./cmd/"+name)
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", name, err, out)
		}
		run := exec.Command(bin, args...)
		run.Env = append(os.Environ(), "UNBIND_DATA_DIR="+filepath.Join(dir, "data"))
		// Standard output only: Fyne's init may log to standard error
		// (a locale it cannot parse, such as LANG=C).
		var stderr strings.Builder
		run.Stderr = &stderr
		out, err := run.Output()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
		}
		lines[name] = strings.TrimSpace(string(out))
	}
	if lines["unbind"] != want || lines["unbindctl"] != want {
		t.Errorf("unbind --version: %q, unbindctl version: %q, want both %q", lines["unbind"], lines["unbindctl"], want)
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); err == nil {
		t.Error("printing the version created the data folder")
	}
}
