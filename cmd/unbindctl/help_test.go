package main

import (
	"strings"
	"testing"
)

// everyCommand is every leaf command of unbindctl, as the README lists
// them; each must answer -h and --help with its usage and exit 0.
var everyCommand = [][]string{
	{"account", "add"}, {"account", "list"}, {"account", "show"}, {"account", "delete"}, {"account", "set-status"}, {"account", "tick"},
	{"secret", "set"}, {"secret", "get"}, {"secret", "delete"},
	{"catalog", "list"}, {"catalog", "search"}, {"catalog", "show"}, {"catalog", "match"}, {"catalog", "validate"},
	{"catalog", "stats"}, {"catalog", "import-jdm"},
	{"calendar", "add-workdays"}, {"calendar", "is-workday"}, {"calendar", "import"}, {"calendar", "years"},
	{"remind", "list"}, {"remind", "done"}, {"remind", "dismiss"}, {"remind", "snooze"}, {"remind", "add"}, {"remind", "sync"},
	{"remind", "export-ics"},
	{"import"}, {"backup"}, {"restore"}, {"phone-check"}, {"report"}, {"report", "verify"}, {"demo"},
	{"account"}, {"secret"}, {"catalog"}, {"calendar"}, {"remind"},
}

func TestEveryCommandHasHelp(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range everyCommand {
		for _, flag := range []string{"-h", "--help"} {
			out, errs, code := cli(t, dir, "", append(append([]string{}, cmd...), flag)...)
			if code != 0 || !strings.Contains(strings.ToLower(out), "usage") || errs != "" {
				t.Errorf("%s %s: exit %d, stdout %.80q, stderr %q", strings.Join(cmd, " "), flag, code, out, errs)
			}
		}
	}
}
