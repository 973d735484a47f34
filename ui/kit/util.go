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

// Body is a wrapping paragraph of body text.
func Body(text string) *Paragraph { return NewParagraph(text, widget.RichTextStyle{}) }

// Secondary is wrapping secondary text: smaller and in the placeholder
// colour. (A low-importance Label uses the "disabled" colour, which is too
// faint to read.)
func Secondary(text string) *Paragraph {
	return NewParagraph(text, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText})
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
	label := Body(text)
	return container.NewStack(bg, NewBorder(nil, nil, container.NewPadded(widget.NewIcon(icon)), nil, label))
}

func Spacer() fyne.CanvasObject { return layout.NewSpacer() }

// HomeDir is where file dialogs start.
func HomeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
