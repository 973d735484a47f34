package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// Build makes the report from in as of opts.Now. It reads no store and no
// keyring: everything comes from in, so the same data always gives the
// same report.
func Build(ctx context.Context, in Input, opts Options) (*Report, error) {
	s, err := opts.resolve()
	if err != nil {
		return nil, fmt.Errorf("build report: %w", err)
	}
	b := &builder{s: s, in: in, wd: in.Calendar, names: map[string]string{}, next: map[string]accounts.Reminder{},
		letter: map[string]bool{}}
	if b.wd == nil {
		b.wd = workdays.Weekends()
	}
	r := &Report{Schema: Schema, Header: b.header(), Findings: []Finding{}, Accounts: []AccountEntry{},
		Timeline: []TimelineEntry{}, Warnings: []string{}, EvidenceFiles: []EvidenceEntry{}}
	b.r = r
	b.indexReminders()
	all := slices.Clone(in.Accounts)
	slices.SortFunc(all, func(x, y accounts.Account) int {
		return cmp.Or(cmp.Compare(x.PlatformID, y.PlatformID), cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
	})
	r.Accounts = make([]AccountEntry, 0, len(all))
	for i, a := range all {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("build report: %w", err)
			}
		}
		e := b.account(a)
		b.count(a, &e)
		b.findings(a, &e)
		r.Accounts = append(r.Accounts, e)
	}
	b.evidence()
	b.groupFindings(all)
	b.summarise(all)
	if err := b.timeline(ctx); err != nil {
		return nil, fmt.Errorf("build report: %w", err)
	}
	b.warn()
	return r, nil
}

// builder holds what Build works with.
type builder struct {
	s     settings
	in    Input
	wd    *workdays.Calendar
	r     *Report
	names map[string]string // platform ID → display name

	next   map[string]accounts.Reminder // account ID → next open reminder
	letter map[string]bool              // account ID → an open escalation reminder exists

	earliestReview time.Time // earliest submission whose review window was computed
}

func (b *builder) t(key string, args ...any) string { return tr(b.s.lang, key, args...) }

func (b *builder) at(t time.Time) time.Time { return t.In(b.s.loc) }

func (b *builder) atp(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := t.In(b.s.loc)
	return &v
}

func (b *builder) header() Header {
	// DataDir stays empty: a report is handed to others, and the folder's
	// path names the person and their computer.
	h := Header{GeneratedAt: b.s.now, AppVersion: b.s.AppVersion,
		Until: b.at(b.s.until), Lang: b.s.lang, Masked: !b.s.Unmasked,
		BackupIntervalDays: int(b.s.BackupInterval / (24 * time.Hour))}
	if !b.s.Since.IsZero() {
		h.Since = b.atp(&b.s.Since)
	}
	return h
}

// platformName is the catalog name in the report's language, or the ID.
func (b *builder) platformName(id string) string {
	if n, ok := b.names[id]; ok {
		return n
	}
	n := ""
	if b.in.Platforms != nil {
		n = b.in.Platforms.Name(id, b.s.lang)
	}
	switch {
	case n == "" && id == accounts.CustomPlatform:
		n = b.t("v.custom_platform")
	case n == "":
		n = id
	}
	b.names[id] = n
	return n
}

func (b *builder) group(id string) string {
	if b.in.Platforms == nil {
		return ""
	}
	return b.in.Platforms.Group(id)
}

// indexReminders finds each account's next open reminder and the accounts
// with an open escalation (whose draft letter exists).
func (b *builder) indexReminders() {
	for _, r := range b.in.Reminders {
		if !r.State.Open() || r.AccountID == "" {
			continue
		}
		if r.Kind == accounts.ReminderEscalation {
			b.letter[r.AccountID] = true
		}
		if old, ok := b.next[r.AccountID]; !ok || r.NextAt().Before(old.NextAt()) {
			b.next[r.AccountID] = r
		}
	}
}

// account makes the account's entry; identifiers masked unless Unmasked.
func (b *builder) account(a accounts.Account) AccountEntry {
	e := AccountEntry{ID: a.ID, Platform: a.PlatformID, PlatformName: b.platformName(a.PlatformID),
		IdentityGroup: b.group(a.PlatformID), Name: a.Name, Login: a.Login, Phone: a.Phone, Email: a.Email,
		RealName: a.RealName, ThirdParty: make([]string, len(a.ThirdParty)), Seller: a.Seller,
		Status: string(a.Status), StatusLabel: statusLabel(b.s.lang, a.Status), LastBackupAt: b.atp(a.LastBackupAt),
		Credentials: make([]string, len(a.SecretFields)), Tracks: []TrackEntry{}}
	if !b.s.Unmasked {
		e.Login, e.Phone, e.Email = accounts.MaskLogin(a.Login), accounts.MaskPhone(a.Phone), accounts.MaskEmail(a.Email)
	} else {
		notes := a.Notes
		e.Notes = &notes
	}
	for i, t := range a.ThirdParty {
		e.ThirdParty[i] = string(t)
	}
	for i, f := range a.SecretFields {
		e.Credentials[i] = string(f)
	}
	if r, ok := b.next[a.ID]; ok {
		n := &ReminderEntry{Kind: string(r.Kind), Due: b.at(r.NextAt()), Title: r.Title}
		if r.Kind == accounts.ReminderCustom && !b.s.Unmasked {
			n.Title = "" // the person's own words
		}
		e.NextReminder = n
	}
	b.tracks(a, &e)
	return e
}

// tracks fills the checklist progress and review windows: every kind the
// catalog lists for the platform or the account has progress on, in
// accounts.TrackKinds order.
func (b *builder) tracks(a accounts.Account, e *AccountEntry) {
	var infos []TrackInfo
	if b.in.Platforms != nil {
		infos = b.in.Platforms.Tracks(a.PlatformID)
	}
	have := b.in.Tracks[a.ID]
	for _, kind := range accounts.TrackKinds {
		ii := slices.IndexFunc(infos, func(t TrackInfo) bool { return t.Kind == kind })
		ti := slices.IndexFunc(have, func(t accounts.Track) bool { return t.Kind == kind })
		if ii < 0 && ti < 0 {
			continue
		}
		// A track that is not for this account (a buyer's shop closure)
		// counts only when the person started it anyway.
		if ii >= 0 && ti < 0 && infos[ii].Applies != nil && !infos[ii].Applies(a) {
			continue
		}
		te := TrackEntry{Kind: string(kind), Label: trackLabel(b.s.lang, kind), Sources: []SourceEntry{}}
		var info TrackInfo
		if ii >= 0 {
			info = infos[ii]
			te.Total = len(info.Checklist)
			te.Sources = append(te.Sources, info.Sources...)
			te.Verified = len(info.Sources) > 0
		}
		if ti >= 0 {
			t := have[ti]
			te.SubmittedAt, te.CompletedAt = b.atp(t.SubmittedAt), b.atp(t.CompletedAt)
			if t.CoolingUntil != nil {
				te.CoolingOffUntil = workdays.FormatDate(*t.CoolingUntil)
			}
			if ii >= 0 {
				for _, k := range info.Checklist {
					if t.IsDone(k) {
						te.Done++
					}
				}
			} else {
				te.Done = len(t.Done)
			}
			b.review(a, t, info, &te)
		}
		e.ChecklistDone += te.Done
		e.ChecklistTotal += te.Total
		e.Tracks = append(e.Tracks, te)
	}
}

// review computes the end of the review window of a submitted track and,
// while the account waits for the platform, how far past it today is.
func (b *builder) review(a accounts.Account, t accounts.Track, info TrackInfo, te *TrackEntry) {
	if t.SubmittedAt == nil || t.CompletedAt != nil || info.ReviewWorkdays <= 0 {
		return
	}
	due, _ := b.wd.ReviewDue(*t.SubmittedAt, info.ReviewWorkdays)
	te.ReviewDue = due.UTC().Format(time.DateOnly)
	if !a.Status.WaitingForPlatform() {
		return
	}
	if b.earliestReview.IsZero() || t.SubmittedAt.Before(b.earliestReview) {
		b.earliestReview = *t.SubmittedAt
	}
	if n, _ := b.wd.WorkdaysBetween(due, b.s.now); n > 0 {
		te.OverdueWorkdays = n
	}
}

// warn adds what the report could not know for sure.
func (b *builder) warn() {
	if b.in.Platforms == nil {
		b.r.Warnings = append(b.r.Warnings, b.t("w.no_catalog"))
	}
	if b.in.Calendar == nil {
		b.r.Warnings = append(b.r.Warnings, b.t("w.no_calendar"))
		return
	}
	if b.earliestReview.IsZero() {
		return
	}
	if years := b.in.Calendar.MissingYears(b.earliestReview, b.s.now); len(years) > 0 {
		ys := make([]string, len(years))
		for i, y := range years {
			ys[i] = fmt.Sprint(y)
		}
		b.r.Warnings = append(b.r.Warnings, b.t("w.missing_years", strings.Join(ys, ", ")))
	}
}
