package tools

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/backup"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/kit"
)

// ShowBackup asks for a passphrase (or, on purpose, a readable backup),
// then where to save the inventory backup (accounts, tracks, history,
// reminders, phone checks, settings — never secrets), and writes it there
// atomically. A backup is meant to travel, and the plain one holds every
// phone number and login: encrypted is the default.
func ShowBackup(win fyne.Window, t Deps) {
	f := newBackupForm()
	d := dialog.NewCustomWithoutButtons(lang.L("Back up the inventory"), f.box, win)
	f.cancel.OnTapped = d.Hide
	f.next.OnTapped = func() {
		pass, ok := f.passphrase()
		if !ok {
			return
		}
		d.Hide()
		askBackupFile(win, t, pass, f.evidence.Checked)
	}
	d.Resize(fyne.NewSize(560, 0))
	kit.Keyed(win, d, nil)
	d.Show()
}

// backupForm asks for the passphrase twice; a person who wants readable
// JSON ticks the box, and the passphrase fields then step aside.
type backupForm struct {
	pass, again  *kit.Entry
	plain        *widget.Check
	evidence     *widget.Check
	msg          *toolMessage
	next, cancel *widget.Button
	box          fyne.CanvasObject
}

func newBackupForm() *backupForm {
	f := &backupForm{pass: kit.NewPasswordEntry(), again: kit.NewPasswordEntry(), msg: newToolMessage()}
	f.pass.SetPlaceHolder(lang.L("Passphrase (at least 10 characters)"))
	f.again.SetPlaceHolder(lang.L("The same passphrase again"))
	f.plain = widget.NewCheck(lang.L("Readable JSON, not encrypted (it shows every phone number and login: keep it on this computer)"), func(on bool) {
		if on {
			f.pass.Disable()
			f.again.Disable()
		} else {
			f.pass.Enable()
			f.again.Enable()
		}
	})
	f.msg.set(lang.L("The backup is encrypted with this passphrase. Without it nobody can read the backup, and neither can you: write it down somewhere safe."), widget.MediumImportance)
	f.evidence = widget.NewCheck(lang.L("Include the evidence files (screenshots, PDFs and chats attached to tracks)"), nil)
	f.evidence.SetChecked(true)
	f.next = widget.NewButtonWithIcon(lang.L("Choose file…"), theme.DocumentSaveIcon(), nil)
	f.next.Importance = widget.HighImportance
	f.cancel = widget.NewButton(lang.L("Cancel"), nil)
	f.again.OnSubmitted = func(string) { f.next.OnTapped() }
	f.box = kit.NewBorder(nil, container.NewHBox(layoutSpacerTool(), f.cancel, f.next), nil, nil,
		container.NewVBox(f.msg.box, f.pass, f.again, f.plain, f.evidence))
	return f
}

// passphrase returns the chosen passphrase ("" for a plain backup), or
// false with the reason shown in the form.
func (f *backupForm) passphrase() (string, bool) {
	if f.plain.Checked {
		return "", true
	}
	if err := backup.CheckPassphrase(f.pass.Text); err != nil {
		f.msg.set(lang.L("Use a passphrase of at least 10 characters; a few words are easier to remember."), widget.DangerImportance)
		return "", false
	}
	if f.pass.Text != f.again.Text {
		f.msg.set(lang.L("The two passphrases differ; type them again."), widget.DangerImportance)
		return "", false
	}
	return f.pass.Text, true
}

// askBackupFile asks where to save, naming the file by what it holds.
func askBackupFile(win fyne.Window, t Deps, pass string, withEvidence bool) {
	ext := ".age"
	if pass == "" {
		ext = ".json"
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the file is replaced atomically by BackupTo
		showBackupResultWith(win, t, path, pass, withEvidence)
	}, win)
	d.SetFileName("unbind-backup-" + t.now().Local().Format("2006-01-02") + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// BackupTo writes the whole inventory with its evidence files to path
// (replacing it), encrypted with pass unless it is empty, and says what
// the backup holds.
func BackupTo(t Deps, path, pass string) (backup.Summary, error) {
	return BackupWith(t, path, pass, true)
}

// BackupWith is BackupTo that leaves the evidence files out unless
// withEvidence.
func BackupWith(t Deps, path, pass string, withEvidence bool) (backup.Summary, error) {
	inv, err := t.Store.ExportInventoryWith(ctxBackground(), t.now(), withEvidence)
	if err != nil {
		return backup.Summary{}, err
	}
	if err := backup.WriteFileWith(path, inv, true, pass); err != nil {
		return backup.Summary{}, err
	}
	return backup.Summarise(inv), nil
}

// showBackupResult backs up to path and tells how it went.
func showBackupResult(win fyne.Window, t Deps, path, pass string) dialog.Dialog {
	return showBackupResultWith(win, t, path, pass, true)
}

func showBackupResultWith(win fyne.Window, t Deps, path, pass string, withEvidence bool) dialog.Dialog {
	s, err := BackupWith(t, path, pass, withEvidence)
	if err != nil {
		// Worded for the person, with the technical text behind Details.
		d := kit.ProblemDialog(kit.Explain(err), win)
		d.Show()
		return d
	}
	d := dialog.NewInformation(lang.L("Backup saved"),
		lang.L("Saved {{.Accounts}} accounts, {{.Events}} history entries, {{.Reminders}} reminders, {{.Checks}} phone checks and {{.Files}} evidence files to {{.Path}}. Passwords and other secrets are not in the backup: they stay in this computer's keyring.",
			map[string]any{"Accounts": s.Accounts, "Events": s.Events, "Reminders": s.Reminders, "Checks": s.PhoneChecks, "Files": s.EvidenceFiles, "Path": path}), win)
	kit.Keyed(win, d, d.Hide)
	d.Show()
	return d
}

// RestoreDialog shows what a backup holds and restores it on request.
type RestoreDialog struct {
	t       Deps
	win     fyne.Window
	done    func()
	dlg     dialog.Dialog
	path    string
	inv     store.Inventory
	msg     *toolMessage
	restore *widget.Button
	cancel  *widget.Button
	result  *store.RestoreResult
	// pass and unlock ask for the passphrase of an encrypted backup.
	pass   *kit.Entry
	unlock *widget.Button
	ask    *fyne.Container
}

// ShowRestore asks for a backup file, checks it completely, shows what it
// holds and merges it into this inventory when the person confirms (the
// merge rules of an import: nothing is duplicated or overwritten). done
// is called after a restore.
func ShowRestore(win fyne.Window, t Deps, done func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		OpenRestore(win, t, path, done)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".age", ".json"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// OpenRestore checks the backup at path and opens the restore dialog.
func OpenRestore(win fyne.Window, t Deps, path string, done func()) *RestoreDialog {
	r := &RestoreDialog{t: t, win: win, done: done, path: path, msg: newToolMessage()}
	r.restore = widget.NewButtonWithIcon(lang.L("Restore"), theme.UploadIcon(), r.onRestore)
	r.restore.Importance = widget.HighImportance
	r.cancel = widget.NewButton(lang.L("Cancel"), func() { r.dlg.Hide() })
	r.pass = kit.NewPasswordEntry()
	r.pass.SetPlaceHolder(lang.L("The backup's passphrase"))
	r.unlock = widget.NewButtonWithIcon(lang.L("Open"), theme.VisibilityIcon(), func() { r.read(r.pass.Text) })
	r.pass.OnSubmitted = func(string) { r.read(r.pass.Text) }
	r.ask = kit.NewBorder(nil, nil, nil, r.unlock, r.pass)
	r.ask.Hide()
	r.read("")
	body := kit.NewBorder(nil, container.NewHBox(layoutSpacerTool(), r.cancel, r.restore), nil, nil,
		container.NewVBox(r.msg.box, r.ask))
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("Restore from a backup"), body, win)
	r.dlg.Resize(fyne.NewSize(620, 300))
	kit.Keyed(win, r.dlg, nil)
	r.dlg.Show()
	return r
}

// read checks the backup, opening it with pass when it is encrypted, and
// shows what it holds, or why it cannot be restored. A wrong passphrase
// keeps the field for another try.
func (r *RestoreDialog) read(pass string) {
	inv, err := backup.ReadFileWith(r.path, pass)
	switch {
	case errors.Is(err, backup.ErrEncrypted):
		r.msg.set(lang.L("This backup is encrypted. Type its passphrase to see what it holds."), widget.MediumImportance)
		r.ask.Show()
		r.restore.Disable()
		return
	case errors.Is(err, backup.ErrPassphrase):
		r.msg.set(lang.L("That passphrase does not open this backup. Nothing was restored; try again."), widget.DangerImportance)
		r.pass.SetText("")
		r.restore.Disable()
		return
	case err != nil:
		r.msg.setError(lang.L("This file cannot be restored: {{.Err}}", map[string]any{"Err": oneLineError(err)}), err)
		r.ask.Hide()
		r.restore.Disable()
		return
	}
	r.ask.Hide()
	r.restore.Enable()
	r.inv = inv
	s := backup.Summarise(inv)
	text := lang.L("The backup of {{.Date}} holds {{.Accounts}} accounts, {{.Events}} history entries, {{.Reminders}} reminders, {{.Checks}} phone checks and {{.Files}} evidence files. Restoring merges it into this inventory: accounts already here (same platform and login) are completed, never duplicated or overwritten.",
		map[string]any{"Date": kit.FormatDateTime(inv.ExportedAt), "Accounts": s.Accounts, "Events": s.Events, "Reminders": s.Reminders, "Checks": s.PhoneChecks, "Files": s.EvidenceFiles})
	if s.WithSecrets > 0 {
		text += " " + lang.L("{{.N}} accounts had passwords or other secrets on the old computer; they are not in the backup — enter them again.",
			map[string]any{"N": s.WithSecrets})
	}
	r.msg.set(text, widget.MediumImportance)
}

func (r *RestoreDialog) onRestore() {
	res, err := r.t.Store.RestoreInventory(ctxBackground(), r.inv, "restore: "+baseName(r.path), r.t.now())
	if err != nil {
		r.msg.setError(lang.L("Nothing was restored: {{.Err}}", map[string]any{"Err": oneLineError(err)}), err)
		return
	}
	r.result = &res
	r.msg.set(lang.L("Restored: {{.Added}} accounts added, {{.Merged}} completed, {{.Unchanged}} already up to date; {{.Events}} history entries, {{.Reminders}} reminders and {{.Files}} evidence files added.",
		map[string]any{"Added": res.Added, "Merged": res.Merged, "Unchanged": res.Unchanged, "Events": res.EventsAdded, "Reminders": res.RemindersAdded, "Files": res.EvidenceAdded}),
		widget.SuccessImportance)
	r.restore.Hide()
	r.cancel.SetText(lang.L("Close"))
	if r.done != nil {
		r.done()
	}
}
