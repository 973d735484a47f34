package kit

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/linebreak"
)

// Paragraph is wrapping text whose lines package linebreak chooses, so
// Chinese keeps its typesetting rules (no line starts with "。" or "）", a
// list marker stays with its text, a phone number is never split). Fyne's
// own word wrap breaks Chinese between any two characters. It re-breaks
// its lines for every width it is laid out at, like a wrapping label.
type Paragraph struct {
	widget.BaseWidget
	text  string
	style widget.RichTextStyle
	rt    *widget.RichText // one segment, wrapping off: the lines are ours
	width float32          // the width rt's lines were broken for; 0: none yet
}

// NewParagraph is a paragraph in style (the zero style: body text).
func NewParagraph(text string, style widget.RichTextStyle) *Paragraph {
	style.Inline = false
	p := &Paragraph{text: text, style: style}
	p.rt = widget.NewRichText(&widget.TextSegment{Text: text, Style: style})
	p.ExtendBaseWidget(p)
	return p
}

// Text is the paragraph's text as set, without the line breaks it shows.
func (p *Paragraph) Text() string { return p.text }

// SetText replaces the text and breaks it again.
func (p *Paragraph) SetText(text string) {
	if text == p.text {
		return
	}
	p.text = text
	p.width = 0
	p.Refresh()
}

// SetColor colours the text (a theme colour name; "" is the text colour).
func (p *Paragraph) SetColor(name fyne.ThemeColorName) {
	p.style.ColorName = name
	p.Refresh()
}

// SetAlignment aligns every line.
func (p *Paragraph) SetAlignment(a fyne.TextAlign) {
	p.style.Alignment = a
	p.Refresh()
}

// CreateRenderer is Fyne's.
func (p *Paragraph) CreateRenderer() fyne.WidgetRenderer { return &paragraphRenderer{p: p} }

// reflow breaks the text for width (the paragraph's, padding included).
func (p *Paragraph) reflow(width float32) {
	seg := p.rt.Segments[0].(*widget.TextSegment)
	if width > 0 && width == p.width {
		return // broken for this width already: layout passes come often, text changes reset width
	}
	th := p.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	text := p.text
	if avail := width - 2*pad; width > 0 && avail > 0 {
		size := th.Size(theme.SizeNameText)
		if p.style.SizeName != "" {
			size = th.Size(p.style.SizeName)
		}
		text = strings.Join(linebreak.Lines(p.text, float64(avail), measurer(size, p.style.TextStyle)), "\n")
	}
	if seg.Text == text && seg.Style == p.style && p.width == width {
		return
	}
	seg.Text, seg.Style, p.width = text, p.style, width
	p.rt.Refresh()
}

type paragraphRenderer struct{ p *Paragraph }

func (r *paragraphRenderer) Layout(size fyne.Size) {
	r.p.reflow(size.Width)
	r.p.rt.Resize(size)
}

// MinSize is as tall as the lines at the current width and, like a
// wrapping label, asks for no more width than one character.
func (r *paragraphRenderer) MinSize() fyne.Size {
	th := r.p.Theme()
	if r.p.width == 0 {
		r.p.reflow(0)
	}
	one := measurer(th.Size(theme.SizeNameText), r.p.style.TextStyle)("汉")
	return fyne.NewSize(float32(one)+2*th.Size(theme.SizeNameInnerPadding), r.p.rt.MinSize().Height)
}

// Refresh breaks the lines again: the style or the theme may have changed.
func (r *paragraphRenderer) Refresh() {
	r.p.width = 0
	r.p.reflow(r.p.Size().Width)
	r.p.rt.Refresh()
}

func (r *paragraphRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.rt} }
func (r *paragraphRenderer) Destroy()                     {}

// widths caches the measured width of each run of text: a paragraph is
// broken again at every layout, and its runs recur across the app.
var widths = struct {
	sync.Mutex
	m map[widthKey]float64
}{m: make(map[widthKey]float64)}

type widthKey struct {
	s     string
	size  float32
	style fyne.TextStyle
}

// measurer measures runs of text at size in style, through the cache;
// the cache starts over past 20,000 runs, so it stays small.
func measurer(size float32, style fyne.TextStyle) linebreak.Measure {
	return func(s string) float64 {
		k := widthKey{s, size, style}
		widths.Lock()
		w, ok := widths.m[k]
		widths.Unlock()
		if ok {
			return w
		}
		w = float64(fyne.MeasureText(s, size, style).Width)
		widths.Lock()
		if len(widths.m) > 20000 {
			clear(widths.m)
		}
		widths.m[k] = w
		widths.Unlock()
		return w
	}
}

// Bullets is a list with hanging bullets: each item a Paragraph beside
// its "•", so a wrapped line starts under the text, not under the bullet.
// A leading "- " of an item (the translations' list form) is dropped.
func Bullets(items ...string) fyne.CanvasObject {
	box := container.NewVBox()
	for _, it := range items {
		it = strings.TrimPrefix(strings.TrimSpace(it), "- ")
		if it == "" {
			continue
		}
		dot := widget.NewLabel("•")
		box.Add(NewBorder(nil, nil, container.NewVBox(dot), nil, Body(it)))
	}
	return box
}
