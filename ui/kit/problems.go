package kit

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/backup"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/evidence"
	"github.com/unbindapp/unbind/accounts/importer"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// Problem is an error as a person reads it: what happened and what to do,
// in the UI's language, and the technical text behind "Details" (empty
// when the message says it all).
type Problem struct {
	Message string
	Detail  string
}

// Explain is the one place that turns an error from the domain into a
// Problem. Every error a person can see goes through it (ShowError, the
// tools' notices); the English error chain only ever shows as Detail.
func Explain(err error) Problem {
	if err == nil {
		return Problem{}
	}
	if file := catalogFile(err); file != "" {
		return Problem{Message: lang.L("The catalog file {{.File}} has a problem; the entry concerned was left out. Fix or remove the file.",
			map[string]string{"File": file}), Detail: err.Error()}
	}
	if msg := friendly(err); msg != "" {
		return Problem{Message: msg}
	}
	if msg := explainKnown(err); msg != "" {
		return Problem{Message: msg, Detail: err.Error()}
	}
	return Problem{Message: lang.L("Something went wrong. Try again; if it keeps happening, copy the details and send them to whoever helps you with Unbind."),
		Detail: err.Error()}
}

// explainKnown maps the sentinels of the lower layers, most specific
// first; "" when none matches.
func explainKnown(err error) string {
	for _, m := range problemTable {
		if m.match(err) {
			return m.text(err)
		}
	}
	return ""
}

type problemRule struct {
	match func(error) bool
	text  func(error) string
}

// is matches a sentinel; say is a fixed message, translated when shown
// (the translation test finds the texts of say and atLine as it finds
// those of lang.L).
func is(target error) func(error) bool  { return func(err error) bool { return errors.Is(err, target) } }
func say(msg string) func(error) string { return func(error) string { return lang.L(msg) } }

// lineOf is the line an import or backup error names, 0 for none.
func lineOf(err error) int {
	var ie *importer.Error
	if errors.As(err, &ie) {
		return ie.Line
	}
	var be *backup.Error
	if errors.As(err, &be) {
		return be.Line
	}
	return 0
}

// atLine is say, prefixed with "Line N: " when the error names a line.
func atLine(msg string) func(error) string {
	return func(err error) string {
		msg := lang.L(msg)
		if n := lineOf(err); n > 0 {
			return lang.L("Line {{.N}}: {{.Msg}}", map[string]string{"N": strconv.Itoa(n), "Msg": msg})
		}
		return msg
	}
}

func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "database or disk is full")
}

func isPermission(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

func catalogFile(err error) string {
	var le *catalog.LoadError
	if errors.As(err, &le) && le.File != "" {
		return filepath.Base(le.File)
	}
	return ""
}

var problemTable = []problemRule{
	// The keyring.
	{is(vault.ErrTimeout), say("The system keyring did not answer in time; it may be waiting for its password. Unlock it (gnome-keyring or KeePassXC), then try again.")},
	{func(err error) bool {
		return errors.Is(err, vault.ErrUnavailable) || errors.Is(err, accounts.ErrNoKeyring)
	},
		say("The system keyring is not available, so passwords cannot be shown or saved right now. Start and unlock gnome-keyring, or turn on KeePassXC's Secret Service, then use Settings → Check keyring. Your accounts, steps and reminders keep working.")},
	{is(vault.ErrTooLong), say("This value is too long for the system keyring. Shorten it and save it again.")},
	{is(vault.ErrDamaged), say("This keyring entry is damaged. Save the value again to replace it.")},
	{is(vault.ErrNotFound), say("The keyring holds no value for this field; it may have been removed outside Unbind. Add it again if you need it.")},
	// The data folder.
	{isDiskFull, say("The disk is full. Free some space, then try again; nothing was half saved.")},
	{is(store.ErrNewerSchema), say("This data folder was written by a newer version of Unbind. Install that version or a newer one to open it; nothing was changed.")},
	{is(store.ErrForeign), say("This file is not an Unbind database. Choose the folder Unbind made, or start with an empty folder.")},
	{is(store.ErrCorrupt), say("The database file is damaged. Restore your latest backup into a new data folder (File → Restore); the damaged file was left as it is.")},
	{func(err error) bool { return errors.Is(err, store.ErrReadOnly) || isPermission(err) },
		say("Unbind cannot write to this folder (it is read-only, or you lack permission). Check the folder's permissions, then try again.")},
	// Backups.
	{is(backup.ErrPassphrase), say("That passphrase does not open this backup. Nothing was restored; type it again.")},
	{is(backup.ErrEncrypted), say("This backup is encrypted. Type its passphrase to open it.")},
	{is(backup.ErrWeakPassphrase), say("Use a passphrase of at least 10 characters; a few words are easier to remember.")},
	{is(backup.ErrVersion), say("This backup was made by a newer version of Unbind. Install that version to restore it; nothing was restored.")},
	{is(backup.ErrTooLarge), say("This file is far larger than any Unbind backup. Check that you chose the right file.")},
	{is(backup.ErrNotBackup), say("This file is not an Unbind backup. Choose the file that File → Back up saved.")},
	{is(backup.ErrInvalid), atLine("This backup is damaged, so nothing was restored. Use another copy of it.")},
	// Evidence files.
	{is(evidence.ErrTooLarge), func(error) string {
		return lang.L("This file is larger than {{.N}} MiB, the most Unbind keeps as evidence. Attach a smaller copy: a screenshot, or the page saved as PDF.",
			map[string]any{"N": evidence.MaxFileBytes >> 20})
	}},
	{is(evidence.ErrType), say("Unbind keeps PNG, JPEG, GIF and WebP pictures, PDFs and plain text as evidence, and this file is none of them. Save it as a screenshot or PDF, then attach that.")},
	{is(evidence.ErrNotRegular), say("Only a plain file can be attached, not a folder, link or device. Choose the file itself.")},
	{is(evidence.ErrEmpty), say("This file is empty, so it proves nothing. Choose the file with the screenshot, PDF or chat.")},
	{is(evidence.ErrBadHash), say("This evidence file was changed or damaged after it was attached, so it no longer matches its SHA-256. Attach the original again; the history keeps the first hash.")},
	{is(evidence.ErrMissing), say("This evidence file is missing from the data folder (evidence/). Attach it again, or restore a backup that includes evidence files.")},
	{is(accounts.ErrTooManyFiles), func(error) string {
		return lang.L("This account already has {{.N}} evidence files, the most Unbind keeps for one account. Remove some you no longer need first.",
			map[string]any{"N": accounts.MaxEvidencePerAccount})
	}},
	{is(accounts.ErrNoEvidenceFolder), say("Evidence files cannot be kept: no data folder is open. Open your data folder, then attach the file again.")},
	{is(store.ErrEvidenceTooLarge), say("The evidence files are too large for one backup. Back up without them (untick the box) and copy the evidence folder in the data folder separately.")},
	// Imports.
	{is(importer.ErrEncrypted), say("This export is encrypted. Export the passwords again without encryption, and delete that file after the import.")},
	{is(importer.ErrEncoding), say("This file's text encoding cannot be read. Save it as UTF-8 (or export it again) and try once more.")},
	{is(importer.ErrTooLarge), say("This file is far larger than any password export. Check that you chose the export file.")},
	{is(importer.ErrUnknownFormat), say("Unbind cannot read this file. Export the passwords as CSV (or Bitwarden JSON) from your password manager or browser, then choose that file.")},
	{is(importer.ErrMissingColumn), atLine("A column Unbind needs is missing. Export the passwords again with the standard columns, or choose the format by hand.")},
	{is(importer.ErrSyntax), atLine("The file is broken here (quotes or the number of fields). Export it again rather than editing it.")},
	{is(importer.ErrNothingChosen), say("Choose at least one account to import.")},
	// Catalog and holiday files.
	{is(workdays.ErrInvalidHolidayFile), say("A holiday file in the data folder is not valid, so deadlines are counted with the built-in years. Fix or remove the file.")},
	{is(fs.ErrNotExist), say("The file or folder was not found; it may have been moved or deleted. Choose it again.")},
	{func(err error) bool { var ve *accounts.ValidationError; return errors.As(err, &ve) }, func(err error) string {
		var ve *accounts.ValidationError
		errors.As(err, &ve)
		return FieldLabel(ve.Field) + lang.L(": ") + lang.L("is not valid")
	}},
	{is(accounts.ErrNotFound), say("This account no longer exists; perhaps it was deleted elsewhere. The list has been reloaded.")},
}
