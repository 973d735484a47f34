package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/unbindapp/unbind/accounts/phonecheck"
)

func printPhoneCheck(w io.Writer, out phoneCheckOutput, lang string) {
	fmt.Fprintf(w, "一证通查 %s, %s (saved to the history)\n", out.Phone, out.CheckedAt.Local().Format("2006-01-02 15:04"))
	if out.SMS != nil {
		if out.SMS.TotalMismatch() {
			fmt.Fprintf(w, "the SMS states %d accounts in all, but its companies add up to %d: is a part of it missing?\n", out.SMS.Total, out.SMS.Sum())
		}
		if out.SMS.Repeated > 0 {
			fmt.Fprintf(w, "%d line(s) of the SMS were pasted twice and counted once\n", out.SMS.Repeated)
		}
	}
	if out.PreviousAt != nil {
		fmt.Fprintf(w, "compared with the check of %s\n", out.PreviousAt.Local().Format("2006-01-02"))
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPANY\tSMS\tBEFORE\tIN INVENTORY\tDELETED\tTO FIND")
	for _, c := range out.Companies {
		before := "-"
		if c.Previous >= 0 {
			before = strconv.Itoa(c.Previous)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%d\t%d\n", c.Company.Name.In(lang), c.Reported, before, c.Known, len(c.Deleted), c.Missing)
	}
	tw.Flush()
	if out.Missing == 0 {
		fmt.Fprintln(w, "the inventory knows every account the SMS reports")
	}
	for _, c := range out.Companies {
		printPhoneCompany(w, c, lang)
	}
	for _, c := range out.NotEntered {
		fmt.Fprintf(w, "\n%s: not entered; the inventory has %d account(s) on this number and %d deleted:\n", c.Company.Name.In(lang), c.Known, len(c.Deleted))
		printPhoneAccounts(w, c.Accounts)
		printPhoneAccounts(w, c.Deleted)
	}
	for _, c := range out.NoLongerListed {
		fmt.Fprintf(w, "\n%s: listed %d at the previous check, not listed now\n", c.Company.Name.In(lang), c.Count)
	}
}

func printPhoneCompany(w io.Writer, c phonecheck.CompanyResult, lang string) {
	name := c.Company.Name.In(lang)
	if c.Previous >= 0 && c.Previous != c.Reported {
		fmt.Fprintf(w, "\n%s: %d at the previous check, %d now\n", name, c.Previous, c.Reported)
	}
	switch {
	case c.Missing > 0:
		fmt.Fprintf(w, "\n%s (%s): the SMS reports %d, the inventory knows %d: %d account(s) you may not know about\n",
			name, c.Company.ID, c.Reported, c.Known, c.Missing)
	case c.Surplus > 0:
		fmt.Fprintf(w, "\n%s (%s): the inventory knows %d, more than the %d the SMS reports: some may be closed already or bound to another number now\n",
			name, c.Company.ID, c.Known, c.Reported)
	case len(c.Deleted) > 0:
		fmt.Fprintf(w, "\n%s (%s): the SMS does not count the %d deleted account(s): the deletion took effect\n", name, c.Company.ID, len(c.Deleted))
	default:
		return
	}
	printPhoneAccounts(w, c.Accounts)
	for i, a := range c.Deleted {
		on := "on an unknown day"
		if a.DeletedOn != nil {
			on = "on " + a.DeletedOn.Local().Format("2006-01-02")
		}
		if i < c.StillCounted {
			fmt.Fprintf(w, "  you deleted %s %s %s: if the count still includes it, the deletion has not taken effect\n", a.Platform, a.Name, on)
		} else {
			fmt.Fprintf(w, "  deleted: %s %s %s\n", a.Platform, a.Name, on)
		}
	}
	if c.Missing <= c.StillCounted {
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
		extra := ""
		if a.CoolingUntil != nil {
			extra = ", cooling-off until " + a.CoolingUntil.Format("2006-01-02")
		}
		fmt.Fprintf(w, "  known: %s %s %s (%s%s)\n", a.Platform, a.Name, a.Login, a.Status, extra)
	}
}
