package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// stressFaultLine checks one failure the way a person meets it: the CLI exits 1 with
// one line on stderr that contains every phrase of want.
func stressFaultLine(t *testing.T, r stressResult, want ...string) (string, bool) {
	t.Helper()
	msg := strings.TrimSpace(r.stderr)
	ok := r.code == 1 && msg != "" && !strings.Contains(msg, "\n")
	for _, w := range want {
		if !strings.Contains(msg, w) {
			ok = false
		}
	}
	if !ok {
		t.Errorf("want exit 1 and one line with %q, got %v", want, r)
	}
	return msg, ok
}

func stressFileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// stressSeed makes a data folder with n accounts through the CLI's store
// and returns it with the accounts' IDs.
func stressSeed(t *testing.T, dir string, n int) []string {
	t.Helper()
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := accounts.NewService(st, nil)
	var ids []string
	for i := range n {
		a, err := svc.Add(context.Background(), accounts.Account{PlatformID: "taobao", Name: fmt.Sprintf("故障 %d", i),
			Login: fmt.Sprintf("fault%d@example.com", i), Notes: strings.Repeat("备注 ", 40)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	return ids
}

// stressQuiesce leaves the database as one self-contained file (no -wal), as
// after a clean exit, so its bytes can be compared.
func stressQuiesce(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

func stressIsRoot() bool { return os.Geteuid() == 0 }

func stressMount(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
		t.Fatalf("mount %v: %v: %s", args, err, out)
	}
}

func stressUnmount(t *testing.T, dir string) {
	t.Helper()
	for range 20 {
		if exec.Command("umount", dir).Run() == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("umount %s failed", dir)
}

// TestStressFaults: a newer schema, a truncated file, a read-only data
// folder and a full disk, each met by the CLI (and the in-process store
// where the GUI would meet it): one clear line, and nothing lost.
func TestStressFaults(t *testing.T) {
	stressMode(t)
	p := stressProc{bin: stressBuildCLI(t)}
	t.Run("newer schema", func(t *testing.T) { stressFaultNewerSchema(t, p) })
	t.Run("truncated file", func(t *testing.T) { stressFaultTruncated(t, p) })
	t.Run("read-only folder", func(t *testing.T) { stressFaultReadOnly(t, p) })
	t.Run("disk full", func(t *testing.T) { stressFaultDiskFull(t, p) })
}

func stressFaultNewerSchema(t *testing.T, p stressProc) {
	dir := stressDir(t, "data", "newer-schema")
	stressSeed(t, dir, 5)
	path := filepath.Join(dir, store.FileName)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA user_version = 99", "PRAGMA journal_mode = DELETE"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	before := stressFileSum(t, path)
	msg, ok := stressFaultLine(t, p.run(dir, "", "account", "add", "--platform", "jd", "--name", "x"),
		path, "schema version 99", "newer version of Unbind", "left unchanged")
	_, ok2 := stressFaultLine(t, p.run(dir, "", "account", "list"), "newer version of Unbind")
	_, gerr := store.OpenDir(dir)
	unchanged := stressFileSum(t, path) == before && len(store.Backups(path)) == 0
	if !unchanged {
		t.Error("the newer file was changed or backed up")
	}
	if !errors.Is(gerr, store.ErrNewerSchema) {
		t.Errorf("in-process open: %v", gerr)
	}
	stressSummary(t, "fault: newer schema (user_version 99)", stressClip(msg, dir), "refused, bytes unchanged",
		ok && ok2 && unchanged && errors.Is(gerr, store.ErrNewerSchema))
}

func stressFaultTruncated(t *testing.T, p stressProc) {
	dir := stressDir(t, "data", "truncated")
	ids := stressSeed(t, dir, 300)
	path := filepath.Join(dir, store.FileName)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := st.Backup("manual")
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	stressQuiesce(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	before, backupSum := stressFileSum(t, path), stressFileSum(t, backup)
	msg, ok := stressFaultLine(t, p.run(dir, "", "account", "list"), path, "damaged", backup)
	_, ok2 := stressFaultLine(t, p.run(dir, "", "account", "add", "--platform", "jd", "--name", "x"), "damaged", backup)
	if _, err := store.OpenDir(dir); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("in-process open: %v", err)
		ok = false
	}
	unchanged := stressFileSum(t, path) == before && stressFileSum(t, backup) == backupSum
	if !unchanged {
		t.Error("the damaged file or its backup was changed")
	}
	// Following the message's advice brings every account back.
	restored := stressDir(t, "data", "truncated-restored")
	stressCopy(t, backup, filepath.Join(restored, store.FileName))
	n, err := p.listCount(restored)
	if err != nil || n != len(ids) {
		t.Errorf("the backup holds %d accounts (%v), want %d", n, err, len(ids))
	}
	stressSummary(t, "fault: truncated database", stressClip(msg, dir), "names file + backup; 0 lost",
		ok && ok2 && unchanged && n == len(ids))
}

func stressCopy(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func stressFaultReadOnly(t *testing.T, p stressProc) {
	if !stressIsRoot() {
		stressSummary(t, "fault: read-only data folder", "skipped: a read-only bind mount needs root", "-", true)
		t.Skip("needs root for a read-only bind mount")
	}
	dir := stressDir(t, "data", "read-only")
	ids := stressSeed(t, dir, 20)
	path := filepath.Join(dir, store.FileName)
	stressQuiesce(t, path)
	before := stressFileSum(t, path)
	ro := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(ro, 0o700)
	stressMount(t, "--bind", dir, ro)
	roMounted := true
	defer func() {
		if roMounted {
			stressUnmount(t, ro)
		}
	}()
	stressMount(t, "-o", "remount,ro,bind", ro)

	msg, ok := stressFaultLine(t, p.run(ro, "", "account", "list"), "read-only", "writable data folder")
	_, ok2 := stressFaultLine(t, p.run(ro, "", "account", "add", "--platform", "jd", "--name", "x"), "read-only", "writable data folder")
	if _, err := store.OpenDir(ro); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("in-process open: want ErrReadOnly, got %v", err)
		ok = false
	}
	// An empty read-only folder, as a first start on a read-only medium.
	empty := filepath.Join(t.TempDir(), "empty-ro")
	os.Mkdir(empty, 0o700)
	src := t.TempDir()
	os.Chmod(src, 0o700) // as Unbind makes its folders; 0755 adds a warning line
	stressMount(t, "--bind", src, empty)
	defer stressUnmount(t, empty)
	stressMount(t, "-o", "remount,ro,bind", empty)
	_, ok3 := stressFaultLine(t, p.run(empty, "", "account", "add", "--platform", "jd", "--name", "x"), "read-only", "writable data folder")

	stressUnmount(t, ro)
	roMounted = false
	unchanged := stressFileSum(t, path) == before
	n, err := p.listCount(dir)
	if !unchanged || err != nil || n != len(ids) {
		t.Errorf("after the read-only mount: file unchanged %t, %d accounts (%v), want %d", unchanged, n, err, len(ids))
	}
	stressSummary(t, "fault: read-only data folder", stressClip(msg, ro), "says so + what to do; unchanged",
		ok && ok2 && ok3 && unchanged && n == len(ids))
}

func stressFaultDiskFull(t *testing.T, p stressProc) {
	if !stressIsRoot() {
		stressSummary(t, "fault: disk full", "skipped: a tmpfs mount needs root", "-", true)
		t.Skip("needs root for a tmpfs mount")
	}
	dir := filepath.Join(t.TempDir(), "full")
	os.Mkdir(dir, 0o700)
	stressMount(t, "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", dir)
	mounted := true
	defer func() {
		if mounted {
			stressUnmount(t, dir)
		}
	}()
	// The GUI has the inventory open while the disk fills up.
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := accounts.NewService(st, nil)
	ctx := context.Background()
	var added int
	for i := range 40 {
		if _, err := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: fmt.Sprintf("满盘 %d", i), Notes: strings.Repeat("x", 2000)}); err != nil {
			t.Fatal(err)
		}
		added++
	}
	if err := stressFill(filepath.Join(dir, "filler")); err != nil {
		t.Fatal(err)
	}
	// Adding fails clearly, in the GUI's store and in the CLI, until the
	// disk is really full (SQLite may still find room in free pages).
	var guiErr error
	for i := range 200 {
		_, guiErr = svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: fmt.Sprintf("再加 %d", i), Notes: strings.Repeat("y", 3000)})
		if guiErr != nil {
			break
		}
		added++
	}
	guiOK := guiErr != nil && strings.Contains(guiErr.Error(), "is full; free some space")
	if !guiOK {
		t.Errorf("GUI add on a full disk: want an error saying the disk is full, got %v", guiErr)
	}
	r := p.run(dir, "", "account", "add", "--platform", "jd", "--name", "cli on a full disk", "--notes", strings.Repeat("z", 3000))
	msg, ok := stressFaultLine(t, r, "is full; free some space")
	// The data stays readable while the disk is full: the GUI's list, and
	// the CLI next to the running GUI.
	all, err := svc.List(ctx)
	readable := err == nil && len(all) == added
	if !readable {
		t.Errorf("GUI list on a full disk: %d accounts, %v; want %d", len(all), err, added)
	}
	n, err := p.listCount(dir)
	if err != nil || n != added {
		t.Errorf("CLI list on a full disk: %d accounts, %v; want %d", n, err, added)
		readable = false
	}
	st.Close()
	// A CLI on its own while the disk is still full: it may not be able to
	// open the file, but then it must say why.
	if r := p.run(dir, "", "account", "list"); r.code != 0 {
		if _, ok := stressFaultLine(t, r, "is full; free some space"); !ok {
			readable = false
		}
	}
	os.Remove(filepath.Join(dir, "filler"))
	state, err := stressReadDB(filepath.Join(dir, store.FileName))
	intact := err == nil && state.check() == nil && state.accounts == added
	if !intact {
		t.Errorf("after freeing space: %v %v, %d accounts, want %d", err, state.check(), state.accounts, added)
	}
	if n, err := p.listCount(dir); err != nil || n != added {
		t.Errorf("CLI after freeing space: %d, %v", n, err)
		intact = false
	}
	// Keep a copy for the secret scan, then unmount.
	keep := stressDir(t, "data", "disk-full")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		stressCopy(t, filepath.Join(dir, e.Name()), filepath.Join(keep, e.Name()))
	}
	stressUnmount(t, dir)
	mounted = false
	stressSummary(t, "fault: disk full (2 MiB tmpfs)", stressClip(msg, dir), "clear; intact + readable",
		guiOK && ok && readable && intact)
	t.Logf("GUI add on a full disk: %v", guiErr)
}

// stressFill writes to path until the disk is full.
func stressFill(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return nil
			}
			return err
		}
	}
}

// stressClip shortens a message for the summary table, writing DIR for the
// data folder.
func stressClip(s string, dirs ...string) string {
	s = strings.TrimPrefix(s, "unbindctl: ")
	for _, d := range dirs {
		s = strings.ReplaceAll(s, d, "DIR")
	}
	if r := []rune(s); len(r) > 90 {
		return string(r[:87]) + "…"
	}
	return s
}
