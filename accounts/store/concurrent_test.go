package store

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// writerEnv makes the test binary act as a second process that writes.
const writerEnv = "UNBIND_TEST_WRITER_DIR"

// TestMain lets the test binary act as a writer process (as the GUI and
// the CLI are two processes on one file).
func TestMain(m *testing.M) {
	if dir := os.Getenv(writerEnv); dir != "" {
		os.Exit(writer(dir, os.Getenv("UNBIND_TEST_WRITER_NAME"), os.Getenv("UNBIND_TEST_SHARED_ID")))
	}
	os.Exit(m.Run())
}

const writes = 150

// writer adds accounts and edits one shared account, as fast as it can.
func writer(dir, name, shared string) int {
	st, err := OpenDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	svc := accounts.NewService(st, nil)
	for i := 0; i < writes; i++ {
		if _, err := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: name + "-" + strconv.Itoa(i)}); err != nil {
			fmt.Fprintln(os.Stderr, "add:", err)
			return 1
		}
		if err := svc.SetEvidence(ctx, shared, accounts.TrackAccountDelete, name, strconv.Itoa(i)); err != nil {
			fmt.Fprintln(os.Stderr, "evidence:", err)
			return 1
		}
		if _, err := svc.TickStep(ctx, shared, accounts.TrackAccountDelete, accounts.StepKey(i%5), i%2 == 0); err != nil {
			fmt.Fprintln(os.Stderr, "tick:", err)
			return 1
		}
	}
	return 0
}

func TestTwoProcessesWriteConcurrently(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := accounts.NewService(st, nil).Add(ctx, accounts.Account{PlatformID: "taobao", Name: "shared"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	out := make([][]byte, 2)
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), writerEnv+"="+dir, "UNBIND_TEST_WRITER_NAME=p"+strconv.Itoa(p), "UNBIND_TEST_SHARED_ID="+shared.ID)
			out[p], errs[p] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for p := range errs {
		if errs[p] != nil {
			t.Fatalf("writer %d failed: %v\n%s", p, errs[p], out[p])
		}
	}
	st, err = Open(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, _ := st.Accounts(ctx)
	if len(all) != 1+2*writes {
		t.Errorf("want %d accounts, got %d: updates were lost", 1+2*writes, len(all))
	}
	ev, _ := st.Events(ctx, shared.ID)
	evidence := 0
	for _, e := range ev {
		if e.Kind == accounts.EventEvidence {
			evidence++
		}
	}
	if evidence != 2*writes {
		t.Errorf("want %d evidence events on the shared account, got %d", 2*writes, evidence)
	}
	var check string
	st.db.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
}
