package tools

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/unbindapp/unbind/accounts/backup"
)

func TestBackupThenRestoreIntoAnotherFolder(t *testing.T) {
	src, win := newToolsEnv(t, nil)
	w := ShowImportWizard(win, src, nil)
	openSample(t, w, "keepassxc.csv")
	test.Tap(w.preview.importBtn)
	w.jobs.wait()
	file := filepath.Join(t.TempDir(), "unbind-backup.json")
	d := showBackupResult(win, src, file, "")
	defer d.Hide()
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	inv, err := backup.ReadFile(file)
	if err != nil || len(inv.Accounts) != 3 {
		t.Fatalf("backup: %d accounts, %v", len(inv.Accounts), err)
	}

	dst, win2 := newToolsEnv(t, nil)
	restored := 0
	r := OpenRestore(win2, dst, file, func() { restored++ })
	if !strings.Contains(r.msg.text(), "holds 3 accounts") || r.restore.Disabled() {
		t.Fatalf("restore dialog: %q", r.msg.text())
	}
	test.Tap(r.restore)
	if r.result == nil || r.result.Added != 3 || restored != 1 || !strings.HasPrefix(r.msg.text(), "Restored: 3 accounts added") {
		t.Fatalf("restore: %+v, %q", r.result, r.msg.text())
	}
	again := OpenRestore(win2, dst, file, nil)
	test.Tap(again.restore)
	if again.result == nil || again.result.Added != 0 || again.result.Unchanged != 3 || again.result.EventsAdded != 0 {
		t.Errorf("second restore: %+v", again.result)
	}
	if n := len(toolAccounts(t, dst)); n != 3 {
		t.Errorf("%d accounts after restoring twice", n)
	}
}

func TestBackupRestoreRefusesBadFiles(t *testing.T) {
	tools, win := newToolsEnv(t, nil)
	for path, want := range map[string]string{
		filepath.Join(toolSamples, "bitwarden.json"): `no "schema" field`,
		filepath.Join(toolSamples, "chrome.csv"):     "line 1: not valid JSON",
		filepath.Join(t.TempDir(), "none.json"):      "no such file",
	} {
		r := OpenRestore(win, tools, path, nil)
		if !r.restore.Disabled() || !strings.Contains(r.msg.detail, want) || !strings.HasPrefix(r.msg.text(), "This file cannot be restored: ") {
			t.Errorf("%s: restore enabled %v, %q (details %q)", filepath.Base(path), !r.restore.Disabled(), r.msg.text(), r.msg.detail)
		}
		r.dlg.Hide()
	}
	if _, err := BackupTo(tools, t.TempDir(), ""); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("backup to a folder: %v", err)
	}
}

func init() { backup.ScryptWorkFactor = 10 }

// TestEncryptedBackupInTheGUI: the backup form refuses a short or
// mismatched passphrase; an encrypted backup opens in the restore dialog
// only with its passphrase, and a wrong one keeps the dialog for a retry.
func TestEncryptedBackupInTheGUI(t *testing.T) {
	src, win := newToolsEnv(t, nil)
	w := ShowImportWizard(win, src, nil)
	openSample(t, w, "keepassxc.csv")
	test.Tap(w.preview.importBtn)
	w.jobs.wait()

	f := newBackupForm()
	f.pass.SetText("short")
	f.again.SetText("short")
	if _, ok := f.passphrase(); ok || !strings.Contains(f.msg.text(), "at least 10") {
		t.Errorf("short passphrase accepted: %q", f.msg.text())
	}
	f.pass.SetText("correct horse battery")
	f.again.SetText("correct horse batterz")
	if _, ok := f.passphrase(); ok || !strings.Contains(f.msg.text(), "differ") {
		t.Errorf("mismatch accepted: %q", f.msg.text())
	}
	f.again.SetText("correct horse battery")
	pass, ok := f.passphrase()
	if !ok {
		t.Fatal(f.msg.text())
	}
	file := filepath.Join(t.TempDir(), "unbind-backup.age")
	d := showBackupResult(win, src, file, pass)
	defer d.Hide()

	dst, win2 := newToolsEnv(t, nil)
	r := OpenRestore(win2, dst, file, nil)
	if !r.restore.Disabled() || !r.ask.Visible() || !strings.Contains(r.msg.text(), "encrypted") {
		t.Fatalf("encrypted backup: restore enabled %v, asks %v, %q", !r.restore.Disabled(), r.ask.Visible(), r.msg.text())
	}
	test.Type(r.pass, "wrong horse battery")
	test.Tap(r.unlock)
	if !r.restore.Disabled() || !strings.Contains(r.msg.text(), "does not open") {
		t.Errorf("wrong passphrase: %q", r.msg.text())
	}
	test.Type(r.pass, pass)
	test.Tap(r.unlock)
	if r.restore.Disabled() || !strings.Contains(r.msg.text(), "holds 3 accounts") {
		t.Fatalf("right passphrase: %q", r.msg.text())
	}
	test.Tap(r.restore)
	if r.result == nil || r.result.Added != 3 {
		t.Errorf("restore: %+v", r.result)
	}
}
