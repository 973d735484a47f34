package evidence

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders for thumbnails
	_ "image/jpeg"
	_ "image/png"
	"io"
	"os"
)

// MaxThumbnailPixels bounds the pictures Thumbnail decodes: a 20 MiB PNG
// can claim a billion pixels and take gigabytes to decode, while a phone
// screenshot has a few million.
const MaxThumbnailPixels = 40_000_000

// ErrTooManyPixels is returned for a picture too large to decode for a thumbnail.
var ErrTooManyPixels = errors.New("picture too large for a thumbnail")

// Thumbnail decodes the stored picture and scales it to fit in side×side
// pixels (keeping its proportions), reading the header first so a
// decompression bomb is refused before any pixel is decoded.
func (d *Dir) Thumbnail(sum, mediaType string, side int) (image.Image, error) {
	p, err := d.PathOf(sum, mediaType)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("evidence: thumbnail: %w", err)
	}
	defer f.Close()
	return thumbnail(f, side)
}

func thumbnail(r io.ReadSeeker, side int) (image.Image, error) {
	cfg, _, err := image.DecodeConfig(r)
	if err != nil {
		return nil, fmt.Errorf("evidence: thumbnail: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxThumbnailPixels {
		return nil, fmt.Errorf("evidence: %d×%d pixels: %w", cfg.Width, cfg.Height, ErrTooManyPixels)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("evidence: thumbnail: %w", err)
	}
	img, _, err := image.Decode(r)
	if err != nil {
		return nil, fmt.Errorf("evidence: thumbnail: %w", err)
	}
	return scaleDown(img, side), nil
}

// scaleDown averages boxes of source pixels into an image that fits in
// side×side; a picture that fits already is returned as it is.
func scaleDown(src image.Image, side int) image.Image {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= side && h <= side {
		return src
	}
	tw, th := side, side
	if w > h {
		th = max(1, h*side/w)
	} else {
		tw = max(1, w*side/h)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, tw, th))
	for y := range th {
		y0, y1 := b.Min.Y+y*h/th, b.Min.Y+max((y+1)*h/th, y*h/th+1)
		for x := range tw {
			x0, x1 := b.Min.X+x*w/tw, b.Min.X+max((x+1)*w/tw, x*w/tw+1)
			var r, g, bl, a, n uint64
			// At most 16×16 samples per box: enough for a thumbnail, and
			// bounded however large the source.
			sy, sx := max(1, (y1-y0)/16), max(1, (x1-x0)/16)
			for yy := y0; yy < y1; yy += sy {
				for xx := x0; xx < x1; xx += sx {
					c := color.NRGBAModel.Convert(src.At(xx, yy)).(color.NRGBA)
					r, g, bl, a, n = r+uint64(c.R), g+uint64(c.G), bl+uint64(c.B), a+uint64(c.A), n+1
				}
			}
			dst.SetNRGBA(x, y, color.NRGBA{uint8(r / n), uint8(g / n), uint8(bl / n), uint8(a / n)})
		}
	}
	return dst
}
