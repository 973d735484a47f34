package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showInMain puts a tool's view (the 一证通查 result) in the main pane, in
// place of the inventory and account pane, under a bar with its title and
// Back; it stays there across reloads until Back.
func (u *UI) showInMain(title string, content fyne.CanvasObject) {
	back := widget.NewButtonWithIcon(lang.L("Back to the accounts"), theme.NavigateBackIcon(), u.closeMain)
	heading := widget.NewLabel(title)
	heading.TextStyle.Bold = true
	bar := container.NewBorder(nil, nil, back, nil, heading)
	u.mainView = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, content)
	u.body.Objects = []fyne.CanvasObject{u.mainView}
	u.body.Refresh()
}

// closeMain goes back from a tool's view to the inventory.
func (u *UI) closeMain() {
	u.mainView = nil
	u.Reload()
}
