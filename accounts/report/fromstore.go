package report

import (
	"context"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
)

// FromStore gathers the report's Input from st: every account and its
// tracks, the events of opts' period and the open reminders. Platforms and
// Calendar are the caller's to set (FromCatalog, the loaded calendar). It never
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
	if in.Evidence, err = st.EvidenceFiles(ctx, ""); err != nil {
		return in, fmt.Errorf("gather report data: %w", err)
	}
	return in, nil
}

// BackupInterval reads the person's backup interval from st (the store's
// one reader, which falls back to store.DefaultBackupIntervalDays).
func BackupInterval(ctx context.Context, st *store.Store) (time.Duration, error) {
	days, err := st.BackupIntervalDays(ctx)
	if err != nil {
		return 0, err
	}
	return time.Duration(days) * 24 * time.Hour, nil
}
