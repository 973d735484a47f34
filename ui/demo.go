package ui

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/demo"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/kit"
)

// DemoDeps writes fresh demo data into a new temporary folder and returns
// base with its store and data folder swapped for the demo's. Secrets go
// to memory, never to the real keyring. close removes the folder.
func DemoDeps(base Deps) (d Deps, close func(), err error) {
	dir, err := os.MkdirTemp("", "unbind-demo-")
	if err != nil {
		return base, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	secrets := &demo.MemorySecrets{}
	opts := demo.Options{Lang: base.Lang, Catalog: base.Catalog, Secrets: secrets}
	if err := demo.WriteDir(context.Background(), dir, opts); err != nil {
		cleanup()
		return base, nil, fmt.Errorf("write demo data: %w", err)
	}
	st, err := store.OpenDir(dir)
	if err != nil {
		cleanup()
		return base, nil, err
	}
	d = base
	d.Store, d.Secrets, d.Keyring, d.DataDir, d.Demo = st, secrets, secrets, dir, true
	return d, func() { st.Close(); cleanup() }, nil
}

// onOpenDemo switches the window to demo data; the banner leads back.
func (u *UI) onOpenDemo() {
	if u.d.Demo {
		return
	}
	d, closeDemo, err := DemoDeps(u.d)
	if err != nil {
		u.showError(err)
		return
	}
	prev := u.d
	u.previous, u.closeDemo = &prev, closeDemo
	u.switchTo(d)
}

// onLeaveDemo goes back to the person's own data and deletes the demo.
func (u *UI) onLeaveDemo() {
	if u.previous == nil {
		return
	}
	d := *u.previous
	u.previous = nil
	u.switchTo(d)
	if u.closeDemo != nil {
		u.closeDemo()
		u.closeDemo = nil
	}
}

func (u *UI) switchTo(d Deps) {
	u.d = d
	u.svc, u.rem = newService(d), u.newReminders(d)
	u.restartScheduler()
	u.keyringErr = nil
	u.win.SetTitle(u.title())
	u.detail.Clear()
	u.query = u.query.Reset()
	u.inv.resetFilters()
	u.updateBanner()
	u.Reload()
}

// updateBanner says when demo data is open.
func (u *UI) updateBanner() {
	u.banner.Objects = u.banner.Objects[:0]
	if u.d.Demo {
		text := lang.L("You are looking at demo data in a temporary folder. Changes are thrown away.")
		if u.previous == nil {
			u.banner.Add(kit.Note(theme.InfoIcon(), text, widget.HighImportance))
		} else {
			back := widget.NewButtonWithIcon(lang.L("Back to my data"), theme.NavigateBackIcon(), u.onLeaveDemo)
			u.banner.Add(kit.NewBorder(nil, nil, nil, back, kit.Note(theme.InfoIcon(), text, widget.HighImportance)))
		}
	} else if _, open := store.OpenToOthers(u.d.DataDir); open && u.d.DataDir != "" {
		// The inventory maps a person's accounts: other users of the
		// computer should not be able to read it.
		text := lang.L("Other users of this computer can open your data folder {{.Dir}}.", map[string]string{"Dir": u.d.DataDir})
		fix := widget.NewButtonWithIcon(lang.L("Make it private"), theme.VisibilityOffIcon(), func() {
			u.showError(store.CloseToOthers(u.d.DataDir))
			u.updateBanner()
		})
		u.banner.Add(kit.NewBorder(nil, nil, nil, fix, kit.Note(theme.WarningIcon(), text, widget.WarningImportance)))
	}
	u.banner.Refresh()
	if u.root != nil {
		u.root.Refresh() // the banner's height changed
	}
}
