package main

import (
	"bytes"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/atomicfile"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
)

func init() {
	register(group{name: "remind", summary: "reminders: list, done, snooze, dismiss, add, sync, export-ics", run: runRemind})
}

const remindUsage = `usage:
  unbindctl remind list [--due] [--at WHEN] [--all] [--account ID] [--no-sync] [--json]
  unbindctl remind done ID [--json]
  unbindctl remind snooze ID DURATION [--json]    DURATION: 2d, 1w, 90m, 1d12h …
  unbindctl remind dismiss ID [--json]
  unbindctl remind add ACCOUNT_ID --at WHEN --note TEXT [--json]
  unbindctl remind sync
  unbindctl remind export-ics -o FILE [--open-only] [--no-sync]

WHEN is YYYY-MM-DD, "YYYY-MM-DD HH:MM" (China time) or RFC 3339. A bare date
means 10:00 China time for add, and the end of that day for list --at.
ID may be a unique prefix of at least 6 characters. list and export-ics first
bring the rule-made reminders up to date with the accounts (as remind sync).`

func runRemind(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("%s", remindUsage)
	}
	cmds := map[string]func(*env, []string) error{
		"list": remindList, "done": remindDone, "snooze": remindSnooze, "dismiss": remindDismiss,
		"add": remindAdd, "sync": remindSync, "export-ics": remindExportICS,
	}
	if run, ok := cmds[args[0]]; ok {
		return run(e, args[1:])
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, remindUsage)
		return nil
	}
	return usagef("unknown remind command %q\n%s", args[0], remindUsage)
}

// reminderService returns the reminder service over the store, the catalog and
// the data folder's holiday calendar.
func (e *env) reminderService() (*reminders.Service, *store.Store, error) {
	st, err := e.store()
	if err != nil {
		return nil, nil, err
	}
	cat, err := e.catalog()
	if err != nil {
		return nil, nil, err
	}
	cal, err := e.loadCalendar()
	if err != nil {
		return nil, nil, err
	}
	return reminders.NewService(st, reminders.Options{Catalog: cat, Calendar: cal}), st, nil
}

// remindSyncNow brings the derived reminders up to date; a failure is a
// warning, the command goes on with what is stored.
func (e *env) remindSyncNow(svc *reminders.Service) {
	if _, err := svc.Sync(e.ctx, time.Now()); err != nil {
		fmt.Fprintln(e.stderr, "unbindctl: warning: "+strings.ReplaceAll(err.Error(), "\n", "; "))
	}
}

// reminderJSON is the stable JSON of a reminder: the fields of
// accounts.Reminder, plus the account's name and platform, when it next
// alerts and whether it is due at the time asked about.
type reminderJSON struct {
	accounts.Reminder
	AccountName string    `json:"account_name,omitempty"`
	Platform    string    `json:"platform,omitempty"`
	NextAt      time.Time `json:"next_at"`
	Due         bool      `json:"due"`
}

func toReminderJSON(r accounts.Reminder, names map[string]accounts.Account, at time.Time) reminderJSON {
	j := reminderJSON{Reminder: r, NextAt: r.NextAt(), Due: r.State.Open() && (r.State == accounts.ReminderFired || r.DueBy(at))}
	if a, ok := names[r.AccountID]; ok {
		j.AccountName, j.Platform = a.Name, a.PlatformID
	}
	return j
}

func remindList(e *env, args []string) error {
	fs := newFlags("remind list")
	due := fs.Bool("due", false, "only reminders due at --at")
	atFlag := fs.String("at", "", "the time to judge 'due' at (default now)")
	all := fs.Bool("all", false, "include done and dismissed reminders")
	account := fs.String("account", "", "only this account's reminders")
	noSync := fs.Bool("no-sync", false, "do not update rule-made reminders first")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("remind list", pos, 0, "only flags"); err != nil {
		return err
	}
	at := time.Now()
	if *atFlag != "" {
		if at, err = parseWhen(*atFlag, false); err != nil {
			return usagef("remind list --at: %v", err)
		}
	}
	svc, st, err := e.reminderService()
	if err != nil {
		return err
	}
	if !*noSync {
		e.remindSyncNow(svc)
	}
	f := store.ReminderFilter{AccountID: *account, OpenOnly: !*all || *due}
	if *due {
		f.DueBy = at
	}
	rs, err := svc.List(e.ctx, f)
	if err != nil {
		return err
	}
	accs, err := st.Accounts(e.ctx)
	if err != nil {
		return err
	}
	names := make(map[string]accounts.Account, len(accs))
	for _, a := range accs {
		names[a.ID] = a
	}
	out := make([]reminderJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, toReminderJSON(r, names, at))
	}
	if *asJSON {
		return writeJSON(e.raw, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNEXT (China time)\tSTATE\tKIND\tTITLE")
	for _, r := range out {
		state := string(r.State)
		if r.Due {
			state += " (due)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.NextAt.In(workdays.ChinaTime).Format("2006-01-02 15:04"), state, r.Kind, r.Title)
	}
	return tw.Flush()
}

// resolveReminder finds a reminder by ID or by a unique ID prefix.
func (e *env) resolveReminder(st *store.Store, arg string) (string, error) {
	if r, err := st.Reminder(e.ctx, arg); err == nil {
		return r.ID, nil
	}
	if len(arg) >= 6 {
		all, err := st.Reminders(e.ctx, store.ReminderFilter{})
		if err != nil {
			return "", err
		}
		var found []string
		for _, r := range all {
			if strings.HasPrefix(r.ID, arg) {
				found = append(found, r.ID)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 0:
		default:
			return "", usagef("reminder ID prefix %q matches %d reminders; give more of it", arg, len(found))
		}
	}
	return "", fmt.Errorf("reminder %s: %w", arg, accounts.ErrNotFound)
}

// remindChange runs one state change on the reminder named in pos[0].
func remindChange(e *env, name string, args []string, nargs int, want string,
	change func(svc *reminders.Service, id string, pos []string) (accounts.Reminder, error)) error {
	fs := newFlags("remind " + name)
	asJSON := fs.Bool("json", false, "print the reminder as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("remind "+name, pos, nargs, want); err != nil {
		return err
	}
	if name == "snooze" { // a usage error before touching the store
		if _, err := parseSnooze(pos[1]); err != nil {
			return usagef("remind snooze: %v", err)
		}
	}
	svc, st, err := e.reminderService()
	if err != nil {
		return err
	}
	id, err := e.resolveReminder(st, pos[0])
	if err != nil {
		return err
	}
	r, err := change(svc, id, pos)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.raw, toReminderJSON(r, nil, time.Now()))
	}
	line := fmt.Sprintf("%s: %s", r.State, r.Title)
	if r.State == accounts.ReminderSnoozed && r.SnoozedUntil != nil {
		line += " (until " + r.SnoozedUntil.In(workdays.ChinaTime).Format("2006-01-02 15:04") + " China time)"
	}
	fmt.Fprintln(e.stdout, line)
	return nil
}

func remindDone(e *env, args []string) error {
	return remindChange(e, "done", args, 1, "a reminder ID", func(svc *reminders.Service, id string, _ []string) (accounts.Reminder, error) {
		return svc.Done(e.ctx, id)
	})
}

func remindDismiss(e *env, args []string) error {
	return remindChange(e, "dismiss", args, 1, "a reminder ID", func(svc *reminders.Service, id string, _ []string) (accounts.Reminder, error) {
		return svc.Dismiss(e.ctx, id)
	})
}

func remindSnooze(e *env, args []string) error {
	return remindChange(e, "snooze", args, 2, "a reminder ID and a duration", func(svc *reminders.Service, id string, pos []string) (accounts.Reminder, error) {
		d, _ := parseSnooze(pos[1]) // checked by remindChange
		return svc.Snooze(e.ctx, id, d)
	})
}

func remindAdd(e *env, args []string) error {
	fs := newFlags("remind add")
	atFlag := fs.String("at", "", "when: YYYY-MM-DD (10:00 China time), \"YYYY-MM-DD HH:MM\" or RFC 3339")
	note := fs.String("note", "", "what to do")
	asJSON := fs.Bool("json", false, "print the reminder as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("remind add", pos, 1, "an account ID"); err != nil {
		return err
	}
	if *atFlag == "" || strings.TrimSpace(*note) == "" {
		return usagef("remind add needs --at and --note")
	}
	at, err := parseWhen(*atFlag, true)
	if err != nil {
		return usagef("remind add --at: %v", err)
	}
	svc, _, err := e.reminderService()
	if err != nil {
		return err
	}
	r, err := svc.AddCustom(e.ctx, pos[0], at, *note)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.raw, toReminderJSON(r, nil, time.Now()))
	}
	fmt.Fprintln(e.stdout, r.ID)
	return nil
}

func remindSync(e *env, args []string) error {
	pos, err := parseFlags(newFlags("remind sync"), args)
	if err != nil {
		return err
	}
	if err := wantArgs("remind sync", pos, 0, "no arguments"); err != nil {
		return err
	}
	svc, _, err := e.reminderService()
	if err != nil {
		return err
	}
	res, err := svc.Sync(e.ctx, time.Now())
	fmt.Fprintf(e.stdout, "synced %d accounts, %d changed\n", res.Accounts, res.Changed)
	return err
}

func remindExportICS(e *env, args []string) error {
	fs := newFlags("remind export-ics")
	out := fs.String("o", "", "the .ics file to write (- for standard output)")
	openOnly := fs.Bool("open-only", false, "leave done and dismissed reminders out")
	noSync := fs.Bool("no-sync", false, "do not update rule-made reminders first")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("remind export-ics", pos, 0, "only flags"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("remind export-ics needs -o FILE")
	}
	svc, _, err := e.reminderService()
	if err != nil {
		return err
	}
	if !*noSync {
		e.remindSyncNow(svc)
	}
	var buf bytes.Buffer
	n, err := svc.ExportICS(e.ctx, &buf, reminders.ICSOptions{OpenOnly: *openOnly})
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err := e.raw.Write(buf.Bytes())
		return err
	}
	if err := atomicfile.WriteBytes(*out, buf.Bytes()); err != nil {
		return fmt.Errorf("export reminders: %w", err)
	}
	fmt.Fprintf(e.stderr, "wrote %d reminders to %s\n", n, *out)
	return nil
}
