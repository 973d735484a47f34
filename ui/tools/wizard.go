package tools

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/importer"
	"github.com/unbindapp/unbind/ui/kit"
)

// ImportWizard imports a password-manager or browser export in four steps:
// choose the file, see the detected format (and change it), pick the
// accounts in a preview, import, read the summary. Nothing is written
// before the Import button; the import is one transaction.
type ImportWizard struct {
	t    Deps
	win  fyne.Window
	done func()
	dlg  dialog.Dialog
	jobs toolJobs
	body *fyne.Container

	// Step 1: the file.
	path    *kit.Entry
	browse  *widget.Button
	next    *widget.Button
	readMsg *toolMessage

	// Step 2: the preview (import_preview.go).
	preview *importPreview

	// Step 3: the summary.
	summary    *toolMessage
	pwMsg      *toolMessage
	finish     *widget.Button
	backToPick *widget.Button
	result     *importer.ApplyResult
	imported   bool
}

// ShowImportWizard opens the import wizard over win. done is called after
// an import that wrote something (the GUI reloads its list then).
func ShowImportWizard(win fyne.Window, t Deps, done func()) *ImportWizard {
	w := &ImportWizard{t: t, win: win, done: done}
	w.build()
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("Import accounts"), w.body, win)
	w.dlg.SetOnClosed(w.onClosed)
	w.dlg.Resize(fyne.NewSize(1040, 620))
	kit.Keyed(win, w.dlg, nil)
	w.dlg.Show()
	return w
}

func (w *ImportWizard) build() {
	w.path = kit.NewEntry()
	w.path.SetPlaceHolder(lang.L("Path of the export file (.csv or .json)"))
	w.path.OnSubmitted = func(string) { w.onNext() }
	w.browse = widget.NewButtonWithIcon(lang.L("Choose…"), theme.FolderOpenIcon(), w.onBrowse)
	w.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), w.onNext)
	w.next.Importance = widget.HighImportance
	w.readMsg = newToolMessage()
	w.preview = newImportPreview(w)
	w.summary = newToolMessage()
	w.pwMsg = newToolMessage()
	w.finish = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), func() { w.dlg.Hide() })
	w.finish.Importance = widget.HighImportance
	w.backToPick = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { w.show(w.preview.content) })
	w.body = container.NewStack(w.pickStep())
}

func (w *ImportWizard) pickStep() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("Export your logins from Bitwarden, KeePassXC, Chrome or Edge, Firefox, 1Password or Apple Passwords as CSV (or Bitwarden as unencrypted JSON), then choose the file. It is only read, never changed, and nothing is imported before you confirm the preview."))
	intro.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("Delete the export file when you are done: it holds your passwords in plain text."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.WarningImportance
	row := kit.NewBorder(nil, nil, nil, w.browse, w.path)
	cancel := widget.NewButton(lang.L("Cancel"), func() { w.dlg.Hide() })
	buttons := container.NewHBox(layoutSpacerTool(), cancel, w.next)
	return kit.NewBorder(container.NewVBox(intro, row, w.readMsg.box, hint), buttons, nil, nil)
}

// onPreview reports whether the preview step is showing.
func (w *ImportWizard) onPreview() bool {
	return len(w.body.Objects) == 1 && w.body.Objects[0] == w.preview.content
}

func (w *ImportWizard) show(step fyne.CanvasObject) {
	w.body.Objects = []fyne.CanvasObject{step}
	w.body.Refresh()
}

func (w *ImportWizard) onBrowse() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.path.SetText(path)
		w.onNext()
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".json", ".txt", ".CSV", ".JSON"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// onNext reads the chosen file (in the background: a big export takes a
// moment) and shows the preview, or says on this step what is wrong.
func (w *ImportWizard) onNext() {
	path := w.path.Text
	if path == "" {
		w.readMsg.set(lang.L("Choose the export file first."), widget.DangerImportance)
		return
	}
	w.read(path, importer.FormatAuto)
}

// read reads path in format and shows the preview on success.
func (w *ImportWizard) read(path string, f importer.Format) {
	w.next.Disable()
	w.readMsg.set(lang.L("Reading the export…"), widget.MediumImportance)
	var (
		res   importer.Result
		props []importer.Proposal
		index *importer.Index
		err   error
	)
	w.jobs.run(func() {
		res, err = importer.ReadFile(path, importer.Options{Format: f})
		if err != nil {
			return
		}
		props = importer.Propose(res.Entries, w.matcher())
		existing, lerr := w.t.Store.Accounts(ctxBackground())
		if lerr != nil {
			err = lerr
			return
		}
		tracks, lerr := w.t.Store.AllTracks(ctxBackground())
		if lerr != nil {
			err = lerr
			return
		}
		index = importer.NewIndexWith(existing, tracks)
	}, func() {
		w.next.Enable()
		if err != nil {
			if w.onPreview() {
				w.readMsg.set("", 0)
				w.preview.failed(err)
			} else {
				w.readMsg.setError(oneLineError(err), err)
			}
			return
		}
		w.readMsg.set("", 0)
		w.preview.load(path, res, props, index)
		w.show(w.preview.content)
	})
}

func (w *ImportWizard) matcher() importer.Matcher {
	if w.t.Catalog == nil {
		return nil
	}
	cat := w.t.Catalog
	return importer.MatchFunc(func(h string) (string, bool) {
		p, ok := cat.MatchHost(h)
		return p.ID, ok
	})
}

// runImport writes the chosen proposals, then shows the summary.
func (w *ImportWizard) runImport(chosen []importer.Proposal, f importer.Format, path string, withPasswords bool) {
	opts := importer.ApplyOptions{Source: importer.SourceName(f, path), Now: w.t.now()}
	if withPasswords && w.t.Secrets != nil {
		opts.Keyring = w.t.service()
	}
	var (
		res importer.ApplyResult
		err error
	)
	w.preview.importBtn.Disable()
	w.jobs.run(func() {
		res, err = importer.Apply(ctxBackground(), w.t.Store, chosen, opts)
	}, func() {
		w.preview.importBtn.Enable()
		w.showSummary(res, err, withPasswords, chosen)
	})
}

func (w *ImportWizard) showSummary(res importer.ApplyResult, err error, withPasswords bool, chosen []importer.Proposal) {
	buttons := container.NewHBox(layoutSpacerTool(), w.finish)
	if err != nil {
		w.summary.setError(lang.L("Nothing was imported: {{.Err}}", map[string]any{"Err": oneLineError(err)}), err)
		w.pwMsg.set("", 0)
		buttons = container.NewHBox(layoutSpacerTool(), w.backToPick, w.finish)
	} else {
		w.result, w.imported = &res, res.Added+res.Merged > 0 || res.Passwords.Stored > 0
		w.summary.set(lang.L("Imported: {{.Added}} added, {{.Merged}} merged into accounts already here, {{.Unchanged}} already up to date.",
			map[string]any{"Added": res.Added, "Merged": res.Merged, "Unchanged": res.Unchanged + res.AlreadyThere}), widget.SuccessImportance)
		w.pwMsg.set(passwordSummary(res.Passwords, withPasswords, chosen))
	}
	title := widget.NewLabel(lang.L("Summary"))
	title.TextStyle.Bold = true
	w.show(kit.NewBorder(container.NewVBox(title, w.summary.box, w.pwMsg.box), buttons, nil, nil))
}

// passwordSummary says what happened to the passwords, and what to do
// after a keyring failure.
func passwordSummary(pw importer.PasswordResult, wanted bool, chosen []importer.Proposal) (string, widget.Importance) {
	if !wanted {
		n := 0
		for _, p := range chosen {
			if p.HasPassword {
				n++
			}
		}
		if n == 0 {
			return "", 0
		}
		return lang.L("{{.N}} passwords were not stored (the keyring option was off).", map[string]any{"N": n}), widget.MediumImportance
	}
	if pw.Err() != nil {
		return lang.L("The accounts are imported, but the system keyring failed: {{.Stored}} passwords stored, {{.NotStored}} not stored ({{.Err}}). Fix the keyring, then import the same file again with the option ticked: only the missing passwords are added.",
			map[string]any{"Stored": pw.Stored, "NotStored": pw.NotStored, "Err": oneLineError(pw.Err())}), widget.WarningImportance
	}
	return lang.L("{{.Stored}} passwords stored in the system keyring; {{.Kept}} accounts already had one, which was kept.",
		map[string]any{"Stored": pw.Stored, "Kept": pw.Kept}), widget.SuccessImportance
}

func (w *ImportWizard) onClosed() {
	if w.imported && w.done != nil {
		w.done()
	}
}
