// Package catalog is Unbind's knowledge of the platforms people leave: for
// each one, which tracks of work exist (unbind the real name, the phone,
// third-party logins; close a shop or a membership; delete the account),
// through which channel, in what order, with which preparations, how long
// the platform reviews, and where each fact comes from.
//
// The built-in entries are JSON files embedded by package assets; a person
// adds or overrides entries with files of the same format in
// <data dir>/catalog/. Load collects every problem as a *LoadError naming
// the file, the entry and the field, and keeps loading the rest, so one bad
// file never hides the whole catalog.
package catalog
