package tools

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/phonecheck"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/kit"
)

// PhoneCheckView is a saved check compared with the inventory: per
// company the SMS's count, the previous check's, the accounts Unbind
// knows (active, in cooling-off, deleted) and what the difference means.
type PhoneCheckView struct {
	Content fyne.CanvasObject
	t       Deps
}

// NewPhoneCheckView shows res, saved as check; sms is the parsed SMS when
// the counts were pasted (nil when typed); again opens a new check.
func NewPhoneCheckView(t Deps, res phonecheck.Result, check store.PhoneCheck, sms *phonecheck.SMS, again func()) *PhoneCheckView {
	v := &PhoneCheckView{t: t}
	title := widget.NewLabel(lang.L("一证通查 for {{.Phone}}, checked {{.Date}}",
		map[string]any{"Phone": res.Phone, "Date": kit.FormatDateTime(check.CheckedAt)}))
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	newCheck := widget.NewButtonWithIcon(lang.L("New check…"), theme.ContentAddIcon(), again)
	summary := newToolMessage()
	summary.set(checkSummary(res))
	box := container.NewVBox(kit.NewBorder(nil, nil, nil, newCheck, title), summary.box)
	for _, n := range v.notes(res, sms) {
		box.Add(wrapped(n))
	}
	box.Add(v.table(res))
	// The explanations: deletions that may not have taken effect first,
	// then accounts to find, then the rest, each in the SMS's order.
	all := append(append([]phonecheck.CompanyResult{}, res.Companies...), res.NotEntered...)
	slices.SortStableFunc(all, func(a, b phonecheck.CompanyResult) int { return cardRank(a) - cardRank(b) })
	for _, c := range all {
		if card := v.companyCard(c, res.PreviousAt); card != nil {
			box.Add(card)
		}
	}
	v.Content = container.NewVScroll(container.NewPadded(box))
	return v
}

// checkSummary is the one line that sums a check up, and its colour.
func checkSummary(res phonecheck.Result) (string, widget.Importance) {
	unknown, still := res.Missing-res.StillCounted, res.StillCounted
	args := map[string]any{"N": unknown, "Deleted": still, "Phone": res.Phone}
	switch {
	case res.Missing == 0:
		return lang.L("Unbind knows every account the SMS reports for {{.Phone}}. The check is saved in the history.", args), widget.SuccessImportance
	case still == 0:
		return lang.L("The SMS reports {{.N}} accounts for {{.Phone}} that Unbind does not know about. The check is saved in the history.", args), widget.WarningImportance
	case unknown == 0:
		return lang.L("For {{.Phone}} the SMS may still count {{.Deleted}} accounts you deleted; Unbind knows all the others. The check is saved in the history.", args), widget.WarningImportance
	}
	return lang.L("The SMS reports {{.N}} accounts for {{.Phone}} that Unbind does not know about, and may still count {{.Deleted}} you deleted. The check is saved in the history.", args), widget.WarningImportance
}

// cardRank orders the company cards by what most needs the person.
func cardRank(c phonecheck.CompanyResult) int {
	switch {
	case c.StillCounted > 0:
		return 0
	case c.Missing > 0:
		return 1
	}
	return 2
}

// notes are the remarks on the check as a whole.
func (v *PhoneCheckView) notes(res phonecheck.Result, sms *phonecheck.SMS) []string {
	var out []string
	if res.PreviousAt != nil {
		out = append(out, lang.L("Compared with the previous check of this number, on {{.Date}}.", map[string]any{"Date": kit.FormatDate(*res.PreviousAt)}))
	} else {
		out = append(out, lang.L("This is the first check of this number: the next one will show what changed."))
	}
	if sms != nil && sms.TotalMismatch() {
		out = append(out, lang.L("The SMS says {{.Total}} accounts in all, but its companies add up to {{.Sum}}: a part of the SMS may be missing from what you pasted.",
			map[string]any{"Total": sms.Total, "Sum": sms.Sum()}))
	}
	if sms != nil && sms.Repeated > 0 {
		out = append(out, lang.L("{{.N}} lines were pasted twice; each is counted once.", map[string]any{"N": sms.Repeated}))
	}
	for _, c := range res.NoLongerListed {
		out = append(out, lang.L("{{.Name}} is no longer in the SMS; the previous check listed {{.N}}.",
			map[string]any{"Name": c.Company.Name.In(v.t.Lang), "N": c.Count}))
	}
	return out
}

// table is one row per company: the numbers side by side.
func (v *PhoneCheckView) table(res phonecheck.Result) fyne.CanvasObject {
	// One grid per row: the columns line up (each row splits the width
	// alike) and a row is only as tall as its own cells.
	rowsBox := container.NewVBox()
	grid := container.NewGridWithColumns(6)
	rowsBox.Add(grid)
	for _, h := range []string{lang.L("Company"), lang.L("In the SMS"), lang.L("Previous check"), lang.L("Unbind knows"),
		lang.L("Deleted in Unbind"), lang.L("Difference")} {
		grid.Add(boldWrapped(h))
	}
	rows := append(append([]phonecheck.CompanyResult{}, res.Companies...), res.NotEntered...)
	for _, c := range rows {
		reported, previous := "—", "—"
		if c.Reported >= 0 {
			reported = strconv.Itoa(c.Reported)
		}
		if c.Previous >= 0 {
			previous = strconv.Itoa(c.Previous)
		}
		known := strconv.Itoa(c.Known)
		if c.CoolingOff > 0 {
			known = lang.L("{{.N}} ({{.Cooling}} in cooling-off)", map[string]any{"N": c.Known, "Cooling": c.CoolingOff})
		}
		diff := wrapped(difference(c))
		switch {
		case c.Missing > 0:
			diff.Importance = widget.WarningImportance
		case c.Reported >= 0 && c.Surplus == 0:
			diff.Importance = widget.SuccessImportance
		}
		// Cells wrap, so the table fits the pane instead of widening it.
		grid = container.NewGridWithColumns(6)
		rowsBox.Add(grid)
		grid.Add(wrapped(c.Company.Name.In(v.t.Lang)))
		grid.Add(wrapped(reported))
		grid.Add(wrapped(previous))
		grid.Add(wrapped(known))
		grid.Add(wrapped(strconv.Itoa(len(c.Deleted))))
		grid.Add(diff)
	}
	return widget.NewCard("", "", rowsBox)
}

// difference is the last column: what the numbers of a company say.
func difference(c phonecheck.CompanyResult) string {
	switch {
	case c.Reported < 0:
		return lang.L("Not in the SMS")
	case c.Missing > 0 && c.StillCounted > 0:
		return lang.L("{{.N}} more (deleted still counted?)", map[string]any{"N": c.Missing})
	case c.Missing > 0:
		return lang.L("{{.N}} to find", map[string]any{"N": c.Missing})
	case c.Surplus > 0:
		return lang.L("{{.N}} fewer than Unbind knows", map[string]any{"N": c.Surplus})
	}
	return lang.L("Matches")
}

// companyCard explains one company's difference: the accounts known, the
// deletions that have or have not taken effect, the cooling-offs, the
// change since the previous check and where to look for the rest. nil
// when there is nothing to say beyond the table.
func (v *PhoneCheckView) companyCard(c phonecheck.CompanyResult, previousAt *time.Time) fyne.CanvasObject {
	name := c.Company.Name.In(v.t.Lang)
	box := container.NewVBox()
	if c.Previous >= 0 && c.Reported >= 0 && c.Previous != c.Reported && previousAt != nil {
		box.Add(wrapped(lang.L("On {{.Date}} the SMS reported {{.Before}}; now {{.Now}}.",
			map[string]any{"Date": kit.FormatDate(*previousAt), "Before": c.Previous, "Now": c.Reported})))
	}
	for _, a := range c.Accounts {
		line := "· " + v.accountName(a) + " — " + kit.StatusLabel(a.Status)
		if a.CoolingUntil != nil {
			line = "· " + lang.L("{{.Account}} is in cooling-off until {{.Date}}: it still exists, and is counted, until then. Do not sign in to it.",
				map[string]any{"Account": v.accountName(a), "Date": kit.FormatDate(*a.CoolingUntil)})
		}
		box.Add(wrapped(line))
	}
	for i, a := range c.Deleted {
		date := lang.L("an unknown day")
		if a.DeletedOn != nil {
			date = kit.FormatDate(*a.DeletedOn)
		}
		args := map[string]any{"Account": v.accountName(a), "Date": date}
		var l *widget.Label
		switch {
		case i < c.StillCounted:
			l = wrapped("· " + lang.L("You deleted {{.Account}} on {{.Date}}: if the count still includes it, the deletion has not taken effect. Check on the platform or ask its customer service.", args))
			l.Importance = widget.WarningImportance
		case c.Reported >= 0:
			l = wrapped("· " + lang.L("{{.Account}}, deleted on {{.Date}}, is not counted any more: the deletion took effect.", args))
		default:
			l = wrapped("· " + lang.L("{{.Account}}, deleted on {{.Date}}.", args))
		}
		box.Add(l)
	}
	if c.Surplus > 0 {
		box.Add(wrapped(lang.L("Unbind knows {{.Known}}, more than the {{.Reported}} the SMS reports: closed already, or bound to another number now?",
			map[string]any{"Known": c.Known, "Reported": c.Reported})))
	}
	if unknown := c.Missing - c.StillCounted; unknown > 0 {
		l := wrapped(lang.L("{{.N}} accounts Unbind does not know about. To find them:", map[string]any{"N": unknown}))
		l.TextStyle.Bold = true
		box.Add(l)
		if len(c.Platforms) > 0 {
			names := make([]string, len(c.Platforms))
			for i, p := range c.Platforms {
				names[i] = p.Name.In(v.t.Lang)
				if len(p.Domains) > 0 {
					names[i] += " (" + p.Domains[0] + ")"
				}
			}
			box.Add(wrapped(lang.L("Where to look: {{.List}}", map[string]any{"List": strings.Join(names, ", ")})))
		}
		for i, s := range c.Steps {
			box.Add(wrapped(strconv.Itoa(i+1) + ". " + s.In(v.t.Lang)))
		}
	}
	if len(box.Objects) == 0 {
		return nil
	}
	head := lang.L("{{.Name}}: the SMS reports {{.Reported}}, Unbind knows {{.Known}}",
		map[string]any{"Name": name, "Reported": c.Reported, "Known": c.Known})
	if c.Reported < 0 {
		head = lang.L("{{.Name}}: not in the SMS; Unbind knows {{.Known}} on this number",
			map[string]any{"Name": name, "Known": c.Known})
	}
	return widget.NewCard("", "", container.NewVBox(boldWrapped(head), box))
}

func (v *PhoneCheckView) accountName(a phonecheck.Account) string {
	s := v.t.platformName(a.Platform)
	if a.Name != "" && a.Name != s {
		s += " — " + a.Name
	}
	if a.Login != "" && a.Login != a.Name {
		s += " " + a.Login
	}
	return s
}

// wrapped is a label that wraps.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func boldWrapped(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Bold = true
	return l
}
