package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

func init() {
	register(group{name: "account", summary: "add, list, show, delete accounts and change their status", run: runAccount})
}

const accountUsage = `usage:
  unbindctl account add --platform ID --name NAME [--login L] [--phone P] [--email E] [--real-name] [--seller] [--third-party wechat,qq] [--notes TEXT]
  unbindctl account list [--json]
  unbindctl account show ID [--json]
  unbindctl account delete ID [--delete-evidence]
  unbindctl account set-status ID STATUS [--track KIND] [--until YYYY-MM-DD] [--note TEXT] [--evidence TEXT]
  unbindctl account tick ID KEY [--track KIND] [--undo]

  KEY is step:N (the N-th step, from 0), prereq:ID, or blocker:ID to say a
  catalog blocker does not (or no longer) apply to this account.

  STATUS is one of: active, preparing, submitted, under_review, cooling_off,
  deactivated, rejected, kept. Without --track the platform's main track is
  meant (usually account_delete). cooling_off takes --until, the last day the
  platform names; without it the catalog's longest period is used.`

func runAccount(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("%s", accountUsage)
	}
	switch args[0] {
	case "add":
		return accountAdd(e, args[1:])
	case "list":
		return accountList(e, args[1:])
	case "show":
		return accountShow(e, args[1:])
	case "delete":
		return accountDelete(e, args[1:])
	case "set-status":
		return accountSetStatus(e, args[1:])
	case "tick":
		return accountTick(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, accountUsage)
		return nil
	}
	return usagef("unknown account command %q\n%s", args[0], accountUsage)
}

func accountAdd(e *env, args []string) error {
	fs := newFlags("account add")
	var a accounts.Account
	var thirdParty string
	fs.StringVar(&a.PlatformID, "platform", "", "catalog platform ID, or custom")
	fs.StringVar(&a.Name, "name", "", "display name")
	fs.StringVar(&a.Login, "login", "", "login identifier")
	fs.StringVar(&a.Phone, "phone", "", "bound phone number")
	fs.StringVar(&a.Email, "email", "", "e-mail address")
	fs.BoolVar(&a.RealName, "real-name", false, "real-name verified")
	fs.BoolVar(&a.Seller, "seller", false, "has a seller account or shop")
	fs.StringVar(&thirdParty, "third-party", "", "linked logins, comma-separated")
	fs.StringVar(&a.Notes, "notes", "", "non-secret notes")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account add", pos, 0, "only flags"); err != nil {
		return err
	}
	if a.PlatformID == "" || a.Name == "" {
		return usagef("account add needs --platform and --name")
	}
	for _, t := range strings.Split(thirdParty, ",") {
		if t = strings.TrimSpace(t); t != "" {
			a.ThirdParty = append(a.ThirdParty, accounts.ThirdParty(t))
		}
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	saved, err := svc.Add(e.ctx, a)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, saved.ID)
	return nil
}

func accountList(e *env, args []string) error {
	fs := newFlags("account list")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account list", pos, 0, "no arguments"); err != nil {
		return err
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	all, err := svc.List(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if all == nil {
			all = []accounts.Account{}
		}
		return writeJSON(e.raw, all)
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPLATFORM\tNAME\tLOGIN\tSTATUS")
	for _, a := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.ID, a.PlatformID, a.Name, a.Login, a.Status)
	}
	return tw.Flush()
}

// accountDetail is the stable JSON of 'account show --json'.
type accountDetail struct {
	accounts.Account
	Tracks  []trackDetail    `json:"tracks"`
	History []accounts.Event `json:"history"`
}

// accountOn opens the service and loads the account with its catalog
// platform (known is false for a custom or unknown platform).
func (e *env) accountOn(id string) (svc *accounts.Service, a accounts.Account, p catalog.Platform, known bool, err error) {
	if svc, err = e.service(); err != nil {
		return
	}
	if a, err = svc.Get(e.ctx, id); err != nil {
		return
	}
	cat, err := e.catalog()
	if err != nil {
		return
	}
	p, known = cat.Platform(a.PlatformID)
	return
}

func accountShow(e *env, args []string) error {
	fs := newFlags("account show")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account show", pos, 1, "an account ID"); err != nil {
		return err
	}
	svc, a, p, known, err := e.accountOn(pos[0])
	if err != nil {
		return err
	}
	tracks, err := svc.Tracks(e.ctx, a.ID)
	if err != nil {
		return err
	}
	history, err := svc.History(e.ctx, a.ID)
	if err != nil {
		return err
	}
	d := accountDetail{Account: a, Tracks: trackDetails(a, p, known, tracks), History: history}
	if *asJSON {
		return writeJSON(e.raw, d)
	}
	printAccount(e.stdout, d)
	return nil
}

func printAccount(w io.Writer, d accountDetail) {
	a := d.Account
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", k, v)
		}
	}
	row("ID", a.ID)
	row("Platform", a.PlatformID)
	row("Name", a.Name)
	row("Login", a.Login)
	row("Phone", a.Phone)
	row("E-mail", a.Email)
	row("Real-name verified", yesNo(a.RealName))
	row("Seller/shop", yesNo(a.Seller))
	tp := make([]string, len(a.ThirdParty))
	for i, t := range a.ThirdParty {
		tp[i] = string(t)
	}
	row("Third-party logins", strings.Join(tp, ", "))
	row("Status", string(a.Status))
	if a.LastBackupAt != nil {
		row("Last backup", a.LastBackupAt.Local().Format("2006-01-02"))
	}
	secrets := make([]string, len(a.SecretFields))
	for i, f := range a.SecretFields {
		secrets[i] = string(f)
	}
	row("Secrets in keyring", strings.Join(secrets, ", "))
	row("Notes", a.Notes)
	tw.Flush()
	for _, t := range d.Tracks {
		fmt.Fprintf(w, "\nTrack %s: %s, %d item(s) ticked", t.Kind, t.State, len(t.Done))
		if !t.Applies {
			fmt.Fprint(w, ", not for this account")
		}
		if len(t.BlockedBy) > 0 {
			fmt.Fprintf(w, ", blocked by %s", strings.Join(t.BlockedBy, ", "))
		}
		if t.CoolingOffUntil != nil {
			fmt.Fprintf(w, ", cooling-off until %s: do not sign in before then", *t.CoolingOffUntil)
		}
		if t.Ticket != "" {
			fmt.Fprintf(w, ", ticket %s", t.Ticket)
		}
		if t.SubmittedAt != nil {
			fmt.Fprintf(w, ", submitted %s", t.SubmittedAt.Local().Format("2006-01-02"))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "\nHistory:")
	for _, ev := range d.History {
		fmt.Fprintf(w, "  %s  %s", ev.At.Local().Format("2006-01-02 15:04"), ev.Kind)
		if ev.From != "" || ev.To != "" {
			fmt.Fprintf(w, " %s→%s", ev.From, ev.To)
		}
		if ev.Note != "" {
			fmt.Fprintf(w, "  %s", ev.Note)
		}
		if ev.Evidence != "" {
			fmt.Fprintf(w, "  [%s]", ev.Evidence)
		}
		fmt.Fprintln(w)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func accountDelete(e *env, args []string) error {
	fs := newFlags("account delete")
	dropEvidence := fs.Bool("delete-evidence", false, "delete its evidence files too (kept by default, in the data folder and the report)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account delete", pos, 1, "an account ID"); err != nil {
		return err
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	return svc.DeleteKeepingEvidence(e.ctx, pos[0], !*dropEvidence)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
