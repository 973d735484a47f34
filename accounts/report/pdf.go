package report

import (
	"fmt"

	"github.com/unbindapp/unbind/accounts/linebreak"

	"github.com/signintech/gopdf"
	"github.com/unbindapp/unbind/assets"
)

// The PDF page: A4 portrait, in points.
const (
	pageW      = 595.28
	pageH      = 841.89
	margin     = 36.0
	footerH    = 22.0
	contentW   = pageW - 2*margin
	bottom     = pageH - margin - footerH
	fontName   = "cjk"
	cellPad    = 2.0
	lineFactor = 1.3
	measureAt  = 10.0 // font size rune widths are measured at
)

// pdfDoc draws text, headings and wrapped tables with the bundled CJK font
// (assets.FontCJK, embedded as a subset of the glyphs used).
type pdfDoc struct {
	gp     *gopdf.GoPdf
	y      float64
	size   float64
	widths map[rune]float64 // advance width at measureAt

	header     []string // the current table's header, repeated on new pages
	headerCols []float64
}

func newPDFDoc(title, creator string) (*pdfDoc, error) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	err := gp.AddTTFFontDataWithOption(fontName, assets.FontCJK, gopdf.TtfOption{
		OnGlyphNotFoundSubstitute: func(rune) rune { return '?' },
	})
	if err != nil {
		return nil, fmt.Errorf("load the CJK font: %w", err)
	}
	gp.SetInfo(gopdf.PdfInfo{Title: title, Creator: creator, Producer: "Unbind"})
	// Content streams are compressed afterwards with one writer for all
	// pages (see flateContent), not one each.
	gp.SetNoCompression()
	d := &pdfDoc{gp: gp, widths: map[rune]float64{}}
	if err := d.font(10); err != nil {
		return nil, err
	}
	d.newPage()
	return d, nil
}

func (d *pdfDoc) font(size float64) error {
	if d.size == size {
		return nil
	}
	if err := d.gp.SetFont(fontName, "", size); err != nil {
		return fmt.Errorf("set font: %w", err)
	}
	d.size = size
	return nil
}

// newPage starts a page. Drawing state (line width, colours) is per page
// in PDF, so it is set again on each; nothing may be drawn before the first
// page, or gopdf makes a content stream no page owns.
func (d *pdfDoc) newPage() {
	d.gp.AddPage()
	d.lines()
	d.y = margin
}

// lines sets the table rule style.
func (d *pdfDoc) lines() {
	d.gp.SetLineWidth(0.5)
	d.gp.SetStrokeColor(0xcb, 0xd5, 0xe0)
}

// ensure starts a new page unless h more points fit; it reports whether
// it did.
func (d *pdfDoc) ensure(h float64) bool {
	if d.y+h <= bottom {
		return false
	}
	d.newPage()
	return true
}

// runeWidth is the advance of r at the current size.
func (d *pdfDoc) runeWidth(r rune) (float64, error) {
	w, ok := d.widths[r]
	if !ok {
		size := d.size
		if err := d.font(measureAt); err != nil {
			return 0, err
		}
		var err error
		if w, err = d.gp.MeasureTextWidth(string(r)); err != nil {
			return 0, fmt.Errorf("measure text: %w", err)
		}
		d.widths[r] = w
		if err := d.font(size); err != nil {
			return 0, err
		}
	}
	return w * d.size / measureAt, nil
}

// wrap splits text into lines no wider than width at the current size,
// with the rules of Chinese typesetting (package linebreak): the GUI
// breaks the same texts the same way.
func (d *pdfDoc) wrap(text string, width float64) ([]string, error) {
	if fits, err := d.fits(text, width); fits || err != nil {
		return []string{text}, err // most cells: one short line
	}
	var failed error
	lines := linebreak.Lines(text, width, func(s string) float64 {
		w := 0.0
		for _, r := range s {
			rw, err := d.runeWidth(r)
			if err != nil && failed == nil {
				failed = err
			}
			w += rw
		}
		return w
	})
	return lines, failed
}

// fits reports whether text is one line no wider than width.
func (d *pdfDoc) fits(text string, width float64) (bool, error) {
	w := 0.0
	for _, r := range text {
		if r == '\n' || r == '\r' || r == '\t' {
			return false, nil
		}
		rw, err := d.runeWidth(r)
		if err != nil {
			return false, err
		}
		if w += rw; w > width {
			return false, nil
		}
	}
	return true, nil
}

func (d *pdfDoc) text(x, y float64, s string) error {
	if s == "" {
		return nil
	}
	d.gp.SetXY(x, y)
	if err := d.gp.Cell(nil, s); err != nil {
		return fmt.Errorf("draw text: %w", err)
	}
	return nil
}

// heading draws a section title, on a new page when it starts one.
func (d *pdfDoc) heading(s string, size float64) error {
	d.ensure(size * 3)
	if err := d.font(size); err != nil {
		return err
	}
	if err := d.text(margin, d.y, s); err != nil {
		return err
	}
	d.y += size * 1.6
	return nil
}

// para draws wrapped text across the page width.
func (d *pdfDoc) para(s string, size float64) error {
	if err := d.font(size); err != nil {
		return err
	}
	lines, err := d.wrap(s, contentW)
	if err != nil {
		return err
	}
	for _, l := range lines {
		d.ensure(size * lineFactor)
		if err := d.text(margin, d.y, l); err != nil {
			return err
		}
		d.y += size * lineFactor
	}
	d.y += size * 0.5
	return nil
}

// table draws rows under a header repeated on every page (no header when
// nil: a key–value table). widths are relative; cells wrap, and a row taller than a page is cut with "…".
func (d *pdfDoc) table(header []string, widths []float64, rows [][]string, size float64) error {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	cols := make([]float64, len(widths))
	for i, w := range widths {
		cols[i] = w / total * contentW
	}
	if err := d.font(size); err != nil {
		return err
	}
	lineH := size * lineFactor
	maxLines := int((bottom - margin - 5*lineH - 4*cellPad) / lineH) // room for a two-line header
	if header != nil {
		if err := d.row(header, cols, lineH, maxLines, true); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if err := d.row(r, cols, lineH, maxLines, false); err != nil {
			return err
		}
	}
	d.header, d.headerCols = nil, nil
	d.y += lineH
	return nil
}

// row draws one table row; a row that does not fit goes to a new page,
// under a copy of the header.

func (d *pdfDoc) row(cells []string, cols []float64, lineH float64, maxLines int, isHeader bool) error {
	wrapped := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		lines, err := d.wrap(c, cols[i]-2*cellPad)
		if err != nil {
			return err
		}
		if len(lines) > maxLines {
			lines = append(lines[:maxLines-1], lines[maxLines-1]+"…")
		}
		wrapped[i] = lines
		n = max(n, len(lines))
	}
	h := float64(n)*lineH + 2*cellPad
	if isHeader {
		d.ensure(h + 2*lineH) // keep the header with its first row
		d.header = cells
		d.headerCols = cols
	} else if d.ensure(h) && d.header != nil {
		if err := d.row(d.header, d.headerCols, lineH, maxLines, true); err != nil {
			return err
		}
	}
	if isHeader {
		d.gp.SetFillColor(0xed, 0xf2, 0xf7)
		d.gp.RectFromUpperLeftWithStyle(margin, d.y, contentW, h, "F")
		d.gp.SetFillColor(0, 0, 0)
	}
	x := margin
	for i, lines := range wrapped {
		for j, l := range lines {
			if err := d.text(x+cellPad, d.y+cellPad+float64(j)*lineH, l); err != nil {
				return err
			}
		}
		x += cols[i]
	}
	d.y += h
	d.gp.Line(margin, d.y, margin+contentW, d.y)
	return nil
}
