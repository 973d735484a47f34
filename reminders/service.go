package reminders

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// Store is the part of accounts/store the reminder service uses.
type Store interface {
	Accounts(ctx context.Context) ([]accounts.Account, error)
	Account(ctx context.Context, id string) (accounts.Account, error)
	Tracks(ctx context.Context, accountID string) ([]accounts.Track, error)
	AllTracks(ctx context.Context) (map[string][]accounts.Track, error)
	Events(ctx context.Context, accountID string) ([]accounts.Event, error)
	Language(ctx context.Context) (string, error)
	BackupIntervalDays(ctx context.Context) (int, error)
	DueHour(ctx context.Context) (int, error)
	RecordBackup(ctx context.Context, accountID string, at time.Time, note string) error

	Reminders(ctx context.Context, f store.ReminderFilter) ([]accounts.Reminder, error)
	Reminder(ctx context.Context, id string) (accounts.Reminder, error)
	AddReminder(ctx context.Context, r accounts.Reminder) (accounts.Reminder, error)
	SyncDerived(ctx context.Context, accountID string, desired []accounts.Reminder, now time.Time) error
	FireDue(ctx context.Context, now time.Time) ([]accounts.Reminder, error)
	SetReminderState(ctx context.Context, id string, to accounts.ReminderState, at time.Time, until *time.Time) (accounts.Reminder, error)
}

// Options configure a Service. The zero value works: no catalog (only the
// rules that need none), weekends-only working days, the language from the
// settings or the environment, the real clock.
type Options struct {
	Catalog *catalog.Catalog
	// Calendar counts working days; nil loads the embedded holiday data.
	Calendar *workdays.Calendar
	// Lang is "zh" or "en"; "" reads the store's language setting, then $UNBIND_LANG,
	// $LC_ALL, $LC_MESSAGES and $LANG.
	Lang string
	// Now is the clock of Done, Dismiss, Snooze and AddCustom.
	Now func() time.Time
}

// Service derives, lists and changes reminders over a Store. It is safe for
// concurrent use, also by several processes on one database: the store's
// transactions decide, and a reminder never fires twice.
type Service struct {
	st   Store
	cat  *catalog.Catalog
	cal  *workdays.Calendar
	lang string
	now  func() time.Time

	mu          sync.Mutex
	deactivated map[string]versionedTime // account ID → when it was deactivated
}

type versionedTime struct {
	version int64
	at      time.Time
}

// NewService returns a Service over st.
func NewService(st Store, opts Options) *Service {
	s := &Service{st: st, cat: opts.Catalog, cal: opts.Calendar, lang: opts.Lang, now: opts.Now,
		deactivated: map[string]versionedTime{}}
	if s.cal == nil {
		if cal, err := workdays.LoadDefaultCalendar(""); err == nil {
			s.cal = cal
		} else {
			s.cal = emptyCalendar
		}
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// Calendar returns the working-day calendar the rules count with.
func (s *Service) Calendar() *workdays.Calendar { return s.cal }

// Lang returns the language reminder texts are written in, "zh" or "en".
func (s *Service) Lang(ctx context.Context) string {
	if s.lang != "" {
		return catalog.Lang(s.lang)
	}
	if v, err := s.st.Language(ctx); err == nil && v != "" {
		return v
	}
	for _, env := range []string{"UNBIND_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			return catalog.Lang(v)
		}
	}
	return "en"
}

// Settings reads the settings the rules follow.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	days, err := s.st.BackupIntervalDays(ctx)
	if err != nil {
		return Settings{}, fmt.Errorf("read reminder settings: %w", err)
	}
	hour, err := s.st.DueHour(ctx)
	if err != nil {
		return Settings{}, fmt.Errorf("read reminder settings: %w", err)
	}
	return Settings{Lang: s.Lang(ctx), BackupIntervalDays: days, DueHour: hour}, nil
}

// SyncResult says what a Sync did.
type SyncResult struct {
	Accounts int // accounts looked at
	Changed  int // accounts whose reminders were added, updated or removed
}

// Sync derives every account's reminders (see Derive) and makes the store
// match them. Accounts whose stored reminders already match are not
// written, so a sync of an unchanged inventory costs three reads. Errors of
// single accounts are joined; the other accounts are still synced.
func (s *Service) Sync(ctx context.Context, now time.Time) (SyncResult, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	all, err := s.st.Accounts(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	tracks, err := s.st.AllTracks(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	stored, err := s.st.Reminders(ctx, store.ReminderFilter{})
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	byAccount := map[string][]accounts.Reminder{}
	for _, r := range stored {
		byAccount[r.AccountID] = append(byAccount[r.AccountID], r)
	}
	res := SyncResult{Accounts: len(all)}
	var errs []error
	for _, a := range all {
		changed, err := s.syncOne(ctx, a, tracks[a.ID], byAccount[a.ID], set, now)
		if err != nil {
			errs = append(errs, err)
		}
		if changed {
			res.Changed++
		}
	}
	if len(errs) > 0 {
		return res, fmt.Errorf("sync reminders: %w", errors.Join(errs...))
	}
	return res, nil
}

// SyncAccount does what Sync does for one account.
func (s *Service) SyncAccount(ctx context.Context, id string, now time.Time) error {
	set, err := s.Settings(ctx)
	if err != nil {
		return fmt.Errorf("sync reminders of %s: %w", id, err)
	}
	a, err := s.st.Account(ctx, id)
	if err != nil {
		return fmt.Errorf("sync reminders of %s: %w", id, err)
	}
	tracks, err := s.st.Tracks(ctx, id)
	if err != nil {
		return fmt.Errorf("sync reminders of %s: %w", id, err)
	}
	stored, err := s.st.Reminders(ctx, store.ReminderFilter{AccountID: id})
	if err != nil {
		return fmt.Errorf("sync reminders of %s: %w", id, err)
	}
	_, err = s.syncOne(ctx, a, tracks, stored, set, now)
	return err
}

// syncOne derives one account's reminders and writes them when they differ
// from stored (the account's reminders, any kind and state).
func (s *Service) syncOne(ctx context.Context, a accounts.Account, tracks []accounts.Track, stored []accounts.Reminder,
	set Settings, now time.Time) (bool, error) {
	in := Input{Account: a, Tracks: tracks, Calendar: s.cal, Settings: set, Now: now}
	if s.cat != nil {
		in.Platform, in.HasPlatform = s.cat.Platform(a.PlatformID)
	}
	if a.Status == accounts.StatusDeactivated {
		at, err := s.deactivatedAt(ctx, a)
		if err != nil {
			return false, fmt.Errorf("sync reminders of %s: %w", a.ID, err)
		}
		in.DeactivatedAt = at
	}
	desired := Derive(in)
	existing := map[string]accounts.Reminder{}
	for _, r := range stored {
		if r.Kind != accounts.ReminderCustom {
			existing[r.Key] = r
		}
	}
	// A prerequisite reminder keeps the due time it was first given.
	for i, d := range desired {
		if old, ok := existing[d.Key]; ok && d.Kind == accounts.ReminderPrerequisite {
			desired[i].DueAt = old.DueAt
		}
	}
	if matches(desired, existing) {
		return false, nil
	}
	if err := s.st.SyncDerived(ctx, a.ID, desired, now.UTC()); err != nil {
		return false, fmt.Errorf("sync reminders of %s: %w", a.ID, err)
	}
	return true, nil
}

// matches reports whether SyncDerived would change nothing: every desired
// reminder is stored (closed, or open with the same texts and due time) and
// no open rule-made reminder outside desired is left.
func matches(desired []accounts.Reminder, existing map[string]accounts.Reminder) bool {
	want := make(map[string]bool, len(desired))
	for _, d := range desired {
		want[d.Key] = true
		old, ok := existing[d.Key]
		if !ok {
			return false
		}
		if old.State.Open() && (old.Title != d.Title || old.Body != d.Body || !old.DueAt.Equal(d.DueAt)) {
			return false
		}
	}
	for key, old := range existing {
		if !want[key] && old.State.Open() {
			return false
		}
	}
	return true
}

// deactivatedAt finds when the account was last deactivated, from its
// history; the answer is kept until the account changes again.
func (s *Service) deactivatedAt(ctx context.Context, a accounts.Account) (time.Time, error) {
	s.mu.Lock()
	c, ok := s.deactivated[a.ID]
	s.mu.Unlock()
	if ok && c.version == a.Version {
		return c.at, nil
	}
	events, err := s.st.Events(ctx, a.ID)
	if err != nil {
		return time.Time{}, err
	}
	var at time.Time
	for _, e := range events {
		if e.Kind == accounts.EventStatus && accounts.Status(e.To) == accounts.StatusDeactivated {
			at = e.At
		}
	}
	s.mu.Lock()
	s.deactivated[a.ID] = versionedTime{a.Version, at}
	s.mu.Unlock()
	return at, nil
}
