package reminders

import (
	"fmt"
	"strings"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

// Notification text limits, in characters: notification servers show a few
// lines, and the full text is in Unbind.
const (
	maxNotifyBody = 300
	maxGroupLines = 5
)

// NotificationText is the title and body of one reminder's notification:
// the body is the reminder's up to the drafted letter (LetterSeparator),
// shortened to a few lines.
func NotificationText(r accounts.Reminder) (title, body string) {
	body, _, _ = strings.Cut(r.Body, LetterSeparator)
	body = strings.TrimSpace(body)
	if body == strings.TrimSpace(r.Title) {
		body = "" // a notification never says the same thing twice
	}
	return r.Title, truncate(body, maxNotifyBody)
}

// GroupText is the title and body of one notification for several
// reminders: "3 reminders are due" and a bullet per title.
func GroupText(rs []accounts.Reminder, lang string) (title, body string) {
	zh := catalog.Lang(lang) == "zh"
	if zh {
		title = fmt.Sprintf("%d 条提醒到期", len(rs))
	} else {
		title = fmt.Sprintf("%d reminders are due", len(rs))
	}
	var lines []string
	for i, r := range rs {
		if i == maxGroupLines && len(rs) > maxGroupLines+1 {
			if zh {
				lines = append(lines, fmt.Sprintf("……还有 %d 条，打开解绑助手查看", len(rs)-i))
			} else {
				lines = append(lines, fmt.Sprintf("… and %d more in Unbind", len(rs)-i))
			}
			break
		}
		lines = append(lines, "• "+truncate(r.Title, 80))
	}
	return title, strings.Join(lines, "\n")
}
