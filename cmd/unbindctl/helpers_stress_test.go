package main

// Shared machinery of the stress suite (.ci/stress.sh): whole CLI processes
// against real data folders, checks on the database file itself, and a
// summary line per check. Every TestStress* test skips unless
// UNBIND_STRESS is "short" or "full", so 'go test ./...' stays fast.
//
//	UNBIND_STRESS          short | full
//	UNBIND_STRESS_DIR      root of the data folders, exports and logs that the
//	                       script scans for secrets afterwards (default: a
//	                       temporary folder per test)
//	UNBIND_STRESS_SUMMARY  file the tests append "check\tfigure\ttarget\tPASS|FAIL" lines to
//	UNBIND_STRESS_SECRET   the distinctive prefix of every secret the suite
//	                       stores (the script greps for it)

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// stressMode returns "short" or "full", or skips the test.
func stressMode(t *testing.T) string {
	t.Helper()
	m := os.Getenv("UNBIND_STRESS")
	if m != "short" && m != "full" {
		t.Skip("stress test: set UNBIND_STRESS=short|full (run .ci/stress.sh)")
	}
	return m
}

// stressPick returns short or full by mode.
func stressPick[T any](mode string, short, full T) T {
	if mode == "full" {
		return full
	}
	return short
}

// stressDir makes a new folder under UNBIND_STRESS_DIR (kept for the secret
// scan) or under the test's temporary folder, named after parts.
func stressDir(t *testing.T, parts ...string) string {
	t.Helper()
	root := os.Getenv("UNBIND_STRESS_DIR")
	if root == "" {
		root = t.TempDir()
	}
	parent := filepath.Join(append([]string{root}, parts[:len(parts)-1]...)...)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp(parent, parts[len(parts)-1]+"-")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var stressSecretOnce sync.Once
var stressSecretPrefix string

// stressSecret is a distinctive secret value: the scan at the end of the
// suite looks for the prefix in every file the suite leaves behind.
func stressSecret(tag string) string {
	stressSecretOnce.Do(func() {
		stressSecretPrefix = os.Getenv("UNBIND_STRESS_SECRET")
		if stressSecretPrefix == "" {
			b := make([]byte, 8)
			rand.Read(b)
			stressSecretPrefix = "UNBIND-TEST-SECRET-" + hex.EncodeToString(b)
		}
	})
	return stressSecretPrefix + "-" + tag
}

// stressHaveKeyring reports whether a real, unlocked Secret Service is there
// (.ci/with-keyring.sh secret-service).
func stressHaveKeyring() bool { return os.Getenv("UNBIND_KEYRING") == "secret-service" }

var stressSummaryMu sync.Mutex

// stressSummary records one line of the suite's final table and logs it.
func stressSummary(t *testing.T, check, figure, target string, ok bool) {
	t.Helper()
	verdict := "PASS"
	if !ok {
		verdict = "FAIL"
		t.Errorf("%s: %s (target %s)", check, figure, target)
	}
	line := strings.Join([]string{check, figure, target, verdict}, "\t")
	t.Log("summary: " + line)
	path := os.Getenv("UNBIND_STRESS_SUMMARY")
	if path == "" {
		return
	}
	stressSummaryMu.Lock()
	defer stressSummaryMu.Unlock()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Errorf("summary file: %v", err)
		return
	}
	defer f.Close()
	fmt.Fprintln(f, line)
}

// stressBuildCLI builds unbindctl as 'make build' does (no cgo) into a temporary
// folder and returns its path.
func stressBuildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "unbindctl")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build unbindctl: %v\n%s", err, out)
	}
	return bin
}

// stressProc is the CLI binary with extra environment.
type stressProc struct {
	bin string
	env []string
}

// stressResult is one finished CLI process.
type stressResult struct {
	stdout, stderr string
	code           int // -1 when killed by a signal
	signal         syscall.Signal
	took           time.Duration
}

func (r stressResult) String() string {
	if r.code < 0 {
		return fmt.Sprintf("killed by %v after %v", r.signal, r.took)
	}
	return fmt.Sprintf("exit %d after %v, stderr %q", r.code, r.took.Round(time.Millisecond), r.stderr)
}

func (p stressProc) command(dir, stdin string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	cmd := exec.Command(p.bin, append([]string{"--data-dir", dir}, args...)...)
	cmd.Env = append(os.Environ(), p.env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	return cmd, &out, &errb
}

func stressFinish(err error, cmd *exec.Cmd, out, errb *bytes.Buffer, took time.Duration) stressResult {
	r := stressResult{stdout: out.String(), stderr: errb.String(), took: took}
	if cmd.ProcessState == nil {
		r.code, r.stderr = 127, err.Error()
		return r
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		r.code, r.signal = -1, ws.Signal()
	} else {
		r.code = ws.ExitStatus()
	}
	return r
}

// run runs the CLI on data folder dir to the end.
func (p stressProc) run(dir, stdin string, args ...string) stressResult {
	cmd, out, errb := p.command(dir, stdin, args...)
	start := time.Now()
	err := cmd.Run()
	return stressFinish(err, cmd, out, errb, time.Since(start))
}

// runKilled starts the CLI and sends SIGKILL after delay unless it ended
// before; result.code is -1 when the kill landed.
func (p stressProc) runKilled(dir, stdin string, delay time.Duration, args ...string) stressResult {
	cmd, _, _ := p.command(dir, stdin, args...)
	return stressRunKilled(cmd, delay)
}

// stressRunKilled runs cmd, killing it with SIGKILL after delay.
func stressRunKilled(cmd *exec.Cmd, delay time.Duration) stressResult {
	return stressRunUntil(cmd, func(elapsed time.Duration) bool { return elapsed >= delay })
}

// stressRunUntil runs cmd and kills it with SIGKILL as soon as kill, asked
// every 2 ms with the time since the start, says so.
func stressRunUntil(cmd *exec.Cmd, kill func(elapsed time.Duration) bool) stressResult {
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return stressResult{code: 127, stderr: err.Error()}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return stressFinish(err, cmd, &out, &errb, time.Since(start))
		case <-tick.C:
			if kill(time.Since(start)) {
				cmd.Process.Signal(syscall.SIGKILL)
				err := <-done
				return stressFinish(err, cmd, &out, &errb, time.Since(start))
			}
		}
	}
}

// must runs the CLI and fails the test unless it exits 0.
func (p stressProc) must(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := p.run(dir, "", args...)
	if r.code != 0 {
		t.Fatalf("unbindctl %v: %v", args, r)
	}
	return r.stdout
}

// hasCommand reports whether 'unbindctl help' lists the command group.
func (p stressProc) hasCommand(t *testing.T, name string) bool {
	t.Helper()
	r := p.run(t.TempDir(), "", "help")
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == name {
			return true
		}
	}
	return false
}

// listCount is the number of accounts 'account list' prints (one line
// each after the header; the text form keeps 100k accounts cheap).
func (p stressProc) listCount(dir string) (int, error) {
	r := p.run(dir, "", "account", "list")
	if r.code != 0 {
		return 0, fmt.Errorf("account list: %v", r)
	}
	lines := strings.Count(r.stdout, "\n")
	if !strings.HasPrefix(r.stdout, "ID") || lines < 1 {
		return 0, fmt.Errorf("account list printed %.100q", r.stdout)
	}
	return lines - 1, nil
}
