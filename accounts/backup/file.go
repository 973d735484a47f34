package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts/atomicfile"
	"github.com/unbindapp/unbind/accounts/store"
)

// MaxBytes bounds the backup files Read accepts: a generous
// multiple of a 10,000-account inventory with its whole history.
const MaxBytes = 256 << 20

// Sentinel errors of the backup-file reader, for errors.Is.
var (
	// ErrNotBackup: the file is not an Unbind inventory backup at all.
	ErrNotBackup = errors.New("not an Unbind inventory backup")
	// ErrVersion: a backup written by a newer Unbind.
	ErrVersion = errors.New("backup from a newer Unbind")
	// ErrInvalid: the backup is damaged or holds invalid data.
	ErrInvalid = errors.New("damaged backup")
	// ErrTooLarge: the file is over MaxBytes.
	ErrTooLarge = errors.New("backup too large")
)

// Error is what Read returns for a bad file: the line it
// applies to (0 when none does) and what is wrong, as one line.
type Error struct {
	Line int
	Msg  string
	Kind error // one of the sentinel errors above
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("backup file: line %d: %s", e.Line, e.Msg)
	}
	return "backup file: " + e.Msg
}

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Kind }

func backupErr(kind error, line int, format string, args ...any) *Error {
	msg := strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(fmt.Sprintf(format, args...))
	return &Error{Line: line, Msg: msg, Kind: kind}
}

// ReadFile reads and checks a plain backup at path; an encrypted one
// is ErrEncrypted (use ReadFileWith).
func ReadFile(path string) (store.Inventory, error) { return ReadFileWith(path, "") }

// ReadFileWith reads and checks the backup at path (opened
// read-only), decrypting it with passphrase when it is encrypted.
func ReadFileWith(path, passphrase string) (store.Inventory, error) {
	f, err := os.Open(path)
	if err != nil {
		return store.Inventory{}, fmt.Errorf("backup file: open %s: %w", path, withoutPath(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return store.Inventory{}, backupErr(ErrNotBackup, 0, "%s is a folder, not a backup file", path)
		}
		if info.Mode().IsRegular() && info.Size() > MaxBytes {
			return store.Inventory{}, tooLarge()
		}
	}
	return ReadWith(f, passphrase)
}

func tooLarge() error {
	return backupErr(ErrTooLarge, 0, "the file is larger than %s, far more than any Unbind backup; check that you chose the right file", fmt.Sprintf("%d MiB", MaxBytes>>20))
}

// Read reads an inventory backup (the JSON of store.Inventory, schema
// store.InventorySchema) and checks it completely before anything is
// restored: the schema, strict JSON with no unknown fields and nothing
// after it, and every account, track, event, reminder and phone check.
// Every error is a *Error of one line naming the line where it
// applies, when one does.
func Read(r io.Reader) (store.Inventory, error) { return ReadWith(r, "") }

// ReadWith is Read for a backup that may be encrypted.
func ReadWith(r io.Reader, passphrase string) (store.Inventory, error) {
	var inv store.Inventory
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return inv, fmt.Errorf("backup file: read: %w", err)
	}
	if len(data) > MaxBytes {
		return inv, tooLarge()
	}
	if IsEncrypted(data) {
		if data, err = decryptBackup(data, passphrase); err != nil {
			return inv, err
		}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(data)) == 0 {
		return inv, backupErr(ErrNotBackup, 0, "the file is empty")
	}
	if err := checkSchema(data); err != nil {
		return inv, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&inv); err != nil {
		return store.Inventory{}, jsonError(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return store.Inventory{}, backupErr(ErrInvalid, lineAt(string(data), int(dec.InputOffset())),
			"unexpected data after the end of the backup")
	}
	if inv.Schema != store.InventorySchema { // "schema" given twice
		return store.Inventory{}, backupErr(ErrInvalid, 0, "the schema is given twice, differently")
	}
	if err := validateInventory(&inv, time.Now()); err != nil {
		return store.Inventory{}, err
	}
	return inv, nil
}

// checkSchema tells a backup from other JSON (a password export, say) and
// from a backup of a newer Unbind before the strict decode complains about
// fields. It reads the top-level keys up to "schema" (the first key in
// every backup Unbind writes); broken JSON before it is not a backup.
func checkSchema(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	notJSON := func(err error) error {
		line := lineAt(string(data), int(dec.InputOffset()))
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line = lineAt(string(data), int(syn.Offset))
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("the file ends too early")
		}
		return backupErr(ErrNotBackup, line, "not valid JSON (%v); choose a file made by Backup in Unbind", err)
	}
	tok, err := dec.Token()
	if err != nil {
		return notJSON(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return backupErr(ErrNotBackup, 0, "not an Unbind inventory backup (the file is JSON but not an object with a \"schema\")")
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return notJSON(err)
		}
		if key != "schema" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return notJSON(err)
			}
			continue
		}
		var schema string
		if err := dec.Decode(&schema); err != nil {
			return backupErr(ErrNotBackup, lineAt(string(data), int(dec.InputOffset())), "not an Unbind inventory backup (\"schema\" is not text)")
		}
		const prefix = "unbind.inventory/"
		switch {
		case schema == store.InventorySchema:
			return nil
		case strings.HasPrefix(schema, prefix):
			return backupErr(ErrVersion, 0, "made by a newer Unbind (schema %q, this version reads %q); install the newer Unbind to restore it",
				clip(schema), store.InventorySchema)
		}
		return backupErr(ErrNotBackup, 0, "not an Unbind inventory backup (schema %q)", clip(schema))
	}
	return backupErr(ErrNotBackup, 0, "not an Unbind inventory backup (no \"schema\" field); choose a file made by Backup in Unbind")
}

// jsonError turns a decoding error into a Error with its line.
func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return backupErr(ErrInvalid, lineAt(string(data), int(syn.Offset)), "broken JSON: %v", syn)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the backup"
		}
		return backupErr(ErrInvalid, lineAt(string(data), int(typ.Offset)), "%s should be %s, not %s", field, typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return backupErr(ErrInvalid, lineAt(string(data), len(data)), "the file ends in the middle of the backup (cut short?)")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return backupErr(ErrInvalid, lineAt(string(data), int(dec.InputOffset())), "%s", clip(msg))
}

// clip keeps quoted input short in messages.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// WriteFile writes inv to path as indented JSON, atomically: into a
// temporary file (mode 0600) in the same folder, synced to disk, then
// renamed over path, so a crash leaves either the old file or the whole
// new one, never half of one. With overwrite false an existing path is
// refused.
func WriteFile(path string, inv store.Inventory, overwrite bool) error {
	return WriteFileWith(path, inv, overwrite, "")
}

// WriteFileWith is WriteFile that encrypts with passphrase
// (age, scrypt) unless it is empty; an encrypted backup can travel, since
// the plain one holds every phone number and login.
func WriteFileWith(path string, inv store.Inventory, overwrite bool, passphrase string) error {
	if inv.Schema != store.InventorySchema {
		return fmt.Errorf("backup: write %s: schema %q is not %q", path, inv.Schema, store.InventorySchema)
	}
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return fmt.Errorf("backup: %s is a folder; give a file name such as unbind-backup.json", path)
		}
		if !overwrite {
			return fmt.Errorf("backup: %s already exists; choose another name or overwrite it", path)
		}
	}
	data, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		return fmt.Errorf("backup: encode: %w", err)
	}
	data = append(data, '\n')
	if passphrase != "" {
		if data, err = encryptBackup(data, passphrase); err != nil {
			return err
		}
	}
	if err := atomicfile.WriteBytes(path, data); err != nil {
		return fmt.Errorf("backup: write %s: %w", path, err)
	}
	return nil
}
