package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// focusColors are the colours that make the keyboard focus plain to see.
// Fyne tints a focused button with its focus colour at 16 % opacity,
// which on a grey button is close to invisible; Unbind's tint is strong
// enough that a focused button differs from an unfocused one by 3:1 and
// its text still reads at 4.5:1 (TestFocusIsClearlyVisible), which takes
// a darker text colour in the light theme and white text in the dark.
func focusColors(n fyne.ThemeColorName, v fyne.ThemeVariant) (color.Color, bool) {
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNameFocus:
		if dark {
			return color.NRGBA{R: 0x3d, G: 0xb8, B: 0xd6, A: 0x94}, true
		}
		return color.NRGBA{R: 0x1f, G: 0x6f, B: 0xd1, A: 0xc0}, true
	case theme.ColorNameForeground:
		if dark {
			return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}, true
		}
		return color.NRGBA{R: 0x20, G: 0x21, B: 0x24, A: 0xff}, true
	}
	return nil, false
}
