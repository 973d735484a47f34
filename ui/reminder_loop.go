package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/reminders"
)

// reminderInterval is how often due reminders are looked for.
const reminderInterval = time.Minute

// startReminderLoop fires due reminders at start and then every minute,
// sends them as notifications and refreshes the list. Deps.RunScheduler
// (package reminders' scheduler) replaces the built-in loop when set.
func (u *UI) startReminderLoop() {
	ctx, cancel := context.WithCancel(u.ctx)
	u.stopLoop = cancel
	notifier := reminders.Notifier(NewNotifier(u.app))
	if u.d.Notifier != nil {
		notifier = u.d.Notifier
	}
	onFired := func() { fyne.Do(u.Reload) }
	if u.d.RunScheduler != nil {
		go u.d.RunScheduler(ctx, notifier, onFired)
		return
	}
	go func() {
		t := time.NewTicker(reminderInterval)
		defer t.Stop()
		for {
			if n := u.fireDue(ctx, notifier); n > 0 {
				onFired()
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// fireDue marks due reminders fired (the store makes sure each fires once,
// even with the CLI running too) and notifies: one notification for one
// reminder, one grouped notification for several (e.g. after a restart).
func (u *UI) fireDue(ctx context.Context, n reminders.Notifier) int {
	st := u.d.Store
	fired, err := st.FireDue(ctx, u.Now())
	if err != nil || len(fired) == 0 {
		return 0
	}
	title, body := groupNotification(fired)
	_ = n.Notify(title, body)
	return len(fired)
}

func groupNotification(fired []accounts.Reminder) (title, body string) {
	if len(fired) == 1 {
		return fired[0].Title, fired[0].Body
	}
	titles := make([]string, 0, len(fired))
	for i, r := range fired {
		if i == 5 {
			titles = append(titles, lang.L("and {{.N}} more", map[string]int{"N": len(fired) - 5}))
			break
		}
		titles = append(titles, "• "+r.Title)
	}
	return lang.L("Unbind: {{.N}} reminders are due", map[string]int{"N": len(fired)}), strings.Join(titles, "\n")
}
