package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

var dialogInfo = func(title, message string, w fyne.Window) { dialog.ShowInformation(title, message, w) }
