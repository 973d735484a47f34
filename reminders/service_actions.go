package reminders

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

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
	if err := accounts.CheckDate("at", at); err != nil {
		return accounts.Reminder{}, fmt.Errorf("add reminder: %w", err)
	}
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
