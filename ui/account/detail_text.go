package account

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/kit"
)

// nextSentence says the next action in one sentence.
func nextSentence(n inventory.Next, v *detailView) string {
	data := map[string]string{"Track": kit.TrackLabel(n.Track), "Item": n.Item.In(v.u.env().Lang)}
	switch n.Kind {
	case inventory.NextStart:
		return lang.L("Next: to start \"{{.Track}}\", {{.Item}}", data)
	case inventory.NextPrerequisite:
		return lang.L("Next, before \"{{.Track}}\" can go ahead: {{.Item}}", data)
	case inventory.NextStep:
		return lang.L("Next step of \"{{.Track}}\": {{.Item}}", data)
	case inventory.NextSubmit:
		return lang.L("Everything for \"{{.Track}}\" is ticked: submit the request, then mark the account as submitted with its ticket number.", data)
	case inventory.NextWait:
		if n.Track == "" {
			return lang.L("Next: wait for the platform's answer, then record it here.")
		}
		return lang.L("Next: wait for the platform's answer on \"{{.Track}}\", then record it here.", data)
	case inventory.NextResubmit:
		if e, ok := v.rejection(); ok && strings.TrimSpace(e.Note) != "" {
			return lang.L("The platform refused on {{.Date}}: \"{{.Reason}}\". Next: fix what it asks for and submit again.",
				map[string]string{"Date": kit.FormatDate(e.At), "Reason": strings.TrimSpace(e.Note)})
		}
		return lang.L("Next: read why the platform refused, fix what it asks for, and submit again.")
	case inventory.NextCoolingOff:
		return lang.L("Next: do nothing until the cooling-off ends; Unbind reminds you to confirm the result. Do not sign in meanwhile.")
	case inventory.NextCheck:
		return lang.L("Next: check the account is really gone without signing in to it: run the 一证通查 check for your phone number, and keep the platform's confirmation message.")
	case inventory.NextBackup:
		if b := v.acc.LastBackupAt; b != nil {
			return lang.L("Kept: back up its data now and then (last backup {{.Date}}).", map[string]string{"Date": kit.FormatDate(*b)})
		}
		return lang.L("Kept: back up its data now and then; no backup is recorded yet.")
	}
	return lang.L("Next: the catalog has no steps for this platform; ask its customer service to delete the account and your personal data, and note what they say.")
}

// calendar is the working-day calendar, weekends only when none is loaded.
func (u *shell) calendar() *workdays.Calendar {
	if c := u.env().Calendar; c != nil {
		return c
	}
	return workdays.Weekends()
}

// reviewSentence describes a running review window; late is true once its
// longest promised time has passed.
func reviewSentence(r inventory.Review, cal *workdays.Calendar, now time.Time) (text string, late bool) {
	deadline, cov := cal.ReviewDue(r.SubmittedAt, r.Workdays.Max)
	left, cov2 := cal.WorkdaysBetween(now.In(workdays.ChinaTime), deadline)
	cov = cov.Merge(cov2)
	span := strconv.Itoa(r.Workdays.Max)
	if r.Workdays.Min > 0 && r.Workdays.Min != r.Workdays.Max {
		span = strconv.Itoa(r.Workdays.Min) + "–" + span
	}
	data := map[string]string{
		"Track": kit.TrackLabel(r.Track), "Span": span, "Date": kit.FormatDate(deadline),
		"Left": strconv.Itoa(left), "Late": strconv.Itoa(-left), "Submitted": kit.FormatDate(r.SubmittedAt),
	}
	switch {
	case left > 0:
		text = lang.L("Review of \"{{.Track}}\": {{.Span}} working days from {{.Submitted}}; answer due by {{.Date}}, {{.Left}} working days left.", data)
	case left == 0:
		text = lang.L("Review of \"{{.Track}}\": {{.Span}} working days from {{.Submitted}}; the answer is due today ({{.Date}}).", data)
	default:
		late = true
		text = lang.L("Review of \"{{.Track}}\": the answer was due by {{.Date}}, {{.Late}} working days ago. Follow up with the platform.", data)
	}
	if !cov.Complete() {
		years := ""
		for i, y := range cov.Missing {
			if i > 0 {
				years += ", "
			}
			years += strconv.Itoa(y)
		}
		text += " " + lang.L("(No holiday data for {{.Years}}: only weekends were counted as days off.)", map[string]string{"Years": years})
	}
	return text, late
}

// coolingWarning is the standing "do not sign in" warning of a running
// cooling-off, in the UI's language; the reminder rules write it, so the
// detail pane and the notification say the same.
func coolingWarning(v *detailView) string {
	return reminders.CoolingWarning(reminders.Input{
		Account: v.acc, Tracks: v.tracks, Platform: v.platform, HasPlatform: v.known,
		Settings: reminders.Settings{Lang: v.u.env().Lang},
	})
}

// rejection is the history entry that recorded the platform's refusal
// (the newest move to rejected), whose note holds the reason given.
func (v *detailView) rejection() (accounts.Event, bool) {
	var last accounts.Event
	found := false
	for _, e := range v.events {
		if e.Kind == accounts.EventStatus && accounts.Status(e.To) == accounts.StatusRejected && (!found || e.At.After(last.At)) {
			last, found = e, true
		}
	}
	return last, found
}
