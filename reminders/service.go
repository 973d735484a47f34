package reminders

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
)

// Store is the part of accounts/store the reminder service uses.
type Store interface {
	Accounts(ctx context.Context) ([]accounts.Account, error)
	Account(ctx context.Context, id string) (accounts.Account, error)
	Tracks(ctx context.Context, accountID string) ([]accounts.Track, error)
	AllTracks(ctx context.Context) (map[string][]accounts.Track, error)
	Events(ctx context.Context, accountID string) ([]accounts.Event, error)
	Setting(ctx context.Context, key string) (string, bool, error)
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
	Calendar *Calendar
	// Lang is "zh" or "en"; "" reads SettingLanguage, then $UNBIND_LANG,
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
	cal  *Calendar
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
		if cal, err := LoadDefaultCalendar(""); err == nil {
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
func (s *Service) Calendar() *Calendar { return s.cal }

// Lang returns the language reminder texts are written in, "zh" or "en".
func (s *Service) Lang(ctx context.Context) string {
	if s.lang != "" {
		return catalog.Lang(s.lang)
	}
	if v, ok, err := s.st.Setting(ctx, SettingLanguage); err == nil && ok && (v == "zh" || v == "en") {
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
	set := Settings{Lang: s.Lang(ctx), BackupIntervalDays: DefaultBackupIntervalDays}
	v, ok, err := s.st.Setting(ctx, SettingBackupInterval)
	if err != nil {
		return set, fmt.Errorf("read reminder settings: %w", err)
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); ok && err == nil && n > 0 {
		set.BackupIntervalDays = n
	}
	return set, nil
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

// List returns the reminders matching f, soonest first.
func (s *Service) List(ctx context.Context, f store.ReminderFilter) ([]accounts.Reminder, error) {
	rs, err := s.st.Reminders(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	return rs, nil
}

// Due returns the open reminders due at now: pending ones whose time has
// come, fired ones not yet handled, snoozed ones whose snooze is over.
func (s *Service) Due(ctx context.Context, now time.Time) ([]accounts.Reminder, error) {
	return s.List(ctx, store.ReminderFilter{OpenOnly: true, DueBy: now})
}

// Done closes a reminder as done. For a backup reminder that means the
// person just backed up: the backup is recorded on the account, and the
// next backup reminder counts from now.
func (s *Service) Done(ctx context.Context, id string) (accounts.Reminder, error) {
	now := s.now().UTC()
	r, err := s.st.SetReminderState(ctx, id, accounts.ReminderDone, now, nil)
	if err != nil {
		return r, fmt.Errorf("mark reminder done: %w", err)
	}
	if r.Kind == accounts.ReminderBackup && r.AccountID != "" {
		if err := s.st.RecordBackup(ctx, r.AccountID, now, message(s.Lang(ctx), msgBackupDone)); err != nil {
			return r, fmt.Errorf("mark reminder done: record the backup: %w", err)
		}
		if err := s.SyncAccount(ctx, r.AccountID, now); err != nil {
			return r, fmt.Errorf("mark reminder done: %w", err)
		}
	}
	return r, nil
}

// MaxSnooze is the longest snooze: longer is not a snooze but a new date.
const MaxSnooze = 366 * 24 * time.Hour

// Snooze puts a reminder off for d; it fires again when d has passed.
func (s *Service) Snooze(ctx context.Context, id string, d time.Duration) (accounts.Reminder, error) {
	if d <= 0 || d > MaxSnooze {
		return accounts.Reminder{}, fmt.Errorf("snooze reminder %s: %w", id,
			&accounts.ValidationError{Field: "duration", Problem: "must be more than 0 and at most a year"})
	}
	now := s.now().UTC()
	until := now.Add(d)
	r, err := s.st.SetReminderState(ctx, id, accounts.ReminderSnoozed, now, &until)
	if err != nil {
		return r, fmt.Errorf("snooze reminder: %w", err)
	}
	return r, nil
}

// Dismiss closes a reminder without doing it; it never comes back.
func (s *Service) Dismiss(ctx context.Context, id string) (accounts.Reminder, error) {
	r, err := s.st.SetReminderState(ctx, id, accounts.ReminderDismissed, s.now().UTC(), nil)
	if err != nil {
		return r, fmt.Errorf("dismiss reminder: %w", err)
	}
	return r, nil
}

// MaxNoteLen bounds a custom reminder's note, in characters.
const MaxNoteLen = 2000

// AddCustom adds the person's own reminder on an account, due at at, with
// note as its text (the first line is the title).
func (s *Service) AddCustom(ctx context.Context, accountID string, at time.Time, note string) (accounts.Reminder, error) {
	note = strings.TrimSpace(note)
	switch {
	case note == "":
		return accounts.Reminder{}, fmt.Errorf("add reminder: %w", &accounts.ValidationError{Field: "note", Problem: "is required"})
	case utf8.RuneCountInString(note) > MaxNoteLen:
		return accounts.Reminder{}, fmt.Errorf("add reminder: %w", &accounts.ValidationError{Field: "note", Problem: "is longer than 2000 characters"})
	case at.IsZero():
		return accounts.Reminder{}, fmt.Errorf("add reminder: %w", &accounts.ValidationError{Field: "date", Problem: "is required"})
	}
	a, err := s.st.Account(ctx, accountID)
	if err != nil {
		return accounts.Reminder{}, fmt.Errorf("add reminder: %w", err)
	}
	in := Input{Account: a, Settings: Settings{Lang: s.Lang(ctx)}}
	if s.cat != nil {
		in.Platform, in.HasPlatform = s.cat.Platform(a.PlatformID)
	}
	first, _, _ := strings.Cut(note, "\n")
	r := accounts.Reminder{
		AccountID: a.ID, Kind: accounts.ReminderCustom,
		Title: in.title(truncate(strings.TrimSpace(first), 80)), Body: note,
		DueAt: at.UTC(), CreatedAt: s.now().UTC(),
	}
	r, err = s.st.AddReminder(ctx, r)
	if err != nil {
		return r, fmt.Errorf("add reminder: %w", err)
	}
	return r, nil
}

// truncate shortens s to at most n characters, ending with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
