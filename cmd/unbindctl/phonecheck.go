package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/phonecheck"
	"github.com/unbindapp/unbind/accounts/store"
)

func init() {
	register(group{name: "phone-check", summary: "compare a 一证通查 result SMS with the inventory", run: runPhoneCheck})
}

const phoneCheckUsage = `usage:
  unbindctl phone-check PHONE COMPANY=N [COMPANY=N …] [--json] [--lang zh|en]
COMPANY is a catalog company ID (alibaba, jd, tencent, pdd, bytedance, meituan …)
or its Chinese name (阿里巴巴=2 京东=1 腾讯=3), as the 一证通查 result SMS lists
them. Compares the counts with the inventory's accounts bound to PHONE (phone
field, or a login that is that number), says where accounts are missing and how
to find them, and saves the check to the history and the audit report.`

// phoneCheckOutput is the stable JSON of 'phone-check --json'.
type phoneCheckOutput struct {
	ID        string    `json:"id"`
	CheckedAt time.Time `json:"checked_at"`
	phonecheck.Result
}

func runPhoneCheck(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(e.stdout, phoneCheckUsage)
		return nil
	}
	fs := newFlags("phone-check")
	asJSON := fs.Bool("json", false, "print JSON")
	lang := langFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkLang("phone-check", *lang); err != nil {
		return err
	}
	if len(pos) < 2 {
		return usagef("phone-check wants a PHONE and at least one COMPANY=N\n%s", phoneCheckUsage)
	}
	phone := accounts.PhoneDigits(pos[0])
	if !accounts.IsPhoneLike(pos[0]) || len(phone) < 7 {
		return usagef("phone-check: %q is not a phone number (7 to 15 digits, e.g. 13812345678)", pos[0])
	}
	cat, err := e.catalog()
	if err != nil {
		return err
	}
	counts, err := phonecheck.ParseCounts(cat, pos[1:])
	if err != nil {
		return usagef("%v", err)
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	all, err := st.Accounts(e.ctx)
	if err != nil {
		return err
	}
	res := phonecheck.Compare(cat, phone, counts, all)
	check := store.PhoneCheck{Phone: phone, CheckedAt: time.Now().UTC().Truncate(time.Millisecond), Counts: map[string]int{}}
	for _, c := range counts {
		check.Counts[c.Company.ID] = c.Count
	}
	saved, err := st.SavePhoneCheck(e.ctx, check)
	if err != nil {
		return err
	}
	out := phoneCheckOutput{ID: saved.ID, CheckedAt: saved.CheckedAt, Result: res}
	if *asJSON {
		return writeJSON(e.raw, out)
	}
	printPhoneCheck(e.stdout, out, *lang)
	return nil
}

func printPhoneCheck(w io.Writer, out phoneCheckOutput, lang string) {
	fmt.Fprintf(w, "一证通查 %s, %s (saved to the history)\n", out.Phone, out.CheckedAt.Local().Format("2006-01-02 15:04"))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPANY\tSMS\tIN INVENTORY\tTO FIND")
	for _, c := range out.Companies {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", c.Company.Name.In(lang), c.Reported, c.Known, c.Missing)
	}
	tw.Flush()
	if out.Missing == 0 {
		fmt.Fprintln(w, "the inventory knows every account the SMS reports")
	}
	for _, c := range out.Companies {
		printPhoneCompany(w, c, lang)
	}
	for _, c := range out.NotEntered {
		fmt.Fprintf(w, "\n%s: not entered, but the inventory has %d account(s) bound to this number:\n", c.Company.Name.In(lang), c.Known)
		printPhoneAccounts(w, c.Accounts)
	}
}

func printPhoneCompany(w io.Writer, c phonecheck.CompanyResult, lang string) {
	switch {
	case c.Missing > 0:
		fmt.Fprintf(w, "\n%s (%s): the SMS reports %d, the inventory knows %d: %d account(s) you may not know about\n",
			c.Company.Name.In(lang), c.Company.ID, c.Reported, c.Known, c.Missing)
	case c.Surplus > 0:
		fmt.Fprintf(w, "\n%s (%s): the inventory knows %d, more than the %d the SMS reports: some may be closed already or bound to another number now\n",
			c.Company.Name.In(lang), c.Company.ID, c.Known, c.Reported)
	default:
		return
	}
	printPhoneAccounts(w, c.Accounts)
	if c.Missing == 0 {
		return
	}
	if len(c.Platforms) > 0 {
		names := make([]string, len(c.Platforms))
		for i, p := range c.Platforms {
			names[i] = p.Name.In(lang)
			if len(p.Domains) > 0 {
				names[i] += " (" + p.Domains[0] + ")"
			}
		}
		fmt.Fprintf(w, "  platforms to check: %s\n", strings.Join(names, ", "))
	}
	for i, s := range c.Steps {
		fmt.Fprintf(w, "  %d. %s\n", i+1, s.In(lang))
	}
}

func printPhoneAccounts(w io.Writer, accs []phonecheck.Account) {
	for _, a := range accs {
		fmt.Fprintf(w, "  known: %s %s %s (%s)\n", a.Platform, a.Name, a.Login, a.Status)
	}
}
