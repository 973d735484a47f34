package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/unbindapp/unbind/ui/internal/uitest"
)

// An open data folder gets a banner whose button makes it private.
func TestOpenDataFolderBanner(t *testing.T) {
	u := newTestUI(t, nil)
	if err := os.Chmod(u.d.DataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	u.updateBanner()
	fix := uitest.Button(u.banner, "Make it private")
	if fix == nil {
		t.Fatal("no banner for a 0755 data folder")
	}
	test.Tap(fix)
	if fi, _ := os.Stat(u.d.DataDir); fi.Mode().Perm() != 0o700 {
		t.Errorf("mode after the fix: %o", fi.Mode().Perm())
	}
	if len(u.banner.Objects) != 0 {
		t.Error("the banner stayed after the fix")
	}
}
