package ui

import (
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func itoa(n int) string { return strconv.Itoa(n) }

// wrapLabel is a label that wraps at word boundaries (CJK wraps anywhere).
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// secondary is wrapping secondary text: smaller and in the placeholder
// colour. (A low-importance Label uses the "disabled" colour, which is too
// faint to read.)
func secondary(text string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// setSecondary replaces the text of a secondary() RichText.
func setSecondary(rt *widget.RichText, text string) {
	rt.Segments[0].(*widget.TextSegment).Text = text
	rt.Refresh()
}

// smallText is secondary text in the placeholder colour.
func smallText(text string) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNamePlaceHolder))
	t.TextSize = theme.CaptionTextSize()
	return t
}

// heading is a section title: larger, not bold. The bundled font has no
// bold face, and every extra text style makes Fyne load the font again
// (about 10 MB each), so Unbind keeps to the regular style where it can.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// note is an info box: an icon and wrapping text on a tinted background.
func note(icon fyne.Resource, text string, importance widget.Importance) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	switch importance {
	case widget.WarningImportance:
		bg.FillColor = withAlpha(theme.Color(theme.ColorNameWarning), 0x30)
	case widget.DangerImportance:
		bg.FillColor = withAlpha(theme.Color(theme.ColorNameError), 0x30)
	case widget.HighImportance:
		bg.FillColor = withAlpha(theme.Color(theme.ColorNamePrimary), 0x26)
	}
	label := wrapLabel(text)
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(widget.NewIcon(icon)), nil, label))
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// homeDir is where file dialogs start.
func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
