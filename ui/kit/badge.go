package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
)

// Badge is a rounded pill with white text: a status, a count, a tag.
type Badge struct {
	widget.BaseWidget
	bg       *canvas.Rectangle
	text     *canvas.Text
	OnTapped func() // nil: a badge that only shows
}

func NewBadge(text string, fill color.Color) *Badge {
	b := &Badge{bg: canvas.NewRectangle(fill), text: canvas.NewText(text, color.White)}
	b.bg.CornerRadius = 9
	b.text.TextSize = theme.CaptionTextSize() + 1
	b.text.Alignment = fyne.TextAlignCenter
	b.ExtendBaseWidget(b)
	return b
}

func NewStatusBadge(s accounts.Status) *Badge { return NewBadge(StatusLabel(s), StatusColor(s)) }

// Text is what the badge says.
func (b *Badge) Text() string { return b.text.Text }

func (b *Badge) Set(text string, fill color.Color) {
	b.text.Text, b.bg.FillColor = text, fill
	b.Refresh()
}

func (b *Badge) SetStatus(s accounts.Status) { b.Set(StatusLabel(s), StatusColor(s)) }

func (b *Badge) CreateRenderer() fyne.WidgetRenderer {
	pad := layout.NewCustomPaddedLayout(2, 3, 9, 9)
	return widget.NewSimpleRenderer(container.NewStack(b.bg, container.New(pad, b.text)))
}

// Tapped makes badges with OnTapped work as filter shortcuts.
func (b *Badge) Tapped(*fyne.PointEvent) {
	if b.OnTapped != nil {
		b.OnTapped()
	}
}
