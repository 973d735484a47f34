package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts/backup"
	"github.com/unbindapp/unbind/accounts/store"
)

func init() {
	register(group{name: "backup", summary: "write the whole inventory (never secrets) to an encrypted file", run: runBackup})
	register(group{name: "restore", summary: "merge an inventory backup into this data folder", run: runRestore})
}

const backupUsage = `usage:
  unbindctl backup -o FILE [--passphrase-file P] [--plain] [--no-evidence] [--force] [--json]
Writes accounts, tracks, history, reminders, phone checks, settings and the
evidence files (each checked against its SHA-256; --no-evidence leaves them
out, the history still names their hashes) to FILE
(schema unbind.inventory/v1, mode 0600, written atomically), encrypted with a
passphrase of at least 10 characters (age, scrypt): the first line of P, or of
standard input (typed there, it shows). --plain writes readable JSON instead;
it holds every phone number and login, so keep it on this computer. Secrets are
never in a backup: they stay in this computer's keyring. --force overwrites FILE.`

const restoreUsage = `usage:
  unbindctl restore FILE [--passphrase-file P] [--dry-run] [--json]
An encrypted backup asks for its passphrase: the first line of P, or of
standard input. A wrong passphrase is one line, and nothing is written.
Checks the whole backup first, then merges it in one transaction: an account
already here (same ID, or same platform and login) is merged, never duplicated,
filling only empty fields; history, reminders and phone checks already here are
not added again, so restoring twice changes nothing. --dry-run only checks FILE.`

// backupOutput is the stable JSON of 'backup --json'.
type backupOutput struct {
	File       string    `json:"file"`
	ExportedAt time.Time `json:"exported_at"`
	backup.Summary
}

// restoreOutput is the stable JSON of 'restore --json'.
type restoreOutput struct {
	File   string               `json:"file"`
	DryRun bool                 `json:"dry_run"`
	Backup backupOutput         `json:"backup"`
	Result *store.RestoreResult `json:"result"`
}

func runBackup(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(e.stdout, backupUsage)
		return nil
	}
	fs := newFlags("backup")
	out := fs.String("o", "", "the backup file to write")
	force := fs.Bool("force", false, "overwrite FILE when it exists")
	asJSON := fs.Bool("json", false, "print JSON")
	plain := fs.Bool("plain", false, "write readable, unencrypted JSON")
	passFile := fs.String("passphrase-file", "", "read the passphrase from the first line of this file")
	noEvidence := fs.Bool("no-evidence", false, "leave the evidence files out")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("backup", pos, 0, "only -o FILE\n"+backupUsage); err != nil {
		return err
	}
	if *out == "" {
		return usagef("backup needs -o FILE\n%s", backupUsage)
	}
	pass := ""
	if !*plain {
		if pass, err = readPassphrase(e, *passFile); err != nil {
			return err
		}
		if err := backup.CheckPassphrase(pass); err != nil {
			return usagef("%v", err)
		}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	inv, err := st.ExportInventoryWith(e.ctx, time.Now(), !*noEvidence)
	if err != nil {
		return err
	}
	if err := backup.WriteFileWith(*out, inv, *force, pass); err != nil {
		return err
	}
	o := backupOutput{File: *out, ExportedAt: inv.ExportedAt, Summary: backup.Summarise(inv)}
	if *asJSON {
		return writeJSON(e.raw, o)
	}
	how := "encrypted"
	if *plain {
		how = "plain JSON"
	}
	fmt.Fprintf(e.stdout, "backed up (%s) to %s: ", how, *out)
	printBackupSummary(e.stdout, o.Summary)
	fmt.Fprintln(e.stdout, "secrets are not in the backup: they stay in this computer's keyring")
	return nil
}

func runRestore(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(e.stdout, restoreUsage)
		return nil
	}
	fs := newFlags("restore")
	dryRun := fs.Bool("dry-run", false, "only check the backup file")
	asJSON := fs.Bool("json", false, "print JSON")
	passFile := fs.String("passphrase-file", "", "read the passphrase from the first line of this file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("restore", pos, 1, "one backup FILE\n"+restoreUsage); err != nil {
		return err
	}
	path := pos[0]
	inv, err := backup.ReadFile(path)
	if errors.Is(err, backup.ErrEncrypted) {
		pass, perr := readPassphrase(e, *passFile)
		if perr != nil {
			return perr
		}
		inv, err = backup.ReadFileWith(path, pass)
	}
	if err != nil {
		return fileError("restore", path, err)
	}
	o := restoreOutput{File: path, DryRun: *dryRun,
		Backup: backupOutput{File: path, ExportedAt: inv.ExportedAt, Summary: backup.Summarise(inv)}}
	if !*dryRun {
		st, err := e.store()
		if err != nil {
			return err
		}
		res, err := st.RestoreInventory(e.ctx, inv, "restore: "+filepath.Base(path), time.Now().UTC())
		if err != nil {
			return err
		}
		o.Result = &res
	}
	if *asJSON {
		return writeJSON(e.raw, o)
	}
	fmt.Fprintf(e.stdout, "%s (made %s): ", path, inv.ExportedAt.Local().Format("2006-01-02 15:04"))
	printBackupSummary(e.stdout, o.Backup.Summary)
	if o.Result == nil {
		fmt.Fprintln(e.stdout, "dry run: the backup is valid; nothing was written")
		return nil
	}
	r := o.Result
	fmt.Fprintf(e.stdout, "restored: %d accounts added, %d merged, %d unchanged; %d history entries, %d reminders and %d evidence files added\n",
		r.Added, r.Merged, r.Unchanged, r.EventsAdded, r.RemindersAdded, r.EvidenceAdded)
	if n := o.Backup.WithSecrets; n > 0 {
		fmt.Fprintf(e.stdout, "note: %d accounts had secrets in the keyring of the computer the backup came from; "+
			"backups never hold secrets, so enter them again with 'unbindctl secret set'\n", n)
	}
	return nil
}

// readPassphrase reads the first line of file, or of standard input.
func readPassphrase(e *env, file string) (string, error) {
	var r io.Reader = e.stdin
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return "", fmt.Errorf("read the passphrase: %w", err)
		}
		defer f.Close()
		r = f
	}
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read the passphrase: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", usagef("no passphrase: give it on standard input or with --passphrase-file (or use --plain for an unencrypted backup)")
	}
	return line, nil
}

func printBackupSummary(w io.Writer, s backup.Summary) {
	fmt.Fprintf(w, "%d accounts, %d history entries, %d reminders, %d phone checks, %d evidence files\n",
		s.Accounts, s.Events, s.Reminders, s.PhoneChecks, s.EvidenceFiles)
}
