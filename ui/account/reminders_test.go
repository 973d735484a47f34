package account

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
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

// The request letter is shown as a Paragraph, broken by the typesetting
// rules, and Copy copies the letter itself, without the display's breaks.
func TestRequestLetterCopiesTheLetter(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "tmall", Name: "Tmall"})
	zh := "尊敬的客服：我于 2026-12-01 提交了实名解绑申请（工单号 2026120700123456），至今已超过承诺的审核期限。请尽快处理，谢谢。"
	en := "Dear customer service: I applied to unbind my real name on 2026-12-01 (ticket 2026120700123456) and the review is overdue."
	if _, err := u.st.AddReminder(ctx, accounts.Reminder{AccountID: a.ID, Kind: accounts.ReminderCustom, Title: "Escalate",
		Body: "Write to them." + reminders.LetterSeparator + zh + reminders.LetterSeparator + en, DueAt: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	u.selectAccount(a.ID)
	var letter *widget.Button
	for _, row := range u.detail.rems.rows {
		if row.letter != nil {
			letter = row.letter
		}
	}
	if letter == nil {
		t.Fatal("no Request letter button")
	}
	test.Tap(letter)
	top := uitest.Top(u.win)
	p := uitest.Find(top, func(p *kit.Paragraph) bool { return strings.Contains(p.Text(), "工单号 2026120700123456") })
	if p == nil {
		t.Fatalf("the letter dialog shows no paragraph with the letter: %q", uitest.Texts(top))
	}
	test.Tap(uitest.Button(top, "Copy"))
	if got, want := u.app.Clipboard().Content(), zh+"\n\n"+en; got != want {
		t.Errorf("Copy copied %q, want %q", got, want)
	}
}
