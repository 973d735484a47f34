// Package inventory prepares the account list for the GUI without Fyne:
// one Item per account with what the list shows and what filters need
// worked out once, and Filter/Count over plain slices, so filtering 10,000
// accounts on every keystroke stays well under a frame.
package inventory
