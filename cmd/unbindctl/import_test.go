package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/zalando/go-keyring"
)

// samplesDir holds the importer's realistic sample exports.
const samplesDir = "../../accounts/importer/testdata"

// importDBDigest returns the number of accounts and a checksum of a
// deterministic dump of every table of the data folder's database.
func importDBDigest(t *testing.T, dir string) (int, string) {
	t.Helper()
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	var tables []string
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	accountsN := 0
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		rows.Close()
		slices.Sort(lines)
		fmt.Fprintf(h, "%s %d\n%s\n", table, len(lines), strings.Join(lines, "\n"))
		if table == "accounts" {
			accountsN = len(lines)
		}
	}
	return accountsN, hex.EncodeToString(h.Sum(nil))
}

func importFileDigest(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// importedKeys lists the inventory as "platform|login" in order.
func importedKeys(t *testing.T, dir string) []string {
	t.Helper()
	var list []accounts.Account
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "account", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, a := range list {
		keys = append(keys, a.PlatformID+"|"+a.Login)
	}
	slices.Sort(keys)
	return keys
}

func TestImportSamplesEndToEnd(t *testing.T) {
	want := map[string][]string{
		"1password.csv":      {"jd|13812345678", "pinduoduo|13812345678", "taobao|alice@example.com", "tmall|alice@example.com"},
		"1password7.csv":     {"jd|13812345678", "taobao|alice@example.com"},
		"apple.csv":          {"jd|13812345678", "pinduoduo|13812345678", "taobao|alice@example.com", "tmall|Alice@example.com"},
		"bitwarden.csv":      {"jd|13812345678", "pinduoduo|+8613812345678", "taobao|alice@example.com", "tmall|bob_tm"},
		"bitwarden.json":     {"jd|138 1234 5678", "pinduoduo|13912345678", "taobao|alice@example.com"},
		"chrome-gb18030.csv": {"jd|13812345678", "pinduoduo|13812345678", "taobao|alice@example.com"},
		"chrome.csv": {"jd|13812345678", "pinduoduo|+86 138-1234-5678", "taobao|alice@example.com", "taobao|tb_alice_2019",
			"tmall|Alice@Example.com"},
		"firefox.csv":   {"jd|", "pinduoduo|13812345678", "taobao|Alice@Example.COM", "tmall|bob_tm"},
		"keepassxc.csv": {"jd|13812345678", "pinduoduo|pdd_user", "taobao|alice@example.com"},
	}
	for name, keys := range want {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(samplesDir, name)
			before := importFileDigest(t, path)
			var out importOutput
			if err := json.Unmarshal([]byte(mustCLI(t, dir, "import", path, "--json")), &out); err != nil {
				t.Fatal(err)
			}
			if got := importedKeys(t, dir); !slices.Equal(got, keys) {
				t.Errorf("stored %q\nwant   %q", got, keys)
			}
			if out.Result == nil || out.Result.Added != len(keys) || len(out.Proposals) != len(keys) || out.Format == "" {
				t.Errorf("JSON: %+v", out)
			}
			if name == "chrome-gb18030.csv" && (len(out.Notices) == 0 || !strings.Contains(out.Notices[0], "GB18030")) {
				t.Errorf("no conversion notice: %q", out.Notices)
			}
			n, sum := importDBDigest(t, dir)
			again := mustCLI(t, dir, "import", path)
			if n2, sum2 := importDBDigest(t, dir); n2 != n || sum2 != sum || !strings.Contains(again, "imported: 0 added, 0 merged") {
				t.Errorf("second import changed the database (%d→%d accounts) or said:\n%s", n, n2, again)
			}
			if importFileDigest(t, path) != before {
				t.Error("the export file was modified")
			}
		})
	}
}

func TestImportAllAndDryRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(samplesDir, "chrome.csv")
	out := mustCLI(t, dir, "import", path, "--dry-run")
	if !strings.Contains(out, "2 entries are not on a shopping platform") || !strings.Contains(out, "nothing was written") ||
		strings.Contains(out, "alice@example.com") {
		t.Errorf("dry run printed:\n%s", out)
	}
	if n, _ := importDBDigest(t, dir); n != 0 {
		t.Fatalf("dry run wrote %d accounts", n)
	}
	var res importOutput
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "import", path, "--all", "--json")), &res); err != nil {
		t.Fatal(err)
	}
	if res.Hidden != 0 || len(res.Proposals) != 7 || res.Result.Added != 7 {
		t.Errorf("--all: %+v", res)
	}
	if keys := importedKeys(t, dir); !slices.Contains(keys, "custom|alice-dev") {
		t.Errorf("--all should import the others as custom accounts: %q", keys)
	}
}

func TestImportBadInputLeavesDatabaseUnchanged(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "import", filepath.Join(samplesDir, "bitwarden.csv"))
	n, sum := importDBDigest(t, dir)
	files := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(files, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(files, "huge.csv")
	f, _ := os.Create(huge)
	f.Truncate(60 << 20) // sparse: over the 50 MiB limit without using the disk
	f.Close()
	cases := []struct {
		name, path, want string
		args             []string
	}{
		{"not a format", write("notes.txt", "购物清单\n牛奶, 鸡蛋\n"), "line 1: not a recognised export", nil},
		{"missing column", write("mc.csv", "name,url,username\n淘宝,https://taobao.com,a\n"), `line 1: missing column "password"`, nil},
		{"broken quoting", write("bq.csv", "name,url,username,password\n京东,https://jd.com,a,b\n\"淘宝,https://taobao.com,a,b\n"), "line 3: unterminated quoted field", nil},
		{"not text", write("bin.csv", "name,url,username,password\n\x80\x81\xfe,https://jd.com,\xff,\x80\n"), `line 2: the file is neither UTF-8 nor GBK/GB18030`, nil},
		{"zip", write("export.zip", "PK\x03\x04rest"), "ZIP archive", nil},
		{"wrong format named", filepath.Join(samplesDir, "chrome.csv"), `keepassxc-csv line 1: missing column "Group"`, []string{"--format", "keepassxc-csv"}},
		{"huge", huge, "larger than 50 MiB", nil},
		{"missing file", filepath.Join(files, "nope.csv"), "no such file", nil},
		{"a folder", files, "is a folder", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs, code := cli(t, dir, "", append([]string{"import", c.path}, c.args...)...)
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want one line containing %q", code, errs, c.want)
			}
			if n2, sum2 := importDBDigest(t, dir); n2 != n || sum2 != sum {
				t.Errorf("the database changed: %d → %d accounts", n, n2)
			}
		})
	}
	for _, args := range [][]string{{"import"}, {"import", "a.csv", "b.csv"}, {"import", "a.csv", "--format", "excel"}, {"import", "a.csv", "--bogus"}} {
		if _, errs, code := cli(t, dir, "", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, %q; want a usage error", args, code, errs)
		}
	}
}

func TestImportWithPasswords(t *testing.T) {
	if os.Getenv("UNBIND_KEYRING") != "secret-service" {
		keyring.MockInit()
	}
	dir := t.TempDir()
	path := filepath.Join(samplesDir, "keepassxc.csv")
	var out importOutput
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "import", path, "--with-passwords", "--json")), &out); err != nil {
		t.Fatal(err)
	}
	pw := out.Result.Passwords
	if !pw.Requested || pw.Stored != 3 || pw.Error != "" {
		t.Fatalf("passwords: %+v", pw)
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(fmt.Sprint(out), "Pa55") || strings.Contains(mustCLI(t, dir, "account", "list"), "Pa55") {
		t.Error("a password was printed")
	}
	id := out.Result.IDs[0]
	if got := strings.TrimSpace(mustCLI(t, dir, "secret", "get", id, "password")); got == "" || !strings.Contains(string(raw), got) {
		t.Errorf("the keyring holds %d bytes that are not from the export", len(got))
	}
	again := mustCLI(t, dir, "import", path, "--with-passwords")
	if !strings.Contains(again, "0 stored in the system keyring, 3 kept") {
		t.Errorf("second import:\n%s", again)
	}
}

func TestImportKeyringFailureKeepsAccounts(t *testing.T) {
	// `make test-keyring` runs this against a session with no keyring at
	// all (UNBIND_KEYRING=none); elsewhere a mock keyring fails.
	switch os.Getenv("UNBIND_KEYRING") {
	case "secret-service":
		t.Skip("the keyring works in this session")
	case "":
		keyring.MockInitWithError(errors.New("the keyring is locked"))
		defer keyring.MockInit()
	}
	dir := t.TempDir()
	out, errs, code := cli(t, dir, "", "import", filepath.Join(samplesDir, "1password.csv"), "--with-passwords")
	if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "the accounts were imported, but only 0 of 4 passwords were stored") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "4 added") || !strings.Contains(out, "4 NOT stored") {
		t.Errorf("stdout:\n%s", out)
	}
	if n, _ := importDBDigest(t, dir); n != 4 {
		t.Errorf("the accounts must stay imported, have %d", n)
	}
}

// TestImportOddLogin imports a login that is only "@domain", which sent
// accounts.MaskLogin into endless recursion (a crash of the preview).
func TestImportOddLogin(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(t.TempDir(), "odd.csv")
	os.WriteFile(path, []byte("name,url,username,password\n淘宝,https://login.taobao.com/,@example.com,pw\n"), 0o600)
	out := mustCLI(t, dir, "import", path)
	if !strings.Contains(out, "***@example.com") || !strings.Contains(out, "1 added") {
		t.Errorf("odd login:\n%s", out)
	}
}
