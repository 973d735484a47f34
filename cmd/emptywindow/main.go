// Command emptywindow is the baseline of Unbind's startup benchmark: the
// smallest Fyne app, a window with one label, measured by the same probe
// as `unbind --measure-startup`. It is built with the same flags as
// Unbind and never shipped. With --cjk-font it serves Unbind's bundled CJK
// font for every text style, as Unbind's theme does, so the script can
// show how much of Unbind's start is that font. With --stay it runs
// without the probe until stopped, for cmd/startupwatch.
package main

import (
	"flag"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/ui/startupprobe"
)

// cjkTheme is Fyne's default theme with the bundled font.
type cjkTheme struct {
	fyne.Theme
	font fyne.Resource
}

func (t cjkTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

func main() {
	cjk := flag.Bool("cjk-font", false, "use Unbind's bundled CJK font")
	// --stay runs without the probe until stopped, as Unbind runs
	// without --measure-startup: for startupwatch, which measures both
	// from the outside.
	stay := flag.Bool("stay", false, "no probe: run until stopped")
	flag.Parse()
	probe := startupprobe.New()
	a := app.NewWithID("io.github.unbindapp.emptywindow")
	if *cjk {
		a.Settings().SetTheme(cjkTheme{theme.DefaultTheme(), fyne.NewStaticResource(assets.FontGUIName, assets.FontGUI)})
	}
	w := a.NewWindow("Empty")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1180, 760))
	if !*stay {
		probe.Attach(w)
		probe.Run(a, nil, os.Stdout)
	}
	w.ShowAndRun()
}
