package kit

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// In both themes a focused button stands out from an unfocused one by at
// least 3:1 (WCAG's focus appearance), and its text stays readable on the
// focus tint at 4.5:1; entries mark focus with the primary colour, which
// must stand out from the field at 3:1 too.
func TestFocusIsClearlyVisible(t *testing.T) {
	for _, choice := range []string{ThemeLight, ThemeDark} {
		th := NewThemeFor(choice)
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
		button := c(theme.ColorNameButton)
		focused := over(button, c(theme.ColorNameFocus))
		if r := contrast(focused, button); r < 3 {
			t.Errorf("%s: a focused button differs from an unfocused one by %.2f:1, want ≥ 3", choice, r)
		}
		if r := contrast(c(theme.ColorNameForeground), focused); r < 4.5 {
			t.Errorf("%s: text on a focused button reads at %.2f:1, want ≥ 4.5", choice, r)
		}
		if r := contrast(c(theme.ColorNameForeground), c(theme.ColorNameBackground)); r < 7 {
			t.Errorf("%s: body text reads at %.2f:1, want ≥ 7", choice, r)
		}
		if r := contrast(c(theme.ColorNamePrimary), c(theme.ColorNameInputBackground)); r < 3 {
			t.Errorf("%s: a focused entry's border differs from the field by %.2f:1, want ≥ 3", choice, r)
		}
	}
}

// over is src drawn over an opaque dst, as Fyne blends a button's tint.
func over(dst, src color.Color) color.Color {
	dr, dg, db, _ := dst.RGBA()
	sr, sg, sb, sa := src.RGBA() // premultiplied
	mix := func(d, s uint32) uint8 { return uint8((s + d*(0xffff-sa)/0xffff) >> 8) }
	return color.NRGBA{R: mix(dr, sr), G: mix(dg, sg), B: mix(db, sb), A: 0xff}
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
