package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestExportReportMaskedWithoutSecrets(t *testing.T) {
	u := newTestUI(t, nil)
	test.Tap(uitest.Button(u.empty, "Open demo data"))
	dir := t.TempDir()
	for _, f := range report.Formats {
		path := filepath.Join(dir, "report."+string(f))
		if err := u.exportReport(path, reportChoice{Format: f, Lang: kit.LangZh}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) < 500 {
			t.Fatalf("%s: %d bytes, %v", f, len(data), err)
		}
		if f == report.PDF {
			continue // compressed; the report package checks its text
		}
		text := string(data)
		if !strings.Contains(text, "138****5678") || strings.Contains(text, "13812345678") {
			t.Errorf("%s: the phone number is not masked", f)
		}
		for _, secret := range []string{"Tb#2019-summer", "602913", "Jd$8823-winter"} {
			if strings.Contains(text, secret) {
				t.Errorf("%s contains a keyring secret", f)
			}
		}
	}
	// The dialog offers the choices and leads to the file dialog.
	u.onReport()
	if uitest.Find(uitest.Top(u.win), func(c *widget.Check) bool { return strings.HasPrefix(c.Text, "Show logins") }) == nil {
		t.Error("the export dialog has no masking choice")
	}
	test.Tap(uitest.Button(uitest.Top(u.win), "Save as…"))
	if uitest.Top(u.win) == nil {
		t.Error("no file dialog after Save as…")
	}
}
