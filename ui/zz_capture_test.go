//go:build capture

package ui

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/zalando/go-keyring"
)

func save(t *testing.T, u *UI, name string) {
	img := u.win.Canvas().Capture()
	f, _ := os.Create("/tmp/cap/" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestCapture(t *testing.T) {
	os.MkdirAll("/tmp/cap", 0o755)
	keyring.MockInit()
	u := newTestUI(t, nil)
	u.app.Settings().SetTheme(NewTheme())
	_ = theme.VariantLight
	u.win.Resize(fyne.NewSize(1180, 760))
	save(t, u, "empty")
	test.Tap(button(u.empty, "Open demo data"))
	u.SelectOnLoad("jd")
	u.Reload()
	save(t, u, "steps")
	u.detail.tabs.SelectIndex(1)
	save(t, u, "creds")
	u.detail.tabs.SelectIndex(2)
	save(t, u, "reminders")
	u.detail.tabs.SelectIndex(3)
	save(t, u, "history")
	u.onAdd()
	save(t, u, "addform")
	u.lastForm.dlg.Hide()
	u.onSettings()
	save(t, u, "settings")
}
