package store

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// touchEnv makes TestHelperTouch, run in a child process, add an account
// to the database in the folder it names.
const touchEnv = "UNBIND_TEST_TOUCH_DIR"

func TestHelperTouch(t *testing.T) {
	dir := os.Getenv(touchEnv)
	if dir == "" {
		t.Skip("helper process only")
	}
	st, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := accounts.NewService(st, nil).Add(ctx, accounts.Account{PlatformID: "jd", Name: "from another process"}); err != nil {
		t.Fatal(err)
	}
}

func TestChangesMarkEveryCommit(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := accounts.NewService(st, nil)
	mark := func() ChangeMark {
		t.Helper()
		m, err := st.Changes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m0 := mark()
	if m := mark(); m != m0 {
		t.Fatalf("no change, yet the mark moved: %v → %v", m0, m)
	}
	// Reads and a write transaction that changes nothing (FireDue with
	// nothing due) leave the mark: the scheduler runs both every minute.
	if _, err := st.Accounts(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.FireDue(ctx, time.Now()); err != nil {
		t.Fatal(err)
	}
	if m := mark(); m != m0 {
		t.Fatalf("reads and an empty FireDue moved the mark: %v → %v", m0, m)
	}

	a, err := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: "主号"})
	if err != nil {
		t.Fatal(err)
	}
	m1 := mark()
	if m1 == m0 {
		t.Fatal("adding an account through this store did not move the mark")
	}
	if _, err := svc.TickStep(ctx, a.ID, accounts.TrackAccountDelete, accounts.PrereqKey("backup_orders"), true); err != nil {
		t.Fatal(err)
	}
	m2 := mark()
	if m2 == m1 {
		t.Fatal("ticking a track step did not move the mark")
	}
	if err := st.SetSetting(ctx, SettingLanguage, "en"); err != nil {
		t.Fatal(err)
	}
	m3 := mark()
	if m3 == m2 {
		t.Fatal("a setting did not move the mark")
	}

	// Another process writing the same file.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperTouch$")
	cmd.Env = append(os.Environ(), touchEnv+"="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helper process: %v\n%s", err, out)
	}
	m4 := mark()
	if m4 == m3 {
		t.Fatal("a commit by another process did not move the mark")
	}
	if all, _ := st.Accounts(ctx); len(all) != 2 {
		t.Fatalf("the other process's account is not visible: %d accounts", len(all))
	}
}

func TestChangesAfterWatchConnectionLost(t *testing.T) {
	st, _ := openTemp(t)
	m0, err := st.Changes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A new watch connection counts from its own start; its marks must
	// not be mistaken for the old one's.
	st.closeWatch()
	m1, err := st.Changes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m1 == m0 {
		t.Fatalf("a mark of a new watch connection equals one of the old: %v", m1)
	}
}
