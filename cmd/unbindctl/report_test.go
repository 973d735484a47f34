package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	out := t.TempDir()
	mustCLI(t, dir, "account", "add", "--platform", "taobao", "--name", "淘宝主号", "--phone", "13812345678",
		"--email", "me@example.com", "--real-name", "--notes", "私人备注")
	mustCLI(t, dir, "account", "add", "--platform", "xianyu", "--name", "=闲鱼", "--login", "+8613812345678")

	for _, f := range []string{"html", "pdf", "csv", "json"} {
		path := filepath.Join(out, "r."+f)
		got := mustCLI(t, dir, "report", "--format", f, "-o", path, "--lang", "zh")
		if !strings.HasPrefix(got, f+"\t"+path+"\tsha256 ") {
			t.Errorf("report --format %s printed %q", f, got)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", path, fi.Mode().Perm())
		}
		data, _ := os.ReadFile(path)
		if f != "pdf" && (strings.Contains(string(data), "13812345678") || strings.Contains(string(data), "私人备注")) {
			t.Errorf("masked %s report shows a full phone number or a note", f)
		}
		if f != "pdf" {
			if v := mustCLI(t, dir, "report", "verify", path); !strings.HasPrefix(v, "OK\t"+f) {
				t.Errorf("verify %s: %q", f, v)
			}
		}
		if side, err := os.ReadFile(path + ".sha256"); (f == "csv") != (err == nil) ||
			f == "csv" && !strings.HasPrefix(got, f+"\t"+path+"\tsha256 "+string(side[:64])) {
			t.Errorf("%s: digest file %q (%v); the CSV's digest goes beside it, and only its", f, side, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	// One run, two files: the PDF shows the JSON's digest.
	pdf, js := filepath.Join(out, "both.pdf"), filepath.Join(out, "both.json")
	lines := strings.Split(strings.TrimSpace(mustCLI(t, dir, "report", "-o", pdf, "-o", js, "--unmasked")), "\n")
	if len(lines) != 2 || lines[0][strings.LastIndex(lines[0], " "):] != lines[1][strings.LastIndex(lines[1], " "):] {
		t.Errorf("PDF and JSON of one run should state the same digest: %q", lines)
	}
	if data, _ := os.ReadFile(js); !strings.Contains(string(data), "13812345678") || !strings.Contains(string(data), "私人备注") {
		t.Errorf("--unmasked JSON lacks the phone number or the note")
	}

	// A changed file fails verification.
	path := filepath.Join(out, "r.html")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "淘宝主号", "淘宝付号", 1)), 0o600)
	if _, errs, code := cli(t, dir, "", "report", "verify", path); code != exitFailure || !strings.Contains(errs, "does not match") {
		t.Errorf("verify of a changed file: exit %d, %q", code, errs)
	}
	csvPath := filepath.Join(out, "r.csv")
	data, _ = os.ReadFile(csvPath)
	os.WriteFile(csvPath, append(data, "x,y\r\n"...), 0o600)
	if _, errs, code := cli(t, dir, "", "report", "verify", csvPath); code != exitFailure || !strings.Contains(errs, "does not match") {
		t.Errorf("verify of a changed CSV: exit %d, %q", code, errs)
	}
	if _, errs, code := cli(t, dir, "", "report", "verify", filepath.Join(out, "r.pdf")); code != exitFailure || !strings.Contains(errs, "JSON") {
		t.Errorf("verify of a PDF: exit %d, %q", code, errs)
	}
}

func TestReportBadArguments(t *testing.T) {
	dir := t.TempDir()
	out := t.TempDir()
	cases := [][]string{
		{"report"},
		{"report", "-o", filepath.Join(out, "r.txt")},
		{"report", "--format", "docx", "-o", filepath.Join(out, "r.docx")},
		{"report", "--format", "html", "-o", filepath.Join(out, "no", "such", "r.html")},
		{"report", "-o", out + "/"},
		{"report", "-o", filepath.Join(out, "r.html"), "--since", "2026-13-01"},
		{"report", "-o", filepath.Join(out, "r.html"), "--since", "2026-05-02", "--until", "2026-05-01"},
		{"report", "-o", filepath.Join(out, "r.html"), "--lang", "fr"},
		{"report", "-o", filepath.Join(out, "r.html"), "--format", "html", "-o", filepath.Join(out, "s.html")},
		{"report", "-o", filepath.Join(out, "r.html"), "extra"},
		{"report", "--bogus"},
		{"report", "verify"},
	}
	for _, args := range cases {
		_, errs, code := cli(t, dir, "", args...)
		if code != exitUsage || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "unbindctl: ") {
			t.Errorf("unbindctl %v: exit %d, stderr %q; want exit 2 and one line", args, code, errs)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("bad arguments wrote files: %v", entries)
	}
}
