package report_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (%d bytes, want %d); run go test -update and review the diff:\n%s",
			name, len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl[i] + "\nwant: " + wl[i]
		}
	}
	return "one is a prefix of the other"
}

func render(t testing.TB, r *report.Report, f report.Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, r, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	f := newFixture(t)
	masked := f.build(t, baseOptions())
	for _, format := range []report.Format{report.HTML, report.CSV, report.JSON} {
		golden(t, "report_zh_masked."+string(format), render(t, masked, format))
	}
	en := baseOptions()
	en.Lang, en.Unmasked = "en", true
	en.Since = at(5, 1, 0)
	unmasked := f.build(t, en)
	golden(t, "report_en_unmasked.json", render(t, unmasked, report.JSON))
	golden(t, "report_en_unmasked.html", render(t, unmasked, report.HTML))
}

// TestGoldenPDF checks the PDF by its text, as pdftotext extracts it:
// the Chinese platform names must come back, so the embedded font works.
func TestGoldenPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the PDF's text cannot be checked; apt-get install poppler-utils")
	}
	f := newFixture(t)
	r := f.build(t, baseOptions())
	pdf := render(t, r, report.PDF)
	text := pdfText(t, pdf)
	for _, name := range []string{"淘宝", "闲鱼", "天猫", "京东", "拼多多", "抖音", "微信", "美团", "亚马逊", "账号审计报告", "已注销"} {
		if !strings.Contains(text, name) {
			t.Errorf("PDF text lacks %q", name)
		}
	}
	sum, err := report.BodyDigest(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, sum) {
		t.Errorf("PDF footer lacks the report digest %s", sum)
	}
	if !strings.Contains(text, "第 1 页，共 ") {
		t.Errorf("PDF lacks page numbers")
	}
	for i, line := range strings.Split(text, "\n") {
		// The PDF breaks lines with package linebreak: no stop or closing
		// bracket starts a line, no opening bracket ends one.
		if l := strings.TrimSpace(line); l != "" && (strings.ContainsAny(l[:utf8.RuneLen([]rune(l)[0])], "。，、；：？！）」") ||
			strings.HasSuffix(l, "（") || strings.HasSuffix(l, "「")) {
			t.Errorf("PDF line %d breaks the typesetting rules: %q", i+1, line)
		}
	}
	golden(t, "report_zh_masked.pdf.txt", []byte(text))
}

func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func havePDFToText() bool {
	_, err := exec.LookPath("pdftotext")
	return err == nil
}
