package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// hostile holds the escape sequences a name, note or catalog text could
// carry: a window-title change, a screen clear, an 8-bit CSI, a bell.
const hostile = "Evil\x1b]0;pwned\x07\x1b[2J\u009b31mName\r"

// TestTerminalOutputIsNeutralised: human-readable output of an account
// with escape sequences in its name and notes reaches the terminal with no
// control character but newline and tab; JSON keeps the exact text.
func TestTerminalOutputIsNeutralised(t *testing.T) {
	dir := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "taobao", "--name", hostile, "--notes", hostile))
	for _, args := range [][]string{{"account", "list"}, {"account", "show", id}, {"remind", "list"}} {
		out := mustCLI(t, dir, args...)
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("%v prints control character %U:\n%q", args, r, out)
			}
		}
	}
	var shown map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "account", "show", id, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown["name"] != strings.TrimSpace(hostile) {
		t.Errorf("JSON changed the name: %q", shown["name"])
	}
	// An unknown ID with an escape sequence in it: the error line too.
	_, errs, _ := cli(t, dir, "", "account", "show", "\x1b[2Jx")
	if strings.ContainsRune(errs, 0x1b) {
		t.Errorf("stderr carries ESC: %q", errs)
	}
}

func TestTermSafeKeepsTextAcrossWrites(t *testing.T) {
	var b bytes.Buffer
	w := &termSafe{w: &b}
	text := "淘宝\t主号\n"
	for i := 0; i < len(text); i++ { // one byte per Write: sequences cut everywhere
		w.Write([]byte{text[i]})
	}
	w.Write([]byte("\xc2")) // the first half of U+009B …
	w.Write([]byte("\x9b")) // … and its second
	w.Flush()
	if got := b.String(); got != text+"\uFFFD" {
		t.Errorf("got %q", got)
	}
}

func FuzzTermSafe(f *testing.F) {
	f.Add([]byte(hostile))
	f.Add([]byte("淘宝主号\n"))
	f.Fuzz(func(t *testing.T, p []byte) {
		var b bytes.Buffer
		w := &termSafe{w: &b}
		w.Write(p)
		w.Flush()
		for _, r := range b.String() {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("control %U passed", r)
			}
		}
	})
}

// TestDatesOutOfRangeAreRefused: a year-1 or year-9999 date is a typo, not
// a reminder; each command says so in one line and writes nothing.
func TestDatesOutOfRangeAreRefused(t *testing.T) {
	dir := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "jd", "--name", "京东"))
	for _, args := range [][]string{
		{"remind", "add", id, "--at", "0001-01-01T00:00", "--note", "x"},
		{"remind", "add", id, "--at", "9999-12-31", "--note", "x"},
		{"remind", "add", id, "--at", "1970-01-01T00:00:00Z", "--note", "x"},
		{"calendar", "add-workdays", "0001-01-01", "3"},
		{"report", "--format", "json", "-o", dir + "/r.json", "--since", "1899-01-01"},
	} {
		_, errs, code := cli(t, dir, "", args...)
		if code == 0 || !strings.Contains(errs, "2000–2099") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if out := mustCLI(t, dir, "remind", "list", "--all"); strings.Contains(out, "0001") {
		t.Errorf("a reminder was written:\n%s", out)
	}
}

// TestReportKeepsExistingFiles: a report never overwrites a file unless
// asked to with --force.
func TestReportKeepsExistingFiles(t *testing.T) {
	dir := t.TempDir()
	target := dir + "/r.html"
	if err := os.WriteFile(target, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code := cli(t, dir, "", "report", "-o", target)
	if code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("exit %d, %q", code, errs)
	}
	if data, _ := os.ReadFile(target); string(data) != "mine" {
		t.Error("the existing file was overwritten")
	}
	mustCLI(t, dir, "report", "-o", target, "--force")
	if data, _ := os.ReadFile(target); string(data) == "mine" {
		t.Error("--force did not overwrite")
	}
}

// TestWarnsAboutAnOpenDataFolder: a data folder other users can open is
// named on stderr, with the command that closes it, once per command.
func TestWarnsAboutAnOpenDataFolder(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	os.Chmod(dir, 0o755)
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, ctx: context.Background()}
	if code := run([]string{"--data-dir", dir, "account", "list"}, e); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := errb.String(); strings.Count(got, "warning: other users") != 1 || !strings.Contains(got, "chmod -R go-rwx") {
		t.Errorf("stderr %q", got)
	}
}

// TestCoolingOffNoticeFromTheCLI: set-status cooling_off derives the
// "do not sign in" notice at once, with the catalog's longest period as the
// last day when --until is not given.
func TestCoolingOffNoticeFromTheCLI(t *testing.T) {
	dir := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "douyin", "--name", "抖音"))
	mustCLI(t, dir, "account", "set-status", id, "preparing")
	var shown struct {
		Tracks []struct {
			Kind      string   `json:"kind"`
			BlockedBy []string `json:"blocked_by"`
		} `json:"tracks"`
	}
	json.Unmarshal([]byte(mustCLI(t, dir, "account", "show", id, "--json")), &shown)
	for _, tr := range shown.Tracks {
		if tr.Kind == "account_delete" {
			for _, b := range tr.BlockedBy {
				mustCLI(t, dir, "account", "tick", id, "blocker:"+b)
			}
		}
	}
	mustCLI(t, dir, "account", "set-status", id, "submitted")
	mustCLI(t, dir, "account", "set-status", id, "cooling_off")
	out := mustCLI(t, dir, "remind", "list", "--no-sync", "--json")
	if !strings.Contains(out, `"kind": "cooling_off"`) || !strings.Contains(out, "do not sign in") {
		t.Errorf("no cooling-off notice after set-status:\n%s", out)
	}
	var detail struct {
		Tracks []struct {
			Kind            string  `json:"kind"`
			Status          string  `json:"status"`
			CoolingOffUntil *string `json:"cooling_off_until"`
		} `json:"tracks"`
	}
	json.Unmarshal([]byte(mustCLI(t, dir, "account", "show", id, "--json")), &detail)
	for _, tr := range detail.Tracks {
		if tr.Kind == "account_delete" && (tr.Status != "cooling_off" || tr.CoolingOffUntil == nil) {
			t.Errorf("deletion track: %+v", tr)
		}
	}
}
