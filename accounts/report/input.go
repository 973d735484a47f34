package report

import (
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// DefaultBackupInterval is how old a backup may get before the report calls
// it stale, when Options.BackupInterval is zero.
const DefaultBackupInterval = store.DefaultBackupIntervalDays * 24 * time.Hour

// Options say how to build the report.
type Options struct {
	// Since and Until bound the timeline (Since ≤ at < Until). A zero
	// Since means from the first event, a zero Until means Now.
	Since, Until time.Time
	// Lang is "zh" (the default when empty) or "en".
	Lang string
	// Unmasked includes login, phone and e-mail in full and the person's
	// own notes; the default masks the identifiers and leaves notes out.
	Unmasked bool
	// Now is the moment the report describes; zero means time.Now().
	Now        time.Time
	AppVersion string
	// BackupInterval is the person's backup interval; zero means
	// DefaultBackupInterval.
	BackupInterval time.Duration
	// Location is the time zone dates are shown in; nil means time.Local.
	Location *time.Location
}

// Input is what the report is built from. The slices are only read.
type Input struct {
	Accounts []accounts.Account
	// Tracks holds each account's tracks, keyed by account ID.
	Tracks map[string][]accounts.Track
	// Events may hold more than the period; Build keeps the period's.
	Events []accounts.Event
	// Reminders should hold at least the open ones.
	Reminders []accounts.Reminder
	// Evidence holds the evidence-file records (with those kept from
	// deleted accounts); the report lists their hashes, never content.
	Evidence []accounts.EvidenceFile
	// Platforms gives catalog facts; nil shows platform IDs as names and
	// knows no checklists or review windows (see FromCatalog).
	Platforms PlatformInfo
	// Calendar counts working days (Chinese holidays and make-up days);
	// nil counts Monday to Friday and the report says it did.
	Calendar *workdays.Calendar
}

// PlatformInfo is what the report needs from the platform catalog.
type PlatformInfo interface {
	// Name is the platform's display name in lang ("zh" or "en"); "" when
	// the platform is unknown.
	Name(id, lang string) string
	// Group is the platform's identity group: platforms with the same group
	// share one underlying account (Taobao, Tmall, Xianyu). "" when unknown.
	Group(id string) string
	// Tracks lists the platform's tracks in catalog order; nil when unknown.
	Tracks(id string) []TrackInfo
	// Blocked says why the account's main track cannot go on now, nil
	// when it can (campaign.Platforms: the overview asks the same).
	Blocked(a accounts.Account, tracks []accounts.Track) *accounts.BlockedError
}

// TrackInfo is one catalog track, as far as the report needs it.
type TrackInfo struct {
	Kind accounts.TrackKind
	// Checklist lists the track's checklist keys: accounts.StepKey(n) for
	// each step and accounts.PrereqKey(id) for each prerequisite.
	Checklist []string
	// ReviewWorkdays is the longest review the platform announces, in
	// working days; 0 when unknown or there is no review.
	ReviewWorkdays int
	// Applies says whether the track is for the account (catalog's
	// applies_to); nil means every account.
	Applies func(accounts.Account) bool
	// Sources are the pages the track's steps rest on; empty when the
	// catalog marks the track unverified.
	Sources []SourceEntry
}

// settings is Options with the defaults filled in and checked.
type settings struct {
	Options
	lang  string
	loc   *time.Location
	now   time.Time
	until time.Time
}

func (o Options) resolve() (settings, error) {
	s := settings{Options: o, lang: o.Lang, loc: o.Location, now: o.Now}
	switch s.lang {
	case "":
		s.lang = "zh"
	case "zh", "en":
	default:
		return s, fmt.Errorf("report language %q: want zh or en: %w", o.Lang, accounts.ErrInvalid)
	}
	if s.loc == nil {
		s.loc = time.Local
	}
	if s.now.IsZero() {
		s.now = time.Now()
	}
	s.now = s.now.In(s.loc)
	if s.BackupInterval <= 0 {
		s.BackupInterval = DefaultBackupInterval
	}
	s.until = o.Until
	if s.until.IsZero() {
		s.until = s.now
	}
	if !o.Since.IsZero() && !o.Since.Before(s.until) {
		return s, fmt.Errorf("report period: since %s is not before until %s: %w",
			o.Since.Format(time.DateOnly), s.until.Format(time.DateOnly), accounts.ErrInvalid)
	}
	return s, nil
}
