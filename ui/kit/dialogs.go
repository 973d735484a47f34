package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// ShowInfo shows an information dialog over w.
var ShowInfo = func(title, message string, w fyne.Window) { dialog.ShowInformation(title, message, w) }

// ShowError shows err in a dialog over w.
var ShowError = dialog.ShowError
