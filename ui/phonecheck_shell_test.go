package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

// The 一证通查 result takes the main pane, stays there while the data
// reloads (saving the check reloads it), and Back returns to the list.
func TestPhoneCheckResultInMainPane(t *testing.T) {
	u := newTestUI(t, nil)
	add(t, u, accounts.Account{PlatformID: "jd", Name: "京东", Phone: "13812345678", Status: accounts.StatusActive})
	u.showAgenda() // the check opened from the agenda replaces it too
	u.onPhoneCheck()
	dlg := uitest.Top(u.win)
	sms := uitest.Find(dlg, func(e *kit.Entry) bool { return e.MultiLine })
	if sms == nil {
		t.Fatal("the dialog has no box to paste the SMS")
	}
	sms.SetText("手机号13812345678：京东1个，腾讯2个")
	test.Tap(uitest.Button(dlg, "Compare and save"))
	if u.toolView == nil || len(u.body.Objects) != 1 || u.body.Objects[0] != u.toolView {
		t.Fatal("the result is not in the main pane")
	}
	if !u.body.Visible() {
		t.Error("the result is not shown")
	}
	if uitest.Top(u.win) != nil {
		t.Error("the dialog is still open over the result")
	}
	if uitest.Find(u.toolView, func(l *widget.Label) bool { return l.Text == "Tencent: the SMS reports 2, Unbind knows 0" }) == nil {
		t.Error("the result view does not show Tencent's difference")
	}
	u.Reload()
	if u.body.Objects[0] != u.toolView {
		t.Error("a reload replaced the result")
	}
	test.Tap(uitest.Button(u.toolView, "Back to the accounts"))
	if u.toolView != nil || u.body.Objects[0] != u.main || u.views.current != viewAccounts {
		t.Error("Back did not return to the accounts")
	}
	// A language switch drops a result worded in the old language.
	u.showInMain("x", widget.NewLabel("x"))
	u.switchLanguage(kit.LangZh)
	defer u.switchLanguage(kit.LangEn)
	if u.toolView != nil || u.body.Objects[0] != u.main {
		t.Error("the result in the old language survived the switch")
	}
}
