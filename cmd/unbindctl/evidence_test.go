package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// TestEvidenceCommands: add copies a file under its SHA-256, list and
// verify show it, a changed copy fails verify, a file named with an
// escape sequence prints harmlessly, a backup carries it to another data
// folder, and remove deletes it.
func TestEvidenceCommands(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "account", "add", "--platform", "jd", "--name", "京东")
	var list []accounts.Account
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "account", "list", "--json")), &list); err != nil || len(list) != 1 {
		t.Fatalf("account list: %v", err)
	}
	id := list[0].ID
	chat := filepath.Join(t.TempDir(), "chat\x1b]0;pwned\x07.txt")
	os.WriteFile(chat, []byte("客服：注销申请已受理。\n"), 0o600)
	var f accounts.EvidenceFile
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "evidence", "add", id, chat, "--json")), &f); err != nil {
		t.Fatal(err)
	}
	if f.Track != accounts.TrackAccountDelete || f.MediaType != "text/plain" || len(f.SHA256) != 64 {
		t.Fatalf("added %+v", f)
	}
	out := mustCLI(t, dir, "evidence", "list")
	if !strings.Contains(out, f.SHA256) || strings.ContainsRune(out, '\x1b') {
		t.Fatalf("list:\n%q", out)
	}
	if out := mustCLI(t, dir, "evidence", "verify", id); !strings.Contains(out, "checked 1 evidence files") {
		t.Fatalf("verify:\n%s", out)
	}
	// Refusals are one line and exit 1.
	exe := filepath.Join(t.TempDir(), "photo.png")
	os.WriteFile(exe, []byte("\x7fELF\x02\x01\x01"), 0o600)
	if _, errs, code := cli(t, dir, "", "evidence", "add", id, exe); code != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("a program as evidence: exit %d, %q", code, errs)
	}
	// A backup takes it along, encrypted.
	file := filepath.Join(t.TempDir(), "b.age")
	if _, errs, code := cli(t, dir, "correct horse battery\n", "backup", "-o", file); code != 0 {
		t.Fatalf("backup: %d %s", code, errs)
	}
	dst := t.TempDir()
	if out, errs, code := cli(t, dst, "correct horse battery\n", "restore", file); code != 0 || !strings.Contains(out, "1 evidence files added") {
		t.Fatalf("restore: %d %s %s", code, out, errs)
	}
	if out := mustCLI(t, dst, "evidence", "verify"); !strings.Contains(out, f.SHA256) {
		t.Fatalf("restored folder:\n%s", out)
	}
	// A copy changed on disk fails verify.
	stored := filepath.Join(dir, "evidence", f.SHA256+".txt")
	if err := os.WriteFile(stored, []byte("edited afterwards"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := cli(t, dir, "", "evidence", "verify"); code != 1 || !strings.Contains(out, "FAILED") || !strings.Contains(errs, "no longer match") {
		t.Fatalf("verify of a changed file: exit %d\n%s\n%s", code, out, errs)
	}
	mustCLI(t, dir, "evidence", "remove", f.ID)
	if _, err := os.Stat(stored); !os.IsNotExist(err) {
		t.Fatalf("remove left the file: %v", err)
	}
	if out := mustCLI(t, dir, "evidence", "list"); !strings.Contains(out, "no evidence files") {
		t.Fatalf("list after remove:\n%s", out)
	}
}
