package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/assets"
)

// appTheme is Fyne's default look with the bundled CJK font for every text
// style: Fyne's own font has no Chinese glyphs and a machine may have no
// CJK system font, so serving it for bold and monospace too is what keeps
// Chinese from turning into boxes anywhere.
type appTheme struct {
	font fyne.Resource
	// variant, when set, is the person's choice of light or dark over
	// the system's.
	variant *fyne.ThemeVariant
}

// The theme choices as stored in the settings.
const (
	ThemeSystem = ""
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

var _ fyne.Theme = (*appTheme)(nil)

// NewTheme returns Unbind's theme; the variant (light or dark) follows the
// system or FYNE_THEME.
func NewTheme() fyne.Theme { return NewThemeFor(ThemeSystem) }

// cjkFont is the bundled font resource (CFF outlines: see assets.FontGUI),
// made once and handed out by every theme value. Fyne parses it once per
// text style it meets (regular and bold here).
var cjkFont = fyne.NewStaticResource(assets.FontGUIName, assets.FontGUI)

// NewThemeFor is Unbind's theme in the chosen variant (ThemeLight,
// ThemeDark, or ThemeSystem to follow the system).
func NewThemeFor(choice string) fyne.Theme {
	t := &appTheme{font: cjkFont}
	switch choice {
	case ThemeLight:
		v := theme.VariantLight
		t.variant = &v
	case ThemeDark:
		v := theme.VariantDark
		t.variant = &v
	}
	return t
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if n == theme.ColorNamePrimary {
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x3d, G: 0xb8, B: 0xd6, A: 0xff}
		}
		return color.NRGBA{R: 0x1f, G: 0x6f, B: 0xd1, A: 0xff}
	}
	if c, ok := focusColors(n, v); ok {
		return c
	}
	if n == theme.ColorNamePlaceHolder {
		// Secondary text uses it: a little darker (lighter in dark mode)
		// than Fyne's, so small grey text stays readable.
		if v == theme.VariantDark {
			return color.NRGBA{R: 0xa3, G: 0xa6, B: 0xad, A: 0xff}
		}
		return color.NRGBA{R: 0x6b, G: 0x6e, B: 0x76, A: 0xff}
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

// WarmFonts makes Fyne load its fonts for the styles the window uses (the
// bundled font, Fyne's fallback and emoji fonts, the system font index) on
// another goroutine while main opens the data; otherwise the first text
// measured loads them on the UI goroutine before the first frame. Call it
// after the theme is set and pass the channel in Deps.FontsReady: New
// waits for it rather than loading the same fonts a second time.
func WarmFonts() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("解绑 Unbind", theme.TextSize(), style)
		}
	}()
	return done
}

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// StatusColor is the badge colour of a status, from the one palette in
// package accounts (the report's charts use the same).
func StatusColor(s accounts.Status) color.Color {
	c := s.Color()
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff}
}

// AvatarColor gives each platform a stable colour for its initial.
func AvatarColor(platformID string) color.Color {
	palette := []color.NRGBA{
		{R: 0xe8, G: 0x5d, B: 0x04, A: 0xff}, {R: 0xd6, G: 0x28, B: 0x28, A: 0xff}, {R: 0x7b, G: 0x2c, B: 0xbf, A: 0xff},
		{R: 0x1d, G: 0x4e, B: 0xd8, A: 0xff}, {R: 0x05, G: 0x96, B: 0x69, A: 0xff}, {R: 0xb4, G: 0x53, B: 0x09, A: 0xff},
		{R: 0x0e, G: 0x74, B: 0x90, A: 0xff}, {R: 0xbe, G: 0x18, B: 0x5d, A: 0xff}, {R: 0x4d, G: 0x7c, B: 0x0f, A: 0xff},
	}
	h := uint32(2166136261)
	for i := 0; i < len(platformID); i++ {
		h = (h ^ uint32(platformID[i])) * 16777619
	}
	return palette[h%uint32(len(palette))]
}
