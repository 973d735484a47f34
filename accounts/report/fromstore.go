package report

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
)

// SettingBackupIntervalDays is the store setting holding the person's
// backup interval in whole days: the same one the reminders and the GUI
// use, so the report judges backups by the interval the person set.
const SettingBackupIntervalDays = reminders.SettingBackupInterval

// FromStore gathers the report's Input from st: every account and its
// tracks, the events of opts' period and the open reminders. Platforms and
// Workdays are the caller's to set (FromCatalog, FromCalendar). It never
// touches the keyring.
func FromStore(ctx context.Context, st *store.Store, opts Options) (Input, error) {
	var in Input
	var err error
	if in.Accounts, err = st.Accounts(ctx); err != nil {
		return in, fmt.Errorf("gather report data: %w", err)
	}
	if in.Tracks, err = st.AllTracks(ctx); err != nil {
		return in, fmt.Errorf("gather report data: %w", err)
	}
	if in.Events, err = st.EventsBetween(ctx, opts.Since, opts.Until); err != nil {
		return in, fmt.Errorf("gather report data: %w", err)
	}
	if in.Reminders, err = st.Reminders(ctx, store.ReminderFilter{OpenOnly: true}); err != nil {
		return in, fmt.Errorf("gather report data: %w", err)
	}
	return in, nil
}

// BackupInterval reads the person's backup interval from st; zero (use
// DefaultBackupInterval) when it was never set.
func BackupInterval(ctx context.Context, st *store.Store) (time.Duration, error) {
	v, ok, err := st.Setting(ctx, SettingBackupIntervalDays)
	if err != nil || !ok {
		return 0, err
	}
	days, err := strconv.Atoi(v)
	if err != nil || days <= 0 {
		return 0, fmt.Errorf("setting %s: %q is not a number of days", SettingBackupIntervalDays, v)
	}
	return time.Duration(days) * 24 * time.Hour, nil
}
