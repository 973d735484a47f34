package reminders_test

import (
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
)

func TestDraftLetterBlanks(t *testing.T) {
	l := reminders.DraftLetter("en", reminders.LetterInput{
		Platform: catalog.Text{Zh: "淘宝"}, Track: accounts.TrackRealNameUnbind,
		SubmittedAt: cst(2026, 3, 2, 10, 0), Workdays: 15, Date: cst(2026, 3, 23, 10, 0),
	})
	if !strings.Contains(l.Body, "ticket number: ________") || !strings.Contains(l.Body, "the account ________") ||
		!strings.Contains(l.Body, "of 淘宝:") || strings.Contains(l.Body, "reviews such requests") || l.Lang != "en" {
		t.Errorf("letter without details:\n%s", l)
	}
	zh := reminders.DraftLetter("zh", reminders.LetterInput{Platform: catalog.Text{Zh: "淘宝", En: "Taobao"},
		Track: accounts.TrackRealNameUnbind, Account: "13812345678", Ticket: "A1", SubmittedAt: cst(2026, 3, 2, 10, 0),
		Workdays: 15, Date: cst(2026, 3, 23, 10, 0), Name: "李雷"})
	for _, want := range []string{"淘宝客户服务", "解除实名认证申请", "受理编号：A1", "涉及账号：13812345678。", "申请人：李雷", "日期：2026年3月23日"} {
		if !strings.Contains(zh.Body, want) && !strings.Contains(zh.Subject, want) {
			t.Errorf("zh letter lacks %q:\n%s", want, zh)
		}
	}
}

// The GUI drafts the letter to send from the account's state, with the
// full login.
func TestNewLetterInput(t *testing.T) {
	in := rulesInput(t, accounts.StatusSubmitted)
	tr := submitted(accounts.TrackAccountDelete, cst(2026, 9, 30, 15, 30), "TB-123")
	li, cov := reminders.NewLetterInput(in, tr)
	if !cov.Complete() || li.Ticket != "TB-123" || li.Account != "b***@example.com" || !li.Masked ||
		li.Platform != (catalog.Text{Zh: "好店", En: "GoodShop"}) || li.ReviewWorkdays != 3 ||
		workdays.FormatDate(li.ReviewDue) != "2026-10-10" || workdays.FormatDate(li.Date) != "2026-10-27" {
		t.Fatalf("letter input %+v, %v", li, cov)
	}
	li.Account, li.Masked = in.Account.Login, false
	zh := reminders.DraftLetter("zh", li)
	if !strings.Contains(zh.Body, "涉及账号：buyer@example.com。") || strings.Contains(zh.Body, "打码") {
		t.Errorf("letter with the full login:\n%s", zh)
	}
	if _, cov := reminders.NewLetterInput(in, submitted(accounts.TrackAccountDelete, cst(2027, 5, 6, 9, 0), "")); cov.Complete() {
		t.Error("a 2027 submission should report missing holiday data")
	}
}
