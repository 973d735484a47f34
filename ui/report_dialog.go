package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/ui/kit"
)

// reportChoice is what the Export report dialog asks.
type reportChoice struct {
	Format   report.Format
	Lang     string
	Since    time.Time // zero: from the first event
	Unmasked bool
}

// exportReport builds the audit report (package accounts/report) and
// writes it to path atomically. It reads the store and catalog only; no
// keyring value can reach it.
func (u *UI) exportReport(path string, c reportChoice) error {
	opts := report.Options{
		Since: c.Since, Lang: c.Lang, Unmasked: c.Unmasked, Now: u.Now(),
		AppVersion:     u.app.Metadata().Version,
		BackupInterval: time.Duration(u.prefs.BackupDays) * 24 * time.Hour,
	}
	in, err := report.FromStore(u.ctx, u.d.Store, opts)
	if err != nil {
		return err
	}
	in.Platforms, in.Calendar = report.FromCatalog(u.d.Catalog), u.d.Calendar
	r, err := report.Build(u.ctx, in, opts)
	if err != nil {
		return err
	}
	return report.WriteFile(path, r, c.Format)
}

// onReport asks for format, period, language and masking, then where to
// save, writes the report in the background and offers to open it.
func (u *UI) onReport() {
	formats := []report.Format{report.HTML, report.PDF, report.CSV, report.JSON}
	format := widget.NewRadioGroup([]string{"HTML", "PDF", "CSV", "JSON"}, nil)
	format.Horizontal = true
	format.Required = true
	format.SetSelected("HTML")
	periods := []int{0, 30, 365}
	period := widget.NewSelect([]string{lang.L("Everything"), lang.L("The last 30 days"), lang.L("The last 12 months")}, nil)
	period.SetSelectedIndex(0)
	langs := []string{kit.LangZh, kit.LangEn}
	langSel := widget.NewSelect([]string{"中文", "English"}, nil)
	langSel.SetSelectedIndex(max(indexOf(langs, u.d.Lang), 0))
	unmasked := widget.NewCheck(lang.L("Show logins, phone numbers, e-mail addresses and my notes in full"), nil)
	warn := kit.Secondary(lang.L("By default they are partly hidden (138****5678), so the report can be shared. Passwords and other secrets are never included."))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Format"), format),
		widget.NewFormItem(lang.L("Period"), period),
		widget.NewFormItem(lang.L("Language"), langSel),
		widget.NewFormItem(lang.L("Privacy"), container.NewVBox(unmasked, warn)),
	}
	d := dialog.NewForm(lang.L("Export report"), lang.L("Save as…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		c := reportChoice{Format: formats[max(indexOf([]string{"HTML", "PDF", "CSV", "JSON"}, format.Selected), 0)],
			Lang: langs[max(langSel.SelectedIndex(), 0)], Unmasked: unmasked.Checked}
		if days := periods[max(period.SelectedIndex(), 0)]; days > 0 {
			c.Since = u.Now().AddDate(0, 0, -days)
		}
		u.saveReport(c)
	}, u.win)
	d.Resize(fyne.NewSize(560, 0))
	kit.Keyed(u.win, d, nil)
	d.Show()
}

func (u *UI) saveReport(c reportChoice) {
	ext := "." + string(c.Format)
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		if strings.EqualFold(filepath.Ext(path), ext) {
			u.runReport(path, c) // the file dialog asked before overwriting
			return
		}
		// Fyne created the file as named; the report goes beside it with
		// the extension, so remove the empty one and ask before replacing.
		os.Remove(path)
		path += ext
		if _, err := os.Lstat(path); err == nil {
			kit.ShowConfirm(lang.L("Replace the file?"), lang.L("{{.Name}} exists. Replace it with the new report?", map[string]string{"Name": filepath.Base(path)}),
				func(ok bool) {
					if ok {
						u.runReport(path, c)
					}
				}, u.win)
			return
		}
		u.runReport(path, c)
	}, u.win)
	save.SetFileName("unbind-report-" + u.Now().Format("2006-01-02") + ext)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(kit.HomeDir())); err == nil {
		save.SetLocation(dir)
	}
	save.Resize(fyne.NewSize(820, 560))
	save.Show()
}

// runReport writes the report off the UI goroutine (a PDF of thousands of
// accounts takes seconds) behind a progress dialog.
func (u *UI) runReport(path string, c reportChoice) {
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.L("Writing the report…"), bar, u.win)
	wait.Show()
	var err error
	u.background(func() { err = u.exportReport(path, c) }, func() {
		wait.Hide()
		if err != nil {
			u.showError(err)
			return
		}
		open := func(ok bool) {
			if ok {
				if link, err := url.Parse(storage.NewFileURI(path).String()); err == nil {
					u.showError(u.app.OpenURL(link))
				}
			}
		}
		msg := widget.NewLabel(fmt.Sprint(lang.L("The report was saved to"), " ", path))
		msg.Wrapping = fyne.TextWrapBreak
		done := dialog.NewCustomConfirm(lang.L("Report saved"), lang.L("Open"), lang.L("Close"),
			kit.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, msg), open, u.win)
		done.Resize(fyne.NewSize(520, 0))
		done.Show()
	})
}
