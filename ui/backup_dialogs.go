package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/importer"
	"github.com/unbindapp/unbind/accounts/store"
)

// ShowBackup asks where to save the inventory backup (accounts, tracks,
// history, reminders, phone checks, settings — never secrets) and writes
// it there atomically.
func ShowBackup(win fyne.Window, t Tools) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the file is replaced atomically by BackupTo
		showBackupResult(win, t, path)
	}, win)
	d.SetFileName("unbind-backup-" + t.now().Local().Format("2006-01-02") + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// BackupTo writes the whole inventory to path (replacing it) and says
// what the backup holds.
func BackupTo(t Tools, path string) (importer.BackupSummary, error) {
	inv, err := t.Store.ExportInventory(ctxBackground(), t.now())
	if err != nil {
		return importer.BackupSummary{}, err
	}
	if err := importer.WriteBackupFile(path, inv, true); err != nil {
		return importer.BackupSummary{}, err
	}
	return importer.Summarise(inv), nil
}

// showBackupResult backs up to path and tells how it went.
func showBackupResult(win fyne.Window, t Tools, path string) dialog.Dialog {
	s, err := BackupTo(t, path)
	var d dialog.Dialog
	if err != nil {
		d = dialog.NewInformation(tx("backup.failed.title", "Backup failed"), oneLineError(err), win)
	} else {
		d = dialog.NewInformation(tx("backup.done.title", "Backup saved"),
			tx("backup.done", "Saved {{.Accounts}} accounts, {{.Events}} history entries, {{.Reminders}} reminders and {{.Checks}} phone checks to {{.Path}}. "+
				"Passwords and other secrets are not in the backup: they stay in this computer's keyring.",
				map[string]any{"Accounts": s.Accounts, "Events": s.Events, "Reminders": s.Reminders, "Checks": s.PhoneChecks, "Path": path}), win)
	}
	d.Show()
	return d
}

// RestoreDialog shows what a backup holds and restores it on request.
type RestoreDialog struct {
	t       Tools
	win     fyne.Window
	done    func()
	dlg     dialog.Dialog
	path    string
	inv     store.Inventory
	msg     *toolMessage
	restore *widget.Button
	cancel  *widget.Button
	result  *store.RestoreResult
}

// ShowRestore asks for a backup file, checks it completely, shows what it
// holds and merges it into this inventory when the person confirms (the
// merge rules of an import: nothing is duplicated or overwritten). done
// is called after a restore.
func ShowRestore(win fyne.Window, t Tools, done func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		OpenRestore(win, t, path, done)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// OpenRestore checks the backup at path and opens the restore dialog.
func OpenRestore(win fyne.Window, t Tools, path string, done func()) *RestoreDialog {
	r := &RestoreDialog{t: t, win: win, done: done, path: path, msg: newToolMessage()}
	r.restore = widget.NewButtonWithIcon(tx("restore.do", "Restore"), theme.UploadIcon(), r.onRestore)
	r.restore.Importance = widget.HighImportance
	r.cancel = widget.NewButton(tx("restore.cancel", "Cancel"), func() { r.dlg.Hide() })
	inv, err := importer.ReadBackupFile(path)
	if err != nil {
		r.msg.set(tx("restore.bad", "This file cannot be restored: {{.Err}}", map[string]any{"Err": oneLineError(err)}), widget.DangerImportance)
		r.restore.Disable()
	} else {
		r.inv = inv
		s := importer.Summarise(inv)
		text := tx("restore.confirm", "The backup of {{.Date}} holds {{.Accounts}} accounts, {{.Events}} history entries, {{.Reminders}} reminders and {{.Checks}} phone checks. "+
			"Restoring merges it into this inventory: accounts already here (same platform and login) are completed, never duplicated or overwritten.",
			map[string]any{"Date": inv.ExportedAt.Local().Format("2006-01-02 15:04"), "Accounts": s.Accounts, "Events": s.Events, "Reminders": s.Reminders, "Checks": s.PhoneChecks})
		if s.WithSecrets > 0 {
			text += " " + tx("restore.secrets", "{{.N}} accounts had passwords or other secrets on the old computer; they are not in the backup — enter them again.",
				map[string]any{"N": s.WithSecrets})
		}
		r.msg.set(text, widget.MediumImportance)
	}
	body := container.NewBorder(nil, container.NewHBox(layoutSpacerTool(), r.cancel, r.restore), nil, nil, r.msg.box)
	r.dlg = dialog.NewCustomWithoutButtons(tx("restore.title", "Restore from a backup"), body, win)
	r.dlg.Resize(fyne.NewSize(620, 300))
	r.dlg.Show()
	return r
}

func (r *RestoreDialog) onRestore() {
	res, err := r.t.Store.RestoreInventory(ctxBackground(), r.inv, "restore: "+baseName(r.path), r.t.now())
	if err != nil {
		r.msg.set(tx("restore.failed", "Nothing was restored: {{.Err}}", map[string]any{"Err": oneLineError(err)}), widget.DangerImportance)
		return
	}
	r.result = &res
	r.msg.set(tx("restore.done", "Restored: {{.Added}} accounts added, {{.Merged}} completed, {{.Unchanged}} already up to date; {{.Events}} history entries and {{.Reminders}} reminders added.",
		map[string]any{"Added": res.Added, "Merged": res.Merged, "Unchanged": res.Unchanged, "Events": res.EventsAdded, "Reminders": res.RemindersAdded}),
		widget.SuccessImportance)
	r.restore.Hide()
	r.cancel.SetText(tx("restore.close", "Close"))
	if r.done != nil {
		r.done()
	}
}
