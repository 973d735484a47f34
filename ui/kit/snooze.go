package kit

import (
	"time"

	"fyne.io/fyne/v2/lang"
)

// Snoozes are the snooze choices offered wherever a reminder can be put
// off (an account's Reminders tab, the agenda), with SnoozeLabels' names.
var Snoozes = []time.Duration{24 * time.Hour, 3 * 24 * time.Hour, 7 * 24 * time.Hour}

// SnoozeLabels names Snoozes, in the same order.
func SnoozeLabels() []string { return []string{lang.L("1 day"), lang.L("3 days"), lang.L("1 week")} }
