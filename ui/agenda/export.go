package agenda

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/unbindapp/unbind/accounts/atomicfile"
	"github.com/unbindapp/unbind/ui/kit"
)

// icsExt is the calendar file's extension.
const icsExt = ".ics"

// onExport asks where to save the calendar and writes it there.
func (v *View) onExport() {
	win := v.shell.Window()
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.shell.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		if strings.EqualFold(filepath.Ext(path), icsExt) {
			v.exportAndSay(path) // the file dialog asked before overwriting
			return
		}
		// Fyne created the file as named: the calendar goes beside it with
		// the extension, so remove the empty one and ask before replacing.
		os.Remove(path)
		path += icsExt
		if _, err := os.Lstat(path); err == nil {
			kit.ShowConfirm(lang.L("Replace the file?"), lang.L("{{.Name}} exists. Replace it with the new calendar?", map[string]string{"Name": filepath.Base(path)}),
				func(ok bool) {
					if ok {
						v.exportAndSay(path)
					}
				}, win)
			return
		}
		v.exportAndSay(path)
	}, win)
	save.SetFileName("unbind-reminders" + icsExt)
	save.SetFilter(storage.NewExtensionFileFilter([]string{icsExt}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(kit.HomeDir())); err == nil {
		save.SetLocation(dir)
	}
	save.Resize(fyne.NewSize(820, 560))
	save.Show()
}

// Export writes the calendar of every reminder to path in one step (a
// reader never sees half of it; mode 0600: it names the accounts), the
// same file `unbindctl remind export-ics -o path` writes, and returns how
// many events it holds.
func (v *View) Export(path string) (int, error) {
	var buf bytes.Buffer
	n, err := v.shell.SaveICS(&buf)
	if err != nil {
		return 0, err
	}
	if err := atomicfile.WriteBytes(path, buf.Bytes()); err != nil {
		return 0, fmt.Errorf("export calendar: %w", err)
	}
	return n, nil
}

func (v *View) exportAndSay(path string) {
	n, err := v.Export(path)
	if err != nil {
		v.shell.ShowError(err)
		return
	}
	kit.ShowInfo(lang.L("Calendar saved"), lang.L("Saved to {{.Path}} (reminders: {{.N}}). Import the file into your calendar app; importing a newer export later updates the same events instead of adding them again.",
		map[string]any{"N": n, "Path": path}), v.shell.Window())
}
