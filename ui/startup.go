package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/unbindapp/unbind/ui/kit"
)

// StartupError is the window content when Unbind cannot open its data: the
// store's message already says what happened and what to do.
func StartupError(err error, quit func()) fyne.CanvasObject {
	title := kit.Heading(lang.L("Unbind cannot open its data"))
	msg := widget.NewLabel(err.Error()) // selectable, to copy into a bug report
	msg.Wrapping = fyne.TextWrapWord
	msg.Selectable = true
	btn := widget.NewButtonWithIcon(lang.L("Quit"), theme.CancelIcon(), quit)
	return container.NewPadded(kit.NewBorder(container.NewHBox(widget.NewIcon(theme.ErrorIcon()), title),
		container.NewHBox(kit.Spacer(), btn), nil, nil, container.NewVScroll(msg)))
}

// HasTray reports whether Unbind put an icon in the system tray.
func (u *UI) HasTray() bool { return u.hasTray }

// WhenLoaded calls f on the UI goroutine once the inventory has loaded
// for the first time (the startup probe measures up to there). Call it
// before Start.
func (u *UI) WhenLoaded(f func()) { u.onLoaded = f }

// SelectOnLoad selects an account (by ID, or the first of a platform ID)
// once the inventory has loaded; scripts use it for screenshots.
func (u *UI) SelectOnLoad(idOrPlatform string) { u.pendingSelect = idOrPlatform }

// OpenTabOnLoad opens a tab of the account SelectOnLoad selects (steps,
// credentials, reminders or history), for screenshots.
func (u *UI) OpenTabOnLoad(name string) { u.pendingTab = name }

func (u *UI) selectPending() {
	want := u.pendingSelect
	if want == "" {
		return
	}
	u.pendingSelect = ""
	for i := range u.items {
		if a := u.items[i].Account; a.ID == want || a.PlatformID == want {
			u.selectAccount(a.ID)
			if u.pendingTab != "" {
				u.detail.OpenTab(u.pendingTab)
			}
			return
		}
	}
}
