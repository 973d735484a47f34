// Package buildinfo is the one version line both binaries print
// ('unbind --version', 'unbindctl version'). The packaging scripts inject
// FyneApp.toml's Version and the git commit at link time:
//
//	go build -ldflags "-X github.com/unbindapp/unbind/cmd/internal/buildinfo.version=0.1.0
//	  -X github.com/unbindapp/unbind/cmd/internal/buildinfo.commit=c671daf3a1b2"
//
// Without them the commit comes from the VCS stamp Go writes into the
// binary (vcs.revision, when built with -buildvcs), and the version reads
// "dev". It imports no Fyne, so unbindctl still builds with CGO_ENABLED=0.
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// Set with -ldflags -X by .ci/package.sh and the Makefile; empty in a plain
// 'go build'.
var (
	version string
	commit  string
)

// Dev is the version of a binary built without the packaging scripts.
const Dev = "dev"

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// Version is FyneApp.toml's Version, or Dev.
func Version() string {
	if version == "" {
		return Dev
	}
	return version
}

// Commit is the injected commit, else the VCS revision Go stamped (its
// first 12 digits, "-dirty" when the tree had changes), else "".
func Commit() string {
	if commit != "" {
		return commit
	}
	info, ok := readBuildInfo()
	if !ok {
		return ""
	}
	var rev string
	var dirty bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && dirty {
		rev += "-dirty"
	}
	return rev
}

// String is the line both binaries print: "Unbind 0.1.0 (commit
// c671daf3a1b2)", "Unbind dev (commit …)" or plain "Unbind dev".
func String() string {
	var b strings.Builder
	b.WriteString("Unbind ")
	b.WriteString(Version())
	if c := Commit(); c != "" {
		b.WriteString(" (commit " + c + ")")
	}
	return b.String()
}
