package ui

import (
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/phonecheck"
	"github.com/unbindapp/unbind/ui/kit"
	"github.com/unbindapp/unbind/ui/tools"
)

// showInMain puts a tool's view (the 一证通查 result) in the main pane, in
// place of the inventory and account pane, under a bar with its title and
// Back; it stays there across reloads until Back.
func (u *UI) showInMain(title string, content fyne.CanvasObject) {
	back := widget.NewButtonWithIcon(lang.L("Back to the accounts"), theme.NavigateBackIcon(), u.closeMain)
	heading := widget.NewLabel(title)
	heading.TextStyle.Bold = true
	bar := kit.NewBorder(nil, nil, back, nil, heading)
	u.toolView = kit.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, content)
	u.body.Objects = []fyne.CanvasObject{u.toolView}
	u.body.Refresh()
}

// closeMain goes back from a tool's view to the inventory.
func (u *UI) closeMain() {
	u.toolView = nil
	u.views.show(viewAccounts)
	u.Reload()
}

// PhoneCheckOnLoad pastes the 一证通查 SMS of each file (a comma-separated
// list) into the phone check once the inventory has loaded, one check
// after the other, and leaves the last result in the main pane: scripts
// use it for screenshots of a check compared with the one before.
func (u *UI) PhoneCheckOnLoad(files string) {
	prev := u.onLoaded
	u.onLoaded = func() {
		if prev != nil {
			prev()
		}
		for _, name := range strings.Split(files, ",") {
			b, err := readSMSFile(name)
			if err != nil {
				u.showError(err)
				return
			}
			tools.ShowPhoneCheck(u.win, u.tools(), u.Reload).PasteAndCompare(string(b))
		}
	}
}

// readSMSFile reads no more of a file than an SMS can be.
func readSMSFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, phonecheck.MaxSMSBytes+1))
}
