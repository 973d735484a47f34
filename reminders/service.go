package reminders

import (
	"context"
	"fmt"
	"os"
	"slices"
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
	DeactivatedAt(ctx context.Context) (map[string]time.Time, error)
	Changes(ctx context.Context) (store.ChangeMark, error)
	WriteCount(ctx context.Context) (int64, error)
	Stamp(ctx context.Context, name string) (store.DerivedStamp, bool, error)
	SetStamp(ctx context.Context, name string, st store.DerivedStamp) error
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
	// Build identifies the rules' code, so a new build derives again after
	// an up-to-date stamp of an old one; "" uses the running executable's
	// path, size and time.
	Build string
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

	fixedInputs func() string // the build, catalog and calendar, for stamps

	mu          sync.Mutex
	deactivated map[string]versionedTime // account ID → when it was deactivated
	last        *inStep                  // the last complete Sync; nil: none
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
	s.fixedInputs = sync.OnceValue(func() string { return fixedInputs(opts.Build, s.cat, s.cal) })
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
	// Skipped: nothing changed since the last complete Sync of this
	// process (no commit to the database by anyone, same settings, same
	// clock epoch) or since the store's stamp (see stampName), so nothing
	// was read or derived.
	Skipped bool
}

// Sync derives every account's reminders (see Derive) and makes the store
// match them. Accounts whose stored reminders already match are not
// written. When nothing was committed to the database since the last
// complete Sync (of this process, or stamped by any), and the settings and
// the clock epoch the rules read are the same, nothing is read or derived
// (Skipped). Errors of single accounts are joined; the other accounts are
// still synced.
func (s *Service) Sync(ctx context.Context, now time.Time) (SyncResult, error) {
	m := s.readMarks(ctx)
	set, err := s.Settings(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	if m.markErr == nil {
		if n, ok := s.skip(m.mark, set, now); ok {
			return SyncResult{Accounts: n, Skipped: true}, nil
		}
	}
	if res, ok := s.skipByStamp(ctx, m, set, now); ok {
		return res, nil
	}
	all, err := s.st.Accounts(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	tracks, err := s.st.AllTracks(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	res, err := s.syncSnapshot(ctx, now, Snapshot{Accounts: all, Tracks: tracks}, set)
	if err == nil && m.markErr == nil {
		s.remember(m.mark, set, now, res.Accounts)
	} else {
		s.forget()
	}
	if err == nil && m.countErr == nil && res.Changed == 0 {
		s.stamp(ctx, m.count, res.Accounts, set, now)
	}
	return res, err
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
	// A prerequisite reminder keeps the due time it was first given.
	for i, d := range desired {
		if old, ok := derived(stored, d.Key); ok && d.Kind == accounts.ReminderPrerequisite {
			desired[i].DueAt = old.DueAt
		}
	}
	if matches(desired, stored) {
		return false, nil
	}
	if err := s.st.SyncDerived(ctx, a.ID, desired, now.UTC()); err != nil {
		return false, fmt.Errorf("sync reminders of %s: %w", a.ID, err)
	}
	return true, nil
}

// derived finds the rule-made reminder with key among one account's
// stored reminders (a handful: a search beats building a map each sync).
func derived(stored []accounts.Reminder, key string) (accounts.Reminder, bool) {
	for i := len(stored) - 1; i >= 0; i-- {
		if r := stored[i]; r.Kind != accounts.ReminderCustom && r.Key == key {
			return r, true
		}
	}
	return accounts.Reminder{}, false
}

// matches reports whether SyncDerived would change nothing: every desired
// reminder is stored (closed, or open with the same texts and due time) and
// no open rule-made reminder outside desired is left.
func matches(desired, stored []accounts.Reminder) bool {
	for _, d := range desired {
		old, ok := derived(stored, d.Key)
		if !ok {
			return false
		}
		if old.State.Open() && (old.Title != d.Title || old.Body != d.Body || !old.DueAt.Equal(d.DueAt)) {
			return false
		}
	}
	for _, old := range stored {
		if old.Kind == accounts.ReminderCustom || !old.State.Open() {
			continue
		}
		if !slices.ContainsFunc(desired, func(d accounts.Reminder) bool { return d.Key == old.Key }) {
			return false
		}
	}
	return true
}

// loadDeactivations fills the cache deactivatedAt keeps for every
// deactivated account of all that it lacks, with one read of the history:
// the first sync after start would otherwise query once per account.
func (s *Service) loadDeactivations(ctx context.Context, all []accounts.Account) error {
	s.mu.Lock()
	missing := 0
	for i := range all {
		if a := &all[i]; a.Status == accounts.StatusDeactivated {
			if c, ok := s.deactivated[a.ID]; !ok || c.version != a.Version {
				missing++
			}
		}
	}
	s.mu.Unlock()
	if missing < 2 { // one is cheaper by its own indexed query
		return nil
	}
	at, err := s.st.DeactivatedAt(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range all {
		if a := &all[i]; a.Status == accounts.StatusDeactivated {
			s.deactivated[a.ID] = versionedTime{a.Version, at[a.ID]}
		}
	}
	return nil
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
