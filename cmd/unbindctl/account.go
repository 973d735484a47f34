package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/reminders"
)

func init() {
	register(group{name: "account", summary: "add, list, show, delete accounts and change their status", run: runAccount})
}

const accountUsage = `usage:
  unbindctl account add --platform ID --name NAME [--login L] [--phone P] [--email E] [--real-name] [--seller] [--third-party wechat,qq] [--notes TEXT]
  unbindctl account list [--json]
  unbindctl account show ID [--json]
  unbindctl account delete ID
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

// trackDetail is one track of the account's platform, started or not:
// its progress plus what the catalog says about it for this account.
type trackDetail struct {
	accounts.Track
	State           catalog.TrackState `json:"status"`
	Applies         bool               `json:"applies"`
	BlockedBy       []string           `json:"blocked_by"`
	CoolingOffUntil *string            `json:"cooling_off_until"`
}

// trackDetails lists every catalog track of the platform, then any track
// the account has progress on that the catalog does not list.
func trackDetails(a accounts.Account, p catalog.Platform, known bool, progress []accounts.Track) []trackDetail {
	out := []trackDetail{}
	seen := map[accounts.TrackKind]bool{}
	add := func(t accounts.Track, ct catalog.Track, inCatalog bool) {
		d := trackDetail{Track: t, Applies: true, BlockedBy: []string{}, State: catalog.StateNotStarted}
		if inCatalog {
			d.State, d.Applies, d.BlockedBy = ct.StateFor(a, progress), ct.Applies(a), ct.ActiveBlockerIDs(a, progress)
		} else {
			d.State = (catalog.Track{Kind: t.Kind}).StateFor(a, progress)
		}
		if t.CoolingUntil != nil {
			day := reminders.FormatDate(*t.CoolingUntil)
			d.CoolingOffUntil = &day
		}
		if d.Done == nil {
			d.Done = map[string]time.Time{}
		}
		seen[t.Kind] = true
		out = append(out, d)
	}
	if known {
		for _, ct := range p.Tracks {
			t := accounts.FindTrack(progress, ct.Kind)
			t.AccountID = a.ID
			add(t, ct, true)
		}
	}
	for _, t := range progress {
		if !seen[t.Kind] {
			add(t, catalog.Track{}, false)
		}
	}
	return out
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
	svc, err := e.service()
	if err != nil {
		return err
	}
	a, err := svc.Get(e.ctx, pos[0])
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
	cat, err := e.catalog()
	if err != nil {
		return err
	}
	p, known := cat.Platform(a.PlatformID)
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
	pos, err := parseFlags(newFlags("account delete"), args)
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
	return svc.Delete(e.ctx, pos[0])
}

func accountSetStatus(e *env, args []string) error {
	fs := newFlags("account set-status")
	var c accounts.StatusChange
	var track, until string
	fs.StringVar(&c.Note, "note", "", "why")
	fs.StringVar(&c.Evidence, "evidence", "", "ticket or application number")
	fs.StringVar(&track, "track", "", "the track this is about, e.g. account_delete (default: the platform's main track)")
	fs.StringVar(&until, "until", "", "for cooling_off: its last day, YYYY-MM-DD (China time)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account set-status", pos, 2, "an account ID and a status"); err != nil {
		return err
	}
	to, err := accounts.ParseStatus(pos[1])
	if err != nil {
		return usagef("%v", err)
	}
	if track != "" {
		if c.Track, err = accounts.ParseTrackKind(track); err != nil {
			return usagef("%v", err)
		}
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	a, err := svc.Get(e.ctx, pos[0])
	if err != nil {
		return err
	}
	cat, err := e.catalog()
	if err != nil {
		return err
	}
	p, known := cat.Platform(a.PlatformID)
	if c.Track == "" && known && movesRequest(to) {
		kind, ok := p.MainTrackKind()
		if !ok {
			return usagef("%s has several tracks and no main one; say which with --track (one of %v)", p.ID, p.Kinds())
		}
		c.Track = kind
	}
	c.At = svc.Now().UTC()
	if to == accounts.StatusCoolingOff {
		end, err := coolingEnd(until, p, c)
		if err != nil {
			return err
		}
		c.CoolingUntil = &end
	} else if until != "" {
		return usagef("--until belongs to cooling_off only")
	}
	_, err = svc.ChangeStatus(e.ctx, a.ID, to, c)
	var be *accounts.BlockedError
	if errors.As(err, &be) && !be.Permanent {
		return fmt.Errorf("%w; if it does not apply to this account, run: unbindctl account tick %s blocker:%s --track %s", err, a.ID, be.Blocker, be.Track)
	}
	return err
}

func accountTick(e *env, args []string) error {
	fs := newFlags("account tick")
	track := fs.String("track", "", "the track of the item (default: the platform's main track)")
	undo := fs.Bool("undo", false, "untick instead")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account tick", pos, 2, "an account ID and a checklist key (step:N, prereq:ID or blocker:ID)"); err != nil {
		return err
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	a, err := svc.Get(e.ctx, pos[0])
	if err != nil {
		return err
	}
	var kind accounts.TrackKind
	if *track != "" {
		if kind, err = accounts.ParseTrackKind(*track); err != nil {
			return usagef("%v", err)
		}
	} else {
		cat, err := e.catalog()
		if err != nil {
			return err
		}
		p, _ := cat.Platform(a.PlatformID)
		var ok bool
		if kind, ok = p.MainTrackKind(); !ok {
			return usagef("say which track the item belongs to with --track")
		}
	}
	_, err = svc.TickStep(e.ctx, a.ID, kind, pos[1], !*undo)
	return err
}

// movesRequest lists the statuses whose dates belong to a track.
func movesRequest(to accounts.Status) bool {
	return to == accounts.StatusSubmitted || to == accounts.StatusUnderReview ||
		to == accounts.StatusCoolingOff || to == accounts.StatusDeactivated
}

// coolingEnd is --until as a China-time day, or the catalog's longest
// period from today.
func coolingEnd(until string, p catalog.Platform, c accounts.StatusChange) (time.Time, error) {
	if until != "" {
		d, err := reminders.ParseDate(until)
		if err != nil {
			return time.Time{}, usagef("--until %q: want a date like 2026-12-31", until)
		}
		return d, nil
	}
	if ct, ok := p.Track(c.Track); ok {
		if end, ok := ct.CoolingOffEnd(c.At); ok {
			return reminders.DateOf(end), nil
		}
	}
	return time.Time{}, usagef("the catalog names no cooling-off period for this track; give its last day with --until YYYY-MM-DD")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
