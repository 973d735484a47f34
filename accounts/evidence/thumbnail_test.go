package evidence

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func TestThumbnailScalesAndRefusesBombs(t *testing.T) {
	d := New(t.TempDir())
	src := image.NewNRGBA(image.Rect(0, 0, 400, 200))
	for x := range 200 {
		for y := range 200 {
			src.SetNRGBA(x, y, color.NRGBA{255, 0, 0, 255}) // left half red
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	b, err := d.Add(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	th, err := d.Thumbnail(b.SHA256, b.MediaType, 100)
	if err != nil {
		t.Fatal(err)
	}
	if got := th.Bounds().Size(); got != image.Pt(100, 50) {
		t.Fatalf("thumbnail %v, want 100×50", got)
	}
	if c := color.NRGBAModel.Convert(th.At(10, 25)).(color.NRGBA); c.R != 255 || c.A != 255 {
		t.Fatalf("left of the thumbnail is %v, want red", c)
	}
	// A tiny PNG that claims 100000×100000 pixels: refused from its header.
	bomb := pngHeader(100000, 100000)
	b, err = d.Add(bytes.NewReader(bomb))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Thumbnail(b.SHA256, b.MediaType, 100); !errors.Is(err, ErrTooManyPixels) {
		t.Fatalf("bomb: %v, want ErrTooManyPixels", err)
	}
}

// pngHeader is a PNG signature and IHDR chunk for w×h, with no pixels.
func pngHeader(w, h uint32) []byte {
	var ihdr bytes.Buffer
	ihdr.WriteString("IHDR")
	binary.Write(&ihdr, binary.BigEndian, w)
	binary.Write(&ihdr, binary.BigEndian, h)
	ihdr.Write([]byte{8, 6, 0, 0, 0})
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&out, binary.BigEndian, uint32(13))
	out.Write(ihdr.Bytes())
	binary.Write(&out, binary.BigEndian, crc32.ChecksumIEEE(ihdr.Bytes()))
	return out.Bytes()
}
