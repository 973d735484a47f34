package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts/report"
)

// squeeze drops all white space: pdftotext breaks lines where the PDF
// wraps them.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// page1Text is the text of the PDF's first page, as pdftotext extracts it.
func page1Text(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestPage1TellsTheStory: page 1 of the PDF holds the title, the date, the
// summary sentence with its numbers, the chart's figures, the top findings
// with their actions and how to check the digest — and no data folder or
// developer file.
func TestPage1TellsTheStory(t *testing.T) {
	if !havePDFToText() {
		t.Skip("pdftotext (poppler-utils) is not installed; apt-get install poppler-utils")
	}
	f := newFixture(t)
	for _, lang := range []string{"zh", "en"} {
		opts := baseOptions()
		opts.Lang = lang
		r := f.build(t, opts)
		s := r.Summary
		page := squeeze(page1Text(t, render(t, r, report.PDF)))
		want := []string{squeeze(s.Sentence), "2026-05-20", "unbindctlreportverify"}
		if lang == "zh" {
			want = append(want, "解绑助手·账号审计报告", "10个账号，分布在10个平台", "已注销1个", "受限1个（美团）", "仍绑定手机号6个", "最需要处理的问题")
		} else {
			want = append(want, "Unbind·Accountauditreport", "10accountson10platforms", "1deactivated", "1blocked(Meituan)",
				"phonestillbound:6", "Whatneedsattentionfirst")
		}
		for i, fd := range r.Findings[:report.TopFindings] {
			want = append(want, squeeze(fd.Action))
			if i == 0 && fd.Severity != report.High {
				t.Errorf("%s: the first finding is %s, want the most severe first", lang, fd.Severity)
			}
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: page 1 lacks %q", lang, w)
			}
		}
		for _, not := range []string{"SCHEMA", ".md", "数据文件夹", "Datafolder", squeeze(r.Findings[report.TopFindings].Title)} {
			if strings.Contains(page, not) {
				t.Errorf("%s: page 1 holds %q", lang, not)
			}
		}
	}
}

// TestHTMLPage1: the HTML's first section tells the same story, its chart
// an inline SVG in the badges' colours, and says how to verify the file.
func TestHTMLPage1(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, baseOptions())
	html := string(render(t, r, report.HTML))
	i, j := strings.Index(html, `<section class="first" id="story">`), strings.Index(html, `<section id="header">`)
	if i < 0 || j < i {
		t.Fatalf("no story section before the header section")
	}
	story := html[i:j]
	for _, w := range []string{r.Summary.Sentence, `<svg`, `fill="#1b7f4a"`, "unbindctl report verify", r.Findings[0].Action} {
		if !strings.Contains(story, w) {
			t.Errorf("page 1 lacks %q", w)
		}
	}
	if strings.Contains(html, "<old>") || !strings.Contains(html, "&lt;old&gt;") {
		t.Errorf("an account name with markup reaches the HTML unescaped")
	}
	if strings.Contains(html, "SCHEMA.md") || strings.Contains(html, "数据文件夹") {
		t.Errorf("the report names a developer file or the data folder")
	}
}
