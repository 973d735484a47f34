package reminders

import (
	"slices"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// Rule constants. Every rule-made reminder is due on its day at the hour
// the person chose (Settings.DueHour, 10:00 China time unless changed).
const (
	// EscalationWorkdays is how many working days after a submission an
	// unfinished request gets the escalation reminder and its letter.
	EscalationWorkdays = 15
	// PostCheckDays is how many calendar days after a deactivation the
	// person is asked to check that the account is really gone.
	PostCheckDays = 7
)

// sellerOnly are prerequisites that only concern someone who runs a shop;
// they are left out for accounts not marked as sellers.
var sellerOnly = []string{catalog.CloseShop, catalog.RefundDeposit, catalog.ShipPendingOrders}

// Settings are the person's choices the rules follow.
type Settings struct {
	// Lang is "zh" or "en" (anything not Chinese reads English).
	Lang string
	// BackupIntervalDays is the backup interval of kept accounts; ≤ 0
	// means store.DefaultBackupIntervalDays.
	BackupIntervalDays int
	// DueHour is the hour (China time) reminders fall due; 0 means
	// store.DefaultDueHour.
	DueHour int
}

// dueHour is the hour reminders of in fall due.
func (in Input) dueHour() int {
	if h := in.Settings.DueHour; h >= store.FirstDueHour && h <= store.LastDueHour {
		return h
	}
	return store.DefaultDueHour
}

// Input is everything the rules look at for one account.
type Input struct {
	Account accounts.Account
	Tracks  []accounts.Track
	// Platform is the account's catalog entry; HasPlatform is false for a
	// custom or unknown platform (then only the rules that need no catalog
	// apply: escalation, post-deactivation check, backups).
	Platform    catalog.Platform
	HasPlatform bool
	// Calendar counts working days; nil counts plain weekends.
	Calendar *workdays.Calendar
	Settings Settings
	// DeactivatedAt is when the account became deactivated; zero means the
	// latest CompletedAt of its tracks, else its creation.
	DeactivatedAt time.Time
	// Now decides which backup occurrence is current and when a new
	// prerequisite reminder is first due (Service keeps that first due
	// time afterwards, so it does not move on every sync).
	Now time.Time
}

// Derive returns the reminders the account's state calls for, each with a
// stable Key (unique within the account), Kind, Title, Body and DueAt. It is
// a pure function of in: the same state gives the same reminders, so
// store.SyncDerived can add the new ones, update changed ones and remove
// those whose condition went away.
//
// The rules, by account status:
//   - preparing, or active with ticks on a track: one ReminderPrerequisite
//     per unticked prerequisite of each irreversible track in play (ticked,
//     account deletion, or shop closure for sellers), key
//     "prerequisite:<track>:<prereq>", due at the due hour the day after it first
//     appears;
//   - submitted or under review, per track submitted and not completed: a
//     ReminderReviewDue at the catalog's maximum review working days (when
//     known and > 0), key "review_due:<track>:<submitted>", and a
//     ReminderEscalation at EscalationWorkdays with a drafted letter, key
//     "escalation:<track>:<submitted>" (<submitted> is the UTC submission
//     time, so a resubmission is a new occurrence);
//   - cooling-off, per track in a cooling-off: a ReminderCoolingOff due
//     at its start (the standing "do not sign in before …" notice), key
//     "cooling_off:<track>:<started>", and a ReminderCoolingEnd the day
//     after its last day, key "cooling_end:<track>:<last day>";
//   - deactivated: a ReminderPostCheck PostCheckDays after the
//     deactivation, and never before the day after a cooling-off's last
//     day, key "post_check:<deactivated>"; its text never asks to sign in;
//   - kept: a ReminderBackup every BackupIntervalDays counted from the
//     last backup (or the account's creation), key "backup:<due date>":
//     the latest occurrence already due, else the next one.
func Derive(in Input) []accounts.Reminder {
	if in.Calendar == nil {
		in.Calendar = emptyCalendar
	}
	in.Settings.Lang = catalog.Lang(in.Settings.Lang)
	var out []accounts.Reminder
	switch in.Account.Status {
	case accounts.StatusPreparing, accounts.StatusActive:
		out = prerequisiteRules(in)
	case accounts.StatusSubmitted, accounts.StatusUnderReview:
		out = submittedRules(in)
	case accounts.StatusCoolingOff:
		out = coolingRules(in)
	case accounts.StatusDeactivated:
		out = []accounts.Reminder{postCheckRule(in)}
	case accounts.StatusKept:
		out = []accounts.Reminder{backupRule(in)}
	}
	for i := range out {
		out[i].AccountID = in.Account.ID
		out[i].DueAt = out[i].DueAt.UTC()
	}
	return out
}

// emptyCalendar counts plain weekends, for inputs without a calendar.
var emptyCalendar = workdays.Weekends()

// timeKey formats an instant for a reminder key: UTC, to the second.
func timeKey(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// prerequisiteRules reminds of unmet prerequisites before irreversible
// tracks the person is preparing.
func prerequisiteRules(in Input) []accounts.Reminder {
	if !in.HasPlatform {
		return nil
	}
	a := in.Account
	due := workdays.AtChinaTime(workdays.DateOf(in.Now).AddDate(0, 0, 1), in.dueHour(), 0)
	var out []accounts.Reminder
	for _, ct := range in.Platform.Tracks {
		if !ct.Irreversible || len(ct.Prerequisites) == 0 {
			continue
		}
		p := accounts.FindTrack(in.Tracks, ct.Kind)
		if p.SubmittedAt != nil || p.CompletedAt != nil {
			continue
		}
		ticked := len(p.Done) > 0
		// A track the platform does not offer has nothing to prepare; one
		// that is not for this account counts only once the person starts it.
		inPlay := ticked || (ct.Applies(a) && (ct.Kind == accounts.TrackAccountDelete || ct.Kind == accounts.TrackShopClose))
		if !ct.NotPossible.IsZero() || !inPlay || (a.Status == accounts.StatusActive && !ticked) {
			continue
		}
		for _, pre := range ct.Prerequisites {
			if p.IsDone(accounts.PrereqKey(pre.ID)) || (!a.Seller && slices.Contains(sellerOnly, pre.ID)) {
				continue
			}
			out = append(out, accounts.Reminder{
				Kind:  accounts.ReminderPrerequisite,
				Key:   "prerequisite:" + string(ct.Kind) + ":" + pre.ID,
				Title: in.title(pre.Text.In(in.Settings.Lang)),
				Body:  prerequisiteBody(in, ct, pre),
				DueAt: due,
			})
		}
	}
	return out
}

// submittedRules add the review-due and escalation reminders of every
// submitted, unfinished track.
func submittedRules(in Input) []accounts.Reminder {
	var out []accounts.Reminder
	for _, t := range in.Tracks {
		if t.SubmittedAt == nil || t.CompletedAt != nil {
			continue
		}
		sub := *t.SubmittedAt
		review, hasReview := in.reviewWindow(t.Kind)
		var reviewDue time.Time
		var reviewCov workdays.Coverage
		if hasReview {
			reviewDue, reviewCov = in.Calendar.ReviewDue(sub, review.Max)
			out = append(out, accounts.Reminder{
				Kind:  accounts.ReminderReviewDue,
				Key:   "review_due:" + string(t.Kind) + ":" + timeKey(sub),
				Title: in.title(in.msg(msgReviewDueTitle, trackName(t.Kind, in.Settings.Lang))),
				Body:  reviewDueBody(in, t, review, reviewDue, reviewCov),
				DueAt: workdays.AtChinaTime(reviewDue, in.dueHour(), 0),
			})
		}
		esc, escCov := in.Calendar.AddWorkdays(sub, EscalationWorkdays)
		out = append(out, accounts.Reminder{
			Kind:  accounts.ReminderEscalation,
			Key:   "escalation:" + string(t.Kind) + ":" + timeKey(sub),
			Title: in.title(in.msg(msgEscalationTitle, trackName(t.Kind, in.Settings.Lang))),
			Body:  escalationBody(in, t, esc, escCov.Merge(reviewCov)),
			DueAt: workdays.AtChinaTime(esc, in.dueHour(), 0),
		})
	}
	return out
}

// reviewWindow returns the catalog's review window of a track, when known
// and not immediate.
func (in Input) reviewWindow(kind accounts.TrackKind) (catalog.Workdays, bool) {
	if !in.HasPlatform {
		return catalog.Workdays{}, false
	}
	ct, ok := in.Platform.Track(kind)
	if !ok || ct.ReviewWorkdays == nil || ct.ReviewWorkdays.Max <= 0 {
		return catalog.Workdays{}, false
	}
	return *ct.ReviewWorkdays, true
}

// postCheckRule asks, a week after the deactivation, whether it held.
func postCheckRule(in Input) accounts.Reminder {
	at := in.DeactivatedAt
	if at.IsZero() {
		for _, t := range in.Tracks {
			if t.CompletedAt != nil && t.CompletedAt.After(at) {
				at = *t.CompletedAt
			}
		}
	}
	if at.IsZero() {
		at = in.Account.CreatedAt
	}
	due := workdays.DateOf(at).AddDate(0, 0, PostCheckDays)
	for _, t := range in.Tracks {
		// Checking inside a cooling-off could tempt a sign-in that undoes
		// the deletion: the check waits until the day after it ends.
		if t.CoolingUntil != nil {
			if after := workdays.DateOf(*t.CoolingUntil).AddDate(0, 0, 1); after.After(due) {
				due = after
			}
		}
	}
	return accounts.Reminder{
		Kind:  accounts.ReminderPostCheck,
		Key:   "post_check:" + timeKey(at),
		Title: in.title(in.msg(msgPostCheckTitle)),
		Body:  postCheckBody(in, at),
		DueAt: workdays.AtChinaTime(due, in.dueHour(), 0),
	}
}

// coolingRules warn at the start of each running cooling-off and ask for
// a confirmation the day after it ends.
func coolingRules(in Input) []accounts.Reminder {
	var out []accounts.Reminder
	for _, t := range in.Tracks {
		if t.CoolingStartedAt == nil || t.CoolingUntil == nil || t.CompletedAt != nil {
			continue
		}
		var ct catalog.Track
		if in.HasPlatform {
			ct, _ = in.Platform.Track(t.Kind)
		}
		until := *t.CoolingUntil
		out = append(out,
			accounts.Reminder{
				Kind:  accounts.ReminderCoolingOff,
				Key:   "cooling_off:" + string(t.Kind) + ":" + timeKey(*t.CoolingStartedAt),
				Title: in.title(in.msg(msgCoolingTitle, workdays.FormatDate(until))),
				Body:  coolingBody(in, ct, until),
				DueAt: *t.CoolingStartedAt,
			},
			accounts.Reminder{
				Kind:  accounts.ReminderCoolingEnd,
				Key:   "cooling_end:" + string(t.Kind) + ":" + workdays.FormatDate(until),
				Title: in.title(in.msg(msgCoolingEndTitle)),
				Body:  coolingEndBody(in, until),
				DueAt: workdays.AtChinaTime(workdays.DateOf(until).AddDate(0, 0, 1), in.dueHour(), 0),
			})
	}
	return out
}

// CoolingWarning is the standing warning the account's detail shows while
// a track is in a cooling-off, in lang; "" when none is running at now.
func CoolingWarning(in Input) string {
	for _, r := range coolingRules(in) {
		if r.Kind == accounts.ReminderCoolingOff {
			return r.Body
		}
	}
	return ""
}

// backupRule is the current occurrence of a kept account's periodic backup.
func backupRule(in Input) accounts.Reminder {
	days := in.Settings.BackupIntervalDays
	if days <= 0 {
		days = store.DefaultBackupIntervalDays
	}
	anchor := in.Account.CreatedAt
	if b := in.Account.LastBackupAt; b != nil {
		anchor = *b
	}
	start := workdays.DateOf(anchor)
	// The k-th occurrence is k intervals after the anchor's day; the
	// current one is the latest already due, at least the first.
	k := max(1, int(workdays.DateOf(in.Now).Sub(start).Hours()/24)/days)
	due := workdays.AtChinaTime(start.AddDate(0, 0, k*days), in.dueHour(), 0)
	if k > 1 && due.After(in.Now) {
		k--
		due = workdays.AtChinaTime(start.AddDate(0, 0, k*days), in.dueHour(), 0)
	}
	return accounts.Reminder{
		Kind:  accounts.ReminderBackup,
		Key:   "backup:" + workdays.FormatDate(due),
		Title: in.title(in.msg(msgBackupTitle)),
		Body:  backupBody(in, anchor, days),
		DueAt: due,
	}
}

// platformName is the catalog's name of the account's platform in the
// person's language, or the account's platform ID.
func (in Input) platformName() string {
	if in.HasPlatform {
		if n := in.Platform.Names.In(in.Settings.Lang); n != "" {
			return n
		}
	}
	return in.Account.PlatformID
}

// label names the account: "淘宝（主号）", or just the account's name when
// it already contains the platform's name.
func (in Input) label() string {
	p, name := in.platformName(), in.Account.Name
	switch {
	case name == "" || strings.EqualFold(name, p):
		return p
	case !in.HasPlatform || strings.Contains(strings.ToLower(name), strings.ToLower(p)):
		return name
	}
	return in.msg(msgLabel, p, name)
}

// title prefixes what with the account's label.
func (in Input) title(what string) string { return in.msg(msgTitle, in.label(), what) }

// identifier is the account's login, e-mail or phone, masked: bodies end up
// in calendar exports, which must not spell out logins.
func (in Input) identifier() string {
	a := in.Account
	for _, s := range []string{a.Login, a.Email, a.Phone} {
		if s != "" {
			return accounts.MaskLogin(s)
		}
	}
	return ""
}
