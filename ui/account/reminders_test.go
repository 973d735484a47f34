package account

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/unbindapp/unbind/accounts"
)

// The Reminders tab counts the open reminders and marks one done or
// snoozes it.
func TestRemindersTabDoneAndSnooze(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "meituan", Name: "Meituan"})
	for _, note := range []string{"Check the deletion", "Back up"} {
		if _, err := u.rem.AddCustom(ctx, a.ID, time.Now().Add(-time.Hour), note); err != nil {
			t.Fatal(err)
		}
	}
	u.selectAccount(a.ID)
	if len(u.detail.rems.rows) < 2 || !strings.HasPrefix(u.detail.remTab.Text, "Reminders (") {
		t.Fatalf("tab %q, %d rows", u.detail.remTab.Text, len(u.detail.rems.rows))
	}
	var done, snoozed string
	for id, row := range u.detail.rems.rows {
		r, _ := u.st.Reminder(ctx, id)
		if r.Kind != accounts.ReminderCustom {
			continue
		}
		if done == "" {
			done = id
			test.Tap(row.done)
		} else {
			snoozed = id
			row.snooze.SetSelectedIndex(0)
		}
	}
	if r, _ := u.st.Reminder(ctx, done); r.State != accounts.ReminderDone {
		t.Errorf("reminder is %s after Done", r.State)
	}
	if r, _ := u.st.Reminder(ctx, snoozed); r.State != accounts.ReminderSnoozed || r.SnoozedUntil == nil {
		t.Errorf("reminder is %s after snoozing", r.State)
	}
}
