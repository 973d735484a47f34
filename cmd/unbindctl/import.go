package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/importer"
)

func init() {
	register(group{name: "import", summary: "import accounts from a password-manager or browser export", run: runImport})
}

const importUsage = `usage:
  unbindctl import FILE [--format FORMAT] [--dry-run] [--json] [--with-passwords] [--all]
formats: auto (default), bitwarden-csv, bitwarden-json, keepassxc-csv, chrome-csv,
  firefox-csv, 1password-csv, apple-csv
Shows what the export holds, then imports it in one transaction (all or nothing);
the same platform and login is merged, never duplicated. Only entries on shopping
platforms the catalog knows are imported unless --all is given. Passwords go to the
system keyring only with --with-passwords. The export file is never changed.`

// importOutput is the stable JSON of 'import --json'.
type importOutput struct {
	File      string          `json:"file"`
	Format    importer.Format `json:"format"`
	DryRun    bool            `json:"dry_run"`
	Entries   int             `json:"entries"`
	Skipped   int             `json:"skipped"`
	Notices   []string        `json:"notices"`
	Proposals []importRow     `json:"proposals"`
	// Hidden counts the entries on no shopping platform that were left
	// out (without --all).
	Hidden int                   `json:"hidden"`
	Result *importer.ApplyResult `json:"result"`
}

// importRow is one proposal in the preview, login masked, never a password.
type importRow struct {
	Platform    string `json:"platform"`
	Name        string `json:"name"`
	Login       string `json:"login"`
	HasPassword bool   `json:"has_password"`
	TOTP        bool   `json:"totp"`
	Host        string `json:"host,omitempty"`
	App         string `json:"app,omitempty"`
	Line        int    `json:"line"`
	Duplicates  []int  `json:"duplicates"`
	InInventory bool   `json:"in_inventory"`
	// Match is the inventory account it matches, deleted ones too.
	Match *importer.Match `json:"match,omitempty"`
}

func runImport(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(e.stdout, importUsage)
		return nil
	}
	fs := newFlags("import")
	format := fs.String("format", "auto", "export format")
	dryRun := fs.Bool("dry-run", false, "only show what would be imported")
	asJSON := fs.Bool("json", false, "print JSON")
	withPasswords := fs.Bool("with-passwords", false, "also store passwords in the system keyring")
	all := fs.Bool("all", false, "also import entries that are not on a shopping platform")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("import", pos, 1, "one export FILE\n"+importUsage); err != nil {
		return err
	}
	f, err := importer.ParseFormat(*format)
	if err != nil {
		return usagef("%v", err)
	}
	path := pos[0]
	cat, err := e.catalog()
	if err != nil {
		return err
	}
	res, err := importer.ReadFile(path, importer.Options{Format: f})
	if err != nil {
		return fileError("import", path, err)
	}
	props := importer.Propose(res.Entries, catalogMatcher(cat))
	shopping, other := importer.Split(props)
	chosen := shopping
	if *all {
		chosen = props
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	existing, err := st.Accounts(e.ctx)
	if err != nil {
		return err
	}
	tracks, err := st.AllTracks(e.ctx)
	if err != nil {
		return err
	}
	index := importer.NewIndexWith(existing, tracks)
	out := importOutput{File: filepath.Base(path), Format: res.Format, DryRun: *dryRun, Entries: len(res.Entries),
		Skipped: res.Skipped, Notices: res.Notices, Proposals: make([]importRow, 0, len(chosen))}
	if out.Notices == nil {
		out.Notices = []string{}
	}
	if !*all {
		out.Hidden = len(other)
	}
	for _, p := range chosen {
		out.Proposals = append(out.Proposals, rowOf(p, index))
	}
	if !*asJSON {
		printPreview(e.stdout, out, cat)
	}
	var keyErr error
	if !*dryRun && len(chosen) > 0 {
		opts := importer.ApplyOptions{Source: importer.SourceName(res.Format, path), Now: time.Now()}
		if *withPasswords {
			svc, err := e.service()
			if err != nil {
				return err
			}
			opts.Keyring = svc
		}
		applied, err := importer.Apply(e.ctx, st, chosen, opts)
		if err != nil {
			return err
		}
		out.Result = &applied
		keyErr = applied.Passwords.Err()
	}
	if *asJSON {
		if err := writeJSON(e.raw, out); err != nil {
			return err
		}
	} else {
		printImportSummary(e.stdout, out, chosen, *withPasswords)
	}
	if keyErr != nil {
		pw := out.Result.Passwords
		return fmt.Errorf("import: the accounts were imported, but only %d of %d passwords were stored (%d not stored): %v; "+
			"fix the keyring and run the same import again with --with-passwords to store the rest", pw.Stored, pw.Offered-pw.Kept, pw.NotStored, keyErr)
	}
	return nil
}

func rowOf(p importer.Proposal, index *importer.Index) importRow {
	d := p.Duplicates
	if d == nil {
		d = []int{}
	}
	r := importRow{Platform: p.PlatformID, Name: p.Name, Login: importer.MaskedLogin(p.Login), HasPassword: p.HasPassword,
		TOTP: p.TOTP, Host: p.Host, App: p.App, Line: p.Line, Duplicates: d}
	if m, ok := index.Match(p); ok {
		r.InInventory, r.Match = true, &m
	}
	return r
}

// inInventory is the IN INVENTORY cell: whether, and how, a row matches.
func inInventory(r importRow) string {
	switch m := r.Match; {
	case m == nil:
		return "no"
	case m.Deleted() && m.DeletedOn != nil:
		return "yes (deleted " + m.DeletedOn.Format("2006-01-02") + ")"
	case m.Deleted():
		return "yes (deleted)"
	case m.ByPhone:
		return "yes (same phone)"
	}
	return "yes"
}

func printPreview(w io.Writer, out importOutput, cat *catalog.Catalog) {
	fmt.Fprintf(w, "%s: %s, %d entries", out.File, out.Format.Label(), out.Entries)
	if out.Skipped > 0 {
		fmt.Fprintf(w, " (%d other records skipped)", out.Skipped)
	}
	fmt.Fprintln(w)
	for _, n := range out.Notices {
		fmt.Fprintln(w, "note: "+n)
	}
	if len(out.Proposals) > 0 {
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "LINE\tPLATFORM\tNAME\tLOGIN\tPASSWORD\tIN INVENTORY")
		for _, r := range out.Proposals {
			platform := r.Platform
			if p, ok := cat.Platform(r.Platform); ok {
				platform += " " + p.Names.Zh
			} else if platform == "" {
				platform = "(other)"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.Line, platform, oneLineCell(r.Name), r.Login, yesNo(r.HasPassword), inInventory(r))
		}
		tw.Flush()
	}
	if out.Hidden > 0 {
		fmt.Fprintf(w, "%d entries are not on a shopping platform Unbind knows and are left out (--all includes them)\n", out.Hidden)
	}
}

func printImportSummary(w io.Writer, out importOutput, chosen []importer.Proposal, withPasswords bool) {
	if len(chosen) == 0 {
		fmt.Fprintln(w, "nothing to import: no entry is on a shopping platform Unbind knows (--all imports the others)")
		return
	}
	if out.DryRun {
		fmt.Fprintf(w, "dry run: %d accounts would be imported; nothing was written\n", len(chosen))
		return
	}
	r := out.Result
	fmt.Fprintf(w, "imported: %d added, %d merged, %d unchanged", r.Added, r.Merged, r.Unchanged)
	if r.AlreadyThere > 0 {
		fmt.Fprintf(w, ", %d without a login already there", r.AlreadyThere)
	}
	fmt.Fprintln(w)
	withPw := 0
	for _, p := range chosen {
		if p.HasPassword {
			withPw++
		}
	}
	switch pw := r.Passwords; {
	case withPasswords:
		fmt.Fprintf(w, "passwords: %d stored in the system keyring, %d kept (already there)", pw.Stored, pw.Kept)
		if pw.NotStored > 0 {
			fmt.Fprintf(w, ", %d NOT stored (keyring failure)", pw.NotStored)
		}
		fmt.Fprintln(w)
	case withPw > 0:
		fmt.Fprintf(w, "passwords: none stored; %d entries have one (--with-passwords keeps them in the system keyring)\n", withPw)
	}
}

// oneLineCell keeps a table cell short and on one line.
func oneLineCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// fileError prefixes a reader's error with the command and the file's
// name: "import passwords.csv: chrome-csv line 3: …".
func fileError(cmd, path string, err error) error {
	msg := err.Error()
	for _, p := range []string{"import: ", "backup file: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return &fileErr{msg: fmt.Sprintf("%s %s: %s", cmd, filepath.Base(path), msg), err: err}
}

type fileErr struct {
	msg string
	err error
}

func (p *fileErr) Error() string { return p.msg }
func (p *fileErr) Unwrap() error { return p.err }

// catalogMatcher adapts the catalog to importer.Matcher.
func catalogMatcher(cat *catalog.Catalog) importer.Matcher {
	return importer.MatchFunc(func(h string) (string, bool) {
		p, ok := cat.MatchHost(h)
		return p.ID, ok
	})
}
