// Package reminders turns account state and the platform catalog into
// reminders with working-day deadlines (counted by accounts/workdays), fires
// them through a Notifier it owns, and exports them as an ICS calendar.
package reminders
