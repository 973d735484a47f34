package main

import (
	"encoding/json"

	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts/backup"
	"github.com/zalando/go-keyring"
)

func init() { backup.ScryptWorkFactor = 10 } // a second per backup otherwise, minutes under -race

// TestEncryptedBackupByDefault: a backup is encrypted unless --plain; it
// holds no phone number or login in the clear, restores with its
// passphrase, and a wrong passphrase writes nothing.
func TestEncryptedBackupByDefault(t *testing.T) {
	src := t.TempDir()
	mustCLI(t, src, "import", filepath.Join(samplesDir, "chrome.csv"))
	mustCLI(t, src, "phone-check", "13812345678", "京东=1")
	file := filepath.Join(t.TempDir(), "unbind-backup.age")
	if _, errs, code := cli(t, src, "short\n", "backup", "-o", file); code != 2 || !strings.Contains(errs, "at least 10") {
		t.Fatalf("a short passphrase: exit %d, %q", code, errs)
	}
	if _, errs, code := cli(t, src, "correct horse battery\n", "backup", "-o", file); code != 0 {
		t.Fatalf("backup: exit %d, %q", code, errs)
	}
	data, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(data), "age-encryption.org/v1") || strings.Contains(string(data), "13812345678") {
		t.Fatalf("not encrypted: %.60q", data)
	}
	dst := t.TempDir()
	n, sum := importDBDigest(t, dst)
	if _, errs, code := cli(t, dst, "wrong horse battery\n", "restore", file); code != 1 || !strings.Contains(errs, "passphrase does not open") || strings.Count(errs, "\n") != 1 {
		t.Errorf("wrong passphrase: exit %d, %q", code, errs)
	}
	if n2, sum2 := importDBDigest(t, dst); n2 != n || sum2 != sum {
		t.Error("a wrong passphrase changed the database")
	}
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("correct horse battery\n"), 0o600)
	if out := mustCLI(t, dst, "restore", file, "--passphrase-file", pass); !strings.Contains(out, "restored: 5 accounts added") {
		t.Errorf("restore:\n%s", out)
	}
}

func TestBackupAndRestore(t *testing.T) {
	src := t.TempDir()
	mustCLI(t, src, "import", filepath.Join(samplesDir, "chrome.csv"))
	mustCLI(t, src, "phone-check", "13812345678", "京东=1")
	file := filepath.Join(t.TempDir(), "unbind-backup.json")
	var b backupOutput
	if err := json.Unmarshal([]byte(mustCLI(t, src, "backup", "-o", file, "--plain", "--json")), &b); err != nil {
		t.Fatal(err)
	}
	if b.Accounts != 5 || b.PhoneChecks != 1 || b.Events < 6 || b.File != file {
		t.Errorf("backup --json: %+v", b)
	}
	if info, err := os.Stat(file); err != nil || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
		t.Errorf("backup file: %v %v", info, err)
	}
	if _, errs, code := cli(t, src, "", "backup", "-o", file, "--plain"); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("backup over an existing file: %d %q", code, errs)
	}
	mustCLI(t, src, "backup", "-o", file, "--force", "--plain")

	dst := t.TempDir()
	if out := mustCLI(t, dst, "restore", file, "--dry-run"); !strings.Contains(out, "nothing was written") {
		t.Errorf("dry run:\n%s", out)
	}
	if n, _ := importDBDigest(t, dst); n != 0 {
		t.Fatal("restore --dry-run wrote accounts")
	}
	var r restoreOutput
	if err := json.Unmarshal([]byte(mustCLI(t, dst, "restore", file, "--json")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Result == nil || r.Result.Added != 5 || r.Backup.Accounts != 5 {
		t.Errorf("restore --json: %+v", r)
	}
	if got, want := importedKeys(t, dst), importedKeys(t, src); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("restored %q, want %q", got, want)
	}
	n, sum := importDBDigest(t, dst)
	again := mustCLI(t, dst, "restore", file)
	if n2, sum2 := importDBDigest(t, dst); n2 != n || sum2 != sum || !strings.Contains(again, "0 accounts added, 0 merged, 5 unchanged") {
		t.Errorf("second restore changed the database:\n%s", again)
	}
	// Restoring into a folder with its own inventory merges.
	mixed := t.TempDir()
	mustCLI(t, mixed, "import", filepath.Join(samplesDir, "bitwarden.csv"))
	out := mustCLI(t, mixed, "restore", file)
	if !strings.Contains(out, "restored: 2 accounts added, 0 merged, 3 unchanged") {
		t.Errorf("merge restore:\n%s", out)
	}
}

func TestRestoreBadFilesLeaveDatabaseUnchanged(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "import", filepath.Join(samplesDir, "apple.csv"))
	n, sum := importDBDigest(t, dir)
	good, err := os.ReadFile(filepath.Join("..", "..", "accounts", "backup", "testdata", "backup.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(files, name)
		os.WriteFile(p, []byte(content), 0o600)
		return p
	}
	huge := filepath.Join(files, "huge.json")
	f, _ := os.Create(huge)
	f.Truncate(300 << 20)
	f.Close()
	cases := []struct{ path, want string }{
		{filepath.Join(samplesDir, "bitwarden.json"), `no "schema" field`},
		{filepath.Join(samplesDir, "chrome.csv"), "line 1: not valid JSON"},
		{write("v2.json", strings.Replace(string(good), "unbind.inventory/v1", "unbind.inventory/v2", 1)), "newer Unbind"},
		{write("cut.json", string(good[:len(good)*2/3])), "line "},
		{write("bad.json", strings.Replace(string(good), `"platform": "jd"`, `"platform": "京东"`, 1)), "platform: must be a catalog ID"},
		{huge, "larger than 256 MiB"},
		{filepath.Join(files, "none.json"), "no such file"},
	}
	for _, c := range cases {
		_, errs, code := cli(t, dir, "", "restore", c.path)
		if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "restore "+filepath.Base(c.path)) || !strings.Contains(errs, c.want) {
			t.Errorf("restore %s: exit %d, stderr %q; want one line with %q", filepath.Base(c.path), code, errs, c.want)
		}
		if n2, sum2 := importDBDigest(t, dir); n2 != n || sum2 != sum {
			t.Errorf("restore %s changed the database", filepath.Base(c.path))
		}
	}
	for _, args := range [][]string{{"backup"}, {"backup", "x.json"}, {"restore"}, {"restore", "a", "b"}} {
		if _, errs, code := cli(t, dir, "", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d %q, want a usage error", args, code, errs)
		}
	}
}

// TestSecretsStayInTheirFolder: a backup restored into a second folder
// brings the same account IDs, but no access to the first folder's
// secrets; deleting there leaves them alone; an ID the folder does not
// hold reads and deletes nothing.
func TestSecretsStayInTheirFolder(t *testing.T) {
	if os.Getenv("UNBIND_KEYRING") != "secret-service" {
		keyring.MockInit()
	}
	a := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, a, "account", "add", "--platform", "jd", "--name", "京东"))
	if _, errs, code := cli(t, a, "folder-a-secret\n", "secret", "set", id, "password"); code != 0 {
		t.Fatalf("secret set: %s", errs)
	}
	file := filepath.Join(t.TempDir(), "b.json")
	mustCLI(t, a, "backup", "-o", file, "--plain")
	b := t.TempDir()
	mustCLI(t, b, "restore", file)
	if out, errs, code := cli(t, b, "", "secret", "get", id, "password"); code == 0 || strings.Contains(out, "folder-a") {
		t.Errorf("folder b reads folder a's secret: exit %d %q %q", code, out, errs)
	}
	mustCLI(t, b, "account", "delete", id)
	if out := mustCLI(t, a, "secret", "get", id, "password"); out != "folder-a-secret\n" {
		t.Errorf("folder a lost its secret: %q", out)
	}
	other := "11111111-2222-3333-4444-555555555555"
	if _, errs, code := cli(t, a, "", "secret", "get", other, "password"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("an ID not in the folder: exit %d %q", code, errs)
	}
	if _, errs, code := cli(t, a, "", "secret", "delete", other, "password"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("deleting for an ID not in the folder: exit %d %q", code, errs)
	}
	mustCLI(t, a, "account", "delete", id)
}
