package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/unbindapp/unbind/accounts"
)

// TestStressSecretsAndExports stores distinctive secrets of every field in
// the real keyring (long values split into parts too), imports passwords
// from an export, reads everything back, and writes every export the CLI
// has next to the data: the later scan (TestStressScanSecrets) must find
// the secrets in none of these files.
func TestStressSecretsAndExports(t *testing.T) {
	stressMode(t)
	if !stressHaveKeyring() {
		t.Skip("needs .ci/with-keyring.sh secret-service")
	}
	p := stressProc{bin: stressBuildCLI(t)}
	dir := stressDir(t, "data", "secrets")
	exports := stressDir(t, "exports")
	var ids []string
	for i := range 5 {
		ids = append(ids, strings.TrimSpace(p.must(t, dir, "account", "add", "--platform", "taobao",
			"--name", fmt.Sprintf("秘密 %d", i), "--login", fmt.Sprintf("secret%d@example.com", i))))
	}
	stored := 0
	bad := 0
	for i, id := range ids {
		for _, f := range accounts.SecretFields {
			value := stressSecret(fmt.Sprintf("%s-%d", f, i))
			switch f {
			case accounts.SecretSecurityAnswers:
				value += "\n第二行答案 " + stressSecret("answer-2")
			case accounts.SecretRecoveryCodes:
				value = strings.Repeat(stressSecret("code")+" ", 100) // several keyring parts
			}
			if r := p.run(dir, value, "secret", "set", id, string(f)); r.code != 0 {
				t.Errorf("secret set %s: %v", f, r)
				bad++
				continue
			}
			if r := p.run(dir, "", "secret", "get", id, string(f)); r.code != 0 || r.stdout != value+"\n" {
				t.Errorf("secret get %s: exit %d, the value read back differs", f, r.code) // never print it
				bad++
				continue
			}
			stored++
		}
	}
	// An import with passwords puts them in the keyring, nowhere else.
	inputs := stressDir(t, "inputs")
	csv := filepath.Join(inputs, "chrome.csv")
	rows := "name,url,username,password,note\n"
	for i := range 5 {
		rows += fmt.Sprintf("jd %d,https://passport.jd.com/,imported%d@example.com,%s,\n", i, i, stressSecret(fmt.Sprintf("imported-%d", i)))
	}
	if err := os.WriteFile(csv, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := p.run(dir, "", "import", csv, "--with-passwords"); r.code != 0 || !strings.Contains(r.stdout, "5 stored") {
		t.Errorf("import --with-passwords: %v\n%s", r, r.stdout)
		bad++
	}
	os.Remove(csv)
	list := p.must(t, dir, "account", "list", "--json")
	imported := 0
	for i := range 5 {
		login := fmt.Sprintf("imported%d@example.com", i)
		id := stressIDOf(list, login)
		if r := p.run(dir, "", "secret", "get", id, "password"); r.code != 0 || r.stdout != stressSecret(fmt.Sprintf("imported-%d", i))+"\n" {
			t.Errorf("the imported password of %s is not in the keyring (exit %d)", login, r.code)
			bad++
			continue
		}
		imported++
	}
	// Every export the CLI can write.
	written := 0
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(exports, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		written++
	}
	write("list.json", list)
	write("list.txt", p.must(t, dir, "account", "list"))
	for i, id := range ids {
		write(fmt.Sprintf("show-%d.json", i), p.must(t, dir, "account", "show", id, "--json"))
		write(fmt.Sprintf("show-%d.txt", i), p.must(t, dir, "account", "show", id))
	}
	for _, c := range []struct {
		group string
		args  []string
	}{
		{"backup", []string{"backup", "-o", filepath.Join(exports, "backup.json"), "--plain"}},
		{"report", []string{"report", "--unmasked", "-o", filepath.Join(exports, "report.html"), "-o", filepath.Join(exports, "report.pdf"),
			"-o", filepath.Join(exports, "report.csv"), "-o", filepath.Join(exports, "report.json")}},
	} {
		if !p.hasCommand(t, c.group) {
			t.Logf("unbindctl has no %s command yet", c.group)
			continue
		}
		if r := p.run(dir, "", c.args...); r.code != 0 {
			t.Errorf("%s: %v", c.group, r)
			bad++
			continue
		}
		written++
	}
	stressSummary(t, "secrets: keyring round trip", fmt.Sprintf("%d values set+read back, %d imported passwords; %d exports written",
		stored, imported, written), "all, 0 failures", bad == 0)
}

// stressIDOf finds the account with login in 'account list --json' output.
func stressIDOf(listJSON, login string) string {
	var all []accounts.Account
	if err := json.Unmarshal([]byte(listJSON), &all); err != nil {
		return ""
	}
	for _, a := range all {
		if a.Login == login {
			return a.ID
		}
	}
	return ""
}

// TestStressScanSecrets runs last: no file under UNBIND_STRESS_DIR (data
// folders with their WAL files and backups, exports, the suite's logs)
// holds a test secret, as text, UTF-16, hex or base64. The export files
// given to imports hold passwords by nature and are not part of the scan
// (they are deleted after use anyway).
func TestStressScanSecrets(t *testing.T) {
	stressMode(t)
	root := os.Getenv("UNBIND_STRESS_DIR")
	if root == "" {
		t.Skip("needs UNBIND_STRESS_DIR: the folder the suite left its files in")
	}
	prefix := stressSecret("")
	prefix = prefix[:len(prefix)-1]
	needles := map[string][]byte{"text": []byte(prefix), "hex": []byte(hex.EncodeToString([]byte(prefix)))}
	var u16 bytes.Buffer
	for _, r := range utf16.Encode([]rune(prefix)) {
		u16.Write([]byte{byte(r), byte(r >> 8)})
	}
	needles["utf-16"] = u16.Bytes()
	for shift := range 3 {
		// base64 of the prefix at each alignment, without the edge
		// characters that depend on the neighbouring bytes.
		enc := base64.StdEncoding.EncodeToString(append(make([]byte, shift), prefix...))
		enc = strings.TrimRight(enc, "=")
		needles[fmt.Sprintf("base64/%d", shift)] = []byte(enc[(shift*4+2)/3+1 : len(enc)-2])
	}
	var files, size int64
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), "inputs-") && filepath.Dir(path) == root {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		size += int64(len(data))
		for name, n := range needles {
			if bytes.Contains(data, n) {
				rel, _ := filepath.Rel(root, path)
				found = append(found, rel+" ("+name+")")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("a test secret is in %s", f)
	}
	stressSummary(t, "secrets: scan of data, WAL, exports, logs",
		fmt.Sprintf("%d found in %d files (%.1f MB)", len(found), files, float64(size)/1e6), "0 found", len(found) == 0 && files > 0)
}
