package kit

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WrapLabel is a label that wraps at word boundaries (CJK wraps anywhere).
func WrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Secondary is wrapping secondary text: smaller and in the placeholder
// colour. (A low-importance Label uses the "disabled" colour, which is too
// faint to read.)
func Secondary(text string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// SetSecondary replaces the text of a secondary() RichText.
func SetSecondary(rt *widget.RichText, text string) {
	rt.Segments[0].(*widget.TextSegment).Text = text
	rt.Refresh()
}

// SmallText is secondary text in the placeholder colour.
func SmallText(text string) *canvas.Text {
	t := canvas.NewText(text, theme.Color(theme.ColorNamePlaceHolder))
	t.TextSize = theme.CaptionTextSize()
	return t
}

// Heading is a section title: larger, not bold. The bundled font has no
// bold face, and every extra text style makes Fyne load the font again
// (about 10 MB each), so Unbind keeps to the regular style where it can.
func Heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// Note is an info box: an icon and wrapping text on a tinted background.
func Note(icon fyne.Resource, text string, importance widget.Importance) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	switch importance {
	case widget.WarningImportance:
		bg.FillColor = WithAlpha(theme.Color(theme.ColorNameWarning), 0x30)
	case widget.DangerImportance:
		bg.FillColor = WithAlpha(theme.Color(theme.ColorNameError), 0x30)
	case widget.HighImportance:
		bg.FillColor = WithAlpha(theme.Color(theme.ColorNamePrimary), 0x26)
	}
	label := WrapLabel(text)
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(widget.NewIcon(icon)), nil, label))
}

func Spacer() fyne.CanvasObject { return layout.NewSpacer() }

// HomeDir is where file dialogs start.
func HomeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
