// Package firstpaint tells when a Fyne window has painted its first frame.
// Fyne has no event for it, but it generates a raster's pixels while
// painting the frame that shows it: a one-pixel transparent raster in the
// window's content is called back exactly then.
package firstpaint

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Watch adds the marker to w's current content (call it after SetContent)
// and returns a channel that receives the time of the first painted frame,
// then is closed.
func Watch(w fyne.Window) <-chan time.Time {
	ch := make(chan time.Time, 1)
	var once sync.Once
	// A real one-pixel image: painters size textures by its bounds, and an
	// image.Uniform has infinite ones.
	pixel := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	raster := canvas.NewRaster(func(width, height int) image.Image {
		if width > 0 && height > 0 {
			once.Do(func() {
				ch <- time.Now()
				close(ch)
			})
		}
		return pixel
	})
	raster.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(raster)))
	return ch
}
