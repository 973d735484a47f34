package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
)

// importChildEnv makes the test binary run unbindctl itself (see
// TestImportChildProcess): the arguments come one per line.
const importChildEnv = "UNBIND_TEST_UNBINDCTL_ARGS"

// TestImportChildProcess is not a test: it is what the test binary runs
// when re-executed by TestImportKilledLeavesDatabaseIntact.
func TestImportChildProcess(t *testing.T) {
	args := os.Getenv(importChildEnv)
	if args == "" {
		t.Skip("only runs as a child process")
	}
	os.Exit(run(strings.Split(args, "\n"), newEnv()))
}

// importBigExport writes a Chrome export of n logins on shopping platforms,
// all different, with notes that need quoting.
func importBigExport(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("\ufeffname,url,username,password,note\r\n")
	hosts := []string{"https://login.taobao.com/", "https://passport.jd.com/new/login.aspx", "https://mobile.yangkeduo.com/",
		"https://www.tmall.com/", "https://www.dangdang.com/", "https://www.suning.com/"}
	for i := range n {
		fmt.Fprintf(w, "账号 %d,%s,user%d@example.com,Pw-%d-secret,\"备注 %d, 第一行\r\n第二行\"\r\n", i, hosts[i%len(hosts)], i, i, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// startImport starts the test binary as `unbindctl --data-dir dir import file`.
func importStart(t *testing.T, dir, file string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportChildProcess$")
	cmd.Env = append(os.Environ(), importChildEnv+"="+strings.Join([]string{"--data-dir", dir, "import", file}, "\n"))
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// checkIntact opens the data folder as Unbind would and returns the number
// of accounts after PRAGMA integrity_check said ok.
func importCheckIntact(t *testing.T, dir string) int {
	t.Helper()
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	defer st.Close()
	var check string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var n, orphans int
	st.DB().QueryRow("SELECT count(*) FROM accounts").Scan(&n)
	st.DB().QueryRow("SELECT count(*) FROM events WHERE kind = 'imported' AND account_id NOT IN (SELECT id FROM accounts)").Scan(&orphans)
	if orphans != 0 {
		t.Fatalf("%d import events without their account", orphans)
	}
	return n
}

func importCopyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestImportKilledLeavesDatabaseIntact kills (SIGKILL) an import of 50,000
// entries at random moments, some of them while the transaction is being
// written (the write-ahead log grows), and checks each time that the
// database is intact and holds either none or all of the new accounts.
func TestImportKilledLeavesDatabaseIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a 50,000-entry import several times")
	}
	if importRaceBuild {
		// The race detector watches no goroutines here worth minutes: the
		// plain `go test ./...` of make test runs this.
		t.Skip("a 50,000-entry import takes minutes under -race")
	}
	const n = 50_000
	work := t.TempDir()
	big := filepath.Join(work, "big.csv")
	importBigExport(t, big, n)
	base := filepath.Join(work, "base")
	mustCLI(t, base, "import", filepath.Join(samplesDir, "bitwarden.csv"))
	old := importCheckIntact(t, base)
	baseDB := filepath.Join(base, store.FileName)

	// One run to the end tells how long an import takes here.
	full := filepath.Join(work, "full")
	os.MkdirAll(full, 0o700)
	importCopyFile(t, baseDB, filepath.Join(full, store.FileName))
	began := time.Now()
	if err := importStart(t, full, big).Wait(); err != nil {
		t.Fatalf("uninterrupted import: %v", err)
	}
	took := time.Since(began)
	if got := importCheckIntact(t, full); got != old+n {
		t.Fatalf("uninterrupted import: %d accounts, want %d", got, old+n)
	}
	t.Logf("50,000 entries import in %v", took.Round(time.Millisecond))

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	outcomes := map[string]int{}
	for i := range 6 {
		dir := filepath.Join(work, fmt.Sprint("run", i))
		os.MkdirAll(dir, 0o700)
		importCopyFile(t, baseDB, filepath.Join(dir, store.FileName))
		cmd := importStart(t, dir, big)
		how := ""
		if i%2 == 0 {
			// While the transaction spills into the WAL: mid-write for sure.
			limit := int64(256<<10 + rng.IntN(4<<20))
			how = fmt.Sprintf("at WAL size %d KiB", limit>>10)
			deadline := time.Now().Add(2*took + 10*time.Second)
			for time.Now().Before(deadline) {
				if info, err := os.Stat(filepath.Join(dir, store.FileName+"-wal")); err == nil && info.Size() >= limit {
					break
				}
				time.Sleep(time.Millisecond)
			}
		} else {
			d := time.Duration(rng.Int64N(int64(took) * 13 / 10))
			how = fmt.Sprintf("after %v", d.Round(time.Millisecond))
			time.Sleep(d)
		}
		cmd.Process.Kill()
		cmd.Wait()
		switch got := importCheckIntact(t, dir); got {
		case old:
			outcomes["nothing"]++
		case old + n:
			outcomes["all"]++
		default:
			t.Fatalf("killed %s: %d accounts, want %d or %d", how, got, old, old+n)
		}
		t.Logf("killed %s: intact", how)
	}
	t.Logf("outcomes: %v", outcomes)
	if outcomes["nothing"] == 0 {
		t.Error("no kill landed before the commit; the test proved nothing")
	}
}
