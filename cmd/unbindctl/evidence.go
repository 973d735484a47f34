package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/unbindapp/unbind/accounts"
)

func init() {
	register(group{name: "evidence", summary: "attach, list, verify and remove evidence files of a track", run: runEvidence})
}

const evidenceUsage = `usage:
  unbindctl evidence add ACCOUNT_ID FILE [--track KIND] [--note TEXT] [--json]
  unbindctl evidence list [ACCOUNT_ID] [--json]
  unbindctl evidence verify [ACCOUNT_ID]
  unbindctl evidence remove FILE_ID

add copies FILE (a screenshot, PDF or saved chat: PNG, JPEG, GIF, WebP, PDF or
plain text, by its content, up to 20 MiB; no links or devices) into the data
folder's evidence/ folder under its SHA-256 and records it on the track (the
platform's main track without --track). list shows every file, also those kept
from deleted accounts; verify checks each stored file against its SHA-256 and
fails when one is missing or changed. remove deletes the record, and the file
once no other record uses it; the history keeps its SHA-256.`

func runEvidence(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("%s", evidenceUsage)
	}
	switch args[0] {
	case "add":
		return evidenceAdd(e, args[1:])
	case "list":
		return evidenceList(e, args[1:], false)
	case "verify":
		return evidenceList(e, args[1:], true)
	case "remove":
		return evidenceRemove(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, evidenceUsage)
		return nil
	}
	return usagef("unknown evidence command %q\n%s", args[0], evidenceUsage)
}

// evidenceService is the accounts service without the keyring: evidence
// never touches secrets, so it works where no Secret Service runs.
func (e *env) evidenceService() (*accounts.Service, error) {
	st, err := e.store()
	if err != nil {
		return nil, err
	}
	return accounts.NewService(st, nil), nil
}

func evidenceAdd(e *env, args []string) error {
	fs := newFlags("evidence add")
	track := fs.String("track", "", "the track (real_name_unbind, phone_unbind, account_delete, …)")
	note := fs.String("note", "", "what the file shows")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("evidence add", pos, 2, "an account ID and a FILE"); err != nil {
		return err
	}
	svc, err := e.evidenceService()
	if err != nil {
		return err
	}
	a, err := svc.Get(e.ctx, pos[0])
	if err != nil {
		return err
	}
	kind := accounts.TrackAccountDelete
	if *track != "" {
		if kind, err = accounts.ParseTrackKind(*track); err != nil {
			return usagef("%v", err)
		}
	} else if cat, err := e.catalog(); err == nil {
		if p, ok := cat.Platform(a.PlatformID); ok {
			if k, ok := p.MainTrackKind(); ok {
				kind = k
			}
		}
	}
	f, err := svc.AttachEvidence(e.ctx, a.ID, kind, pos[1], *note)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.raw, f)
	}
	fmt.Fprintf(e.stdout, "attached %s to %s (%s): %d bytes, %s, SHA-256 %s\n", f.Name, a.Name, kind, f.Size, f.MediaType, f.SHA256)
	return nil
}

// evidenceLine is one file in list and verify output.
type evidenceLine struct {
	accounts.EvidenceFile
	Deleted bool   `json:"account_deleted"`
	Problem string `json:"problem,omitempty"`
}

func evidenceList(e *env, args []string, verify bool) error {
	name := "evidence list"
	if verify {
		name = "evidence verify"
	}
	fs := newFlags(name)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("%s wants at most an account ID", name)
	}
	id := ""
	if len(pos) == 1 {
		id = pos[0]
	}
	svc, err := e.evidenceService()
	if err != nil {
		return err
	}
	files, err := svc.Evidence(e.ctx, id)
	if err != nil {
		return err
	}
	live := map[string]bool{}
	all, err := svc.List(e.ctx)
	if err != nil {
		return err
	}
	for _, a := range all {
		live[a.ID] = true
	}
	out := make([]evidenceLine, 0, len(files))
	bad := 0
	for _, f := range files {
		l := evidenceLine{EvidenceFile: f, Deleted: !live[f.AccountID]}
		if verify {
			if _, err := svc.EvidencePath(f); err != nil {
				l.Problem = err.Error()
				bad++
			}
		}
		out = append(out, l)
	}
	if *asJSON {
		if err := writeJSON(e.raw, out); err != nil {
			return err
		}
	} else {
		printEvidence(e.stdout, out, verify)
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d evidence files are missing or no longer match their SHA-256", bad, len(out))
	}
	return nil
}

func printEvidence(w io.Writer, files []evidenceLine, verify bool) {
	if len(files) == 0 {
		fmt.Fprintln(w, "no evidence files")
		return
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tACCOUNT\tTRACK\tADDED\tBYTES\tNAME\tSHA-256")
	for _, f := range files {
		account := f.Label
		if f.Deleted {
			account += " (deleted)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", f.ID, account, f.Track, f.AddedAt.Local().Format("2006-01-02 15:04"),
			f.Size, f.Name, f.SHA256)
	}
	tw.Flush()
	if verify {
		for _, f := range files {
			if f.Problem != "" {
				fmt.Fprintf(w, "FAILED %s %s: %s\n", f.ID, f.Name, f.Problem)
			}
		}
		fmt.Fprintf(w, "checked %d evidence files against their SHA-256\n", len(files))
	}
}

func evidenceRemove(e *env, args []string) error {
	pos, err := parseFlags(newFlags("evidence remove"), args)
	if err != nil {
		return err
	}
	if err := wantArgs("evidence remove", pos, 1, "an evidence FILE_ID (see 'unbindctl evidence list')"); err != nil {
		return err
	}
	svc, err := e.evidenceService()
	if err != nil {
		return err
	}
	return svc.RemoveEvidence(e.ctx, pos[0])
}
