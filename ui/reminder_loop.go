package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/reminders"
)

// newReminders is the reminder service over d's store: it derives the
// reminders from the accounts' state and changes their lifecycle.
func (u *UI) newReminders(d Deps) *reminders.Service {
	return reminders.NewService(d.Store, reminders.Options{Catalog: d.Catalog, Calendar: d.Calendar, Lang: d.Lang,
		Now: func() time.Time { return u.Now() }})
}

// startReminderLoop runs package reminders' scheduler: it syncs and fires
// due reminders at start (grouping the ones missed while Unbind was not
// running) and then every minute, and notifies through Fyne. The list is
// refreshed on the UI goroutine afterwards.
func (u *UI) startReminderLoop() { u.startReminderLoopFrom(nil) }

// startReminderLoopFrom starts the loop with a first sync from first, the
// inventory just loaded (nil: the scheduler reads it).
func (u *UI) startReminderLoopFrom(first *reminders.Snapshot) {
	ctx, cancel := context.WithCancel(u.ctx)
	u.stopLoop = cancel
	notifier := reminders.Notifier(NewNotifier(u.app))
	switch {
	case u.d.Notifier != nil:
		notifier = u.d.Notifier
	case u.d.Demo:
		// The demo's accounts are made up: nothing about them may pop up
		// on the person's desktop.
		notifier = silent{}
	}
	u.sched = reminders.NewScheduler(u.rem, notifier, reminders.SchedulerOptions{
		Now:     func() time.Time { return u.Now() },
		OnFired: func([]accounts.Reminder) { fyne.Do(u.Reload) },
	})
	done := make(chan struct{})
	u.loopDone = done
	go func() {
		defer close(done)
		u.sched.RunFrom(ctx, first)
	}()
}

// restartScheduler points the scheduler at new data (demo on and off).
func (u *UI) restartScheduler() {
	if u.stopLoop != nil {
		u.stopLoop()
		u.startReminderLoop()
	}
}

// syncReminders derives one account's reminders again after a change,
// so its Reminders tab is current at once rather than at the next check.
func (u *UI) syncReminders(id string) {
	if err := u.rem.SyncAccount(u.ctx, id, u.Now()); err != nil {
		fyne.LogError("sync reminders", err)
	}
}
