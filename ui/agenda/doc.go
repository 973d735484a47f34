// Package agenda is the Agenda screen: every open reminder of every account
// in one list, grouped Overdue / Today / This week / Later in China time,
// with done, snooze and open-account on each row and the calendar export.
// It sees the app through Shell, so it can be tested over a real store
// without the main window.
package agenda
