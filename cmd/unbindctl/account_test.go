package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/zalando/go-keyring"
)

// cli runs unbindctl in-process against dir and returns stdout, stderr and
// the exit code.
func cli(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	// t.TempDir is 0755; Unbind makes its folders 0700, and would warn
	// about any other on every command.
	os.Chmod(dir, 0o700)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, ctx: context.Background()}
	code := run(append([]string{"--data-dir", dir}, args...), e)
	return out.String(), errb.String(), code
}

func mustCLI(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, dir, "", args...)
	if code != 0 {
		t.Fatalf("unbindctl %v: exit %d: %s", args, code, errs)
	}
	return out
}

func TestAccountCommands(t *testing.T) {
	dir := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "taobao", "--name", "淘宝主号",
		"--login", "tb_user", "--phone", "13812345678", "--email", "me@example.com", "--third-party", "wechat,alipay"))
	if len(id) != 36 {
		t.Fatalf("account add should print the new ID, got %q", id)
	}
	var list []accounts.Account
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "account", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != id || list[0].Name != "淘宝主号" || list[0].Status != accounts.StatusActive {
		t.Fatalf("list --json = %+v", list)
	}
	mustCLI(t, dir, "account", "set-status", id, "preparing", "--note", "开始准备")
	// Taobao's deletion has blockers only the person can rule out: the
	// submission is refused with the way to confirm them.
	_, errOut, code := cli(t, dir, "", "account", "set-status", id, "submitted", "--evidence", "APP-1")
	if code != 1 || !strings.Contains(errOut, "blocked") || !strings.Contains(errOut, "account tick "+id+" blocker:") {
		t.Fatalf("blocked submission: exit %d, %s", code, errOut)
	}
	var shown struct {
		Tracks []struct {
			Kind      string   `json:"kind"`
			Status    string   `json:"status"`
			Applies   bool     `json:"applies"`
			BlockedBy []string `json:"blocked_by"`
		} `json:"tracks"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "account", "show", id, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	for _, tr := range shown.Tracks {
		if tr.Kind == "account_delete" {
			for _, b := range tr.BlockedBy {
				mustCLI(t, dir, "account", "tick", id, "blocker:"+b)
			}
		}
	}
	mustCLI(t, dir, "account", "set-status", id, "submitted", "--evidence", "APP-1")
	var detail map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "account", "show", id, "--json")), &detail); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "platform", "name", "login", "phone", "email", "real_name_verified", "third_party", "seller", "status", "created_at", "updated_at", "tracks", "history"} {
		if _, ok := detail[k]; !ok {
			t.Errorf("show --json lacks the documented field %q", k)
		}
	}
	statusEvents := 0
	for _, ev := range detail["history"].([]any) {
		if k := ev.(map[string]any)["kind"]; k == "status" || k == "created" {
			statusEvents++
		}
	}
	if detail["status"] != "submitted" || statusEvents != 3 {
		t.Errorf("show --json: status %v, history %v", detail["status"], detail["history"])
	}
	_, errs, code := cli(t, dir, "", "account", "set-status", id, "kept")
	if code != 1 || !strings.Contains(errs, "cannot change status from submitted to kept") || strings.Count(errs, "\n") != 1 {
		t.Errorf("illegal transition: exit %d, stderr %q", code, errs)
	}
	if out := mustCLI(t, dir, "account", "show", id); !strings.Contains(out, "淘宝主号") || !strings.Contains(out, "APP-1") {
		t.Errorf("show prints:\n%s", out)
	}
	mustCLI(t, dir, "account", "delete", id)
	if out := mustCLI(t, dir, "account", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("after delete, list --json = %s", out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	cases := [][]string{
		{},
		{"nonsense"},
		{"account"},
		{"account", "add", "--name", "x"},
		{"account", "show"},
		{"account", "set-status", "id", "gone"},
		{"account", "list", "--bogus"},
		{"secret", "set", "id", "pin"},
	}
	for _, args := range cases {
		_, errs, code := cli(t, dir, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, errs)
		}
		if errs == "" {
			t.Errorf("%v: no message on stderr", args)
		}
	}
	_, errs, code := cli(t, dir, "", "account", "add", "--platform", "taobao", "--name", "x", "--email", "nope")
	if code != 1 || !strings.Contains(errs, "email") {
		t.Errorf("invalid email: exit %d, %q", code, errs)
	}
}

func TestSecretCommands(t *testing.T) {
	if os.Getenv("UNBIND_KEYRING") != "secret-service" {
		keyring.MockInit()
	}
	dir := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "jd", "--name", "京东"))
	if _, errs, code := cli(t, dir, "s3cret-京东\n", "secret", "set", id, "password"); code != 0 {
		t.Fatalf("secret set: %d %s", code, errs)
	}
	if out := mustCLI(t, dir, "secret", "get", id, "password"); out != "s3cret-京东\n" {
		t.Errorf("secret get = %q", out)
	}
	if out := mustCLI(t, dir, "account", "show", id); !strings.Contains(out, "password") || strings.Contains(out, "s3cret") {
		t.Errorf("show should name the field, never the value:\n%s", out)
	}
	mustCLI(t, dir, "secret", "delete", id, "password")
	_, errs, code := cli(t, dir, "", "secret", "get", id, "password")
	if code != 1 || !strings.Contains(errs, "not stored") {
		t.Errorf("get after delete: %d %q", code, errs)
	}
	mustCLI(t, dir, "account", "delete", id)
}

func TestKeyringUnavailableMessage(t *testing.T) {
	if os.Getenv("UNBIND_KEYRING") != "none" {
		t.Skip("needs UNBIND_KEYRING=none (make test-keyring)")
	}
	dir := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "jd", "--name", "京东"))
	_, errs, code := cli(t, dir, "pw", "secret", "set", id, "password")
	if code != 1 || !strings.Contains(errs, "keyring unavailable") || !strings.Contains(errs, "gnome-keyring") || strings.Count(errs, "\n") != 1 {
		t.Errorf("want one line saying what to do, got exit %d: %q", code, errs)
	}
}
