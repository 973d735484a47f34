package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Avatar is a platform's initial in a coloured circle.
type Avatar struct {
	widget.BaseWidget
	circle *canvas.Circle
	text   *canvas.Text
	size   float32
}

// NewAvatar makes an avatar of the given diameter.
func NewAvatar(size float32) *Avatar {
	a := &Avatar{circle: canvas.NewCircle(color.Gray{Y: 0x80}), text: canvas.NewText("", color.White), size: size}
	a.text.TextSize = size * 0.45
	a.text.Alignment = fyne.TextAlignCenter
	a.ExtendBaseWidget(a)
	return a
}

// Set shows the initial in the platform's colour.
func (a *Avatar) Set(initial, platformID string) {
	a.text.Text, a.circle.FillColor = initial, AvatarColor(platformID)
	a.Refresh()
}

func (a *Avatar) MinSize() fyne.Size { return fyne.NewSquareSize(a.size) }

func (a *Avatar) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(a.circle, container.NewCenter(a.text)))
}
