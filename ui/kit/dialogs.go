package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowInfo shows an information dialog over w.
var ShowInfo = func(title, message string, w fyne.Window) { dialog.ShowInformation(title, message, w) }

// ShowError shows err as a Problem over w: the message in the person's
// language, and the technical text folded away under Details, where it
// can be selected and copied. nil shows nothing.
func ShowError(err error, w fyne.Window) {
	if err == nil {
		return
	}
	ProblemDialog(Explain(err), w).Show()
}

// ProblemDialog builds the dialog ShowError shows.
func ProblemDialog(p Problem, w fyne.Window) dialog.Dialog {
	msg := Body(p.Message)
	body := container.NewVBox(msg)
	if p.Detail != "" {
		detail := widget.NewLabel(p.Detail) // technical text: a selectable label, not a Paragraph
		detail.Wrapping = fyne.TextWrapWord
		detail.Selectable = true
		copyBtn := widget.NewButtonWithIcon(lang.L("Copy details"), theme.ContentCopyIcon(), func() {
			fyne.CurrentApp().Clipboard().SetContent(p.Detail)
		})
		more := widget.NewAccordion(widget.NewAccordionItem(lang.L("Details"),
			NewBorder(nil, container.NewHBox(copyBtn), nil, nil, detail)))
		body.Add(more)
	}
	d := dialog.NewCustom(lang.L("Problem"), lang.L("OK"), NewFixedWidth(460, body), w)
	Keyed(w, d, d.Hide)
	return d
}

// ShowConfirm is dialog.ShowConfirm with Escape and Enter (Keyed).
func ShowConfirm(title, message string, callback func(bool), w fyne.Window) {
	d := dialog.NewConfirm(title, message, callback, w)
	Keyed(w, d, nil)
	d.Show()
}
