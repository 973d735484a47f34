package tools

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
)

// phoneCheckTexts are the labels of a result view.
func phoneCheckTexts(o fyne.CanvasObject) string {
	var texts []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// seedPhoneAccounts adds, on 138 1234 5678, a JD account deleted on
// 2026-11-03, a Meituan account in cooling-off until 2026-11-20 and an
// active Taobao account.
func seedPhoneAccounts(t *testing.T, tools Deps) {
	t.Helper()
	svc := tools.service()
	ctx := ctxBackground()
	add := func(platform, name string) accounts.Account {
		a, err := svc.Add(ctx, accounts.Account{PlatformID: platform, Name: name, Phone: "13812345678", Status: accounts.StatusActive})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	deleted := time.Date(2026, 11, 3, 4, 0, 0, 0, time.UTC)
	walk := func(id string, to ...accounts.Status) {
		for _, s := range to {
			change := accounts.StatusChange{Track: accounts.TrackAccountDelete, At: deleted}
			if s == accounts.StatusCoolingOff {
				until := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
				change.CoolingUntil = &until
			}
			if _, err := svc.ChangeStatus(ctx, id, s, change); err != nil {
				t.Fatal(err)
			}
		}
	}
	walk(add("jd", "京东旧号").ID, accounts.StatusPreparing, accounts.StatusSubmitted, accounts.StatusDeactivated)
	walk(add("meituan", "美团").ID, accounts.StatusPreparing, accounts.StatusSubmitted, accounts.StatusCoolingOff)
	add("taobao", "淘宝")
}

func TestPhoneCheckPastedSMSInMainPane(t *testing.T) {
	tools, win := newToolsEnv(t, nil)
	now := time.Date(2026, 11, 10, 2, 0, 0, 0, time.UTC)
	tools.Now = func() time.Time { return now }
	seedPhoneAccounts(t, tools)
	var shownTitle string
	var shown fyne.CanvasObject
	tools.ShowInMain = func(title string, o fyne.CanvasObject) { shownTitle, shown = title, o }

	f := ShowPhoneCheck(win, tools, nil)
	if f.tabs.SelectedIndex() != 0 || !strings.Contains(phoneCheckTexts(win.Canvas().Overlays().Top()), "10699000") {
		t.Fatal("the dialog does not open on the paste box with the how-to")
	}
	// Garbage: one translated line, nothing saved.
	f.sms.SetText("【某银行】您的验证码为123456，5分钟内有效。")
	test.Tap(f.compare)
	if f.msg.text() != "No company with a count was found in this text. Paste the whole result SMS, or enter the counts by hand." || shown != nil {
		t.Errorf("garbage: %q", f.msg.text())
	}
	f.sms.SetText("【工信部反诈中心】(1/2)您查询的手机号码138****5678关联的互联网账号：京东１个，美团1个，\n【工信部反诈中心】(2/2)阿里巴巴1个，腾讯2个，共计5个账号。")
	test.Tap(f.compare)
	if !strings.Contains(f.msg.text(), "masked (138****5678)") {
		t.Errorf("masked number: %q", f.msg.text())
	}
	if checks, _ := tools.Store.PhoneChecks(ctxBackground()); len(checks) != 0 {
		t.Fatalf("refused input saved %d checks", len(checks))
	}
	f.phone.SetText("138 1234 5678")
	test.Tap(f.compare)
	if shown == nil || shownTitle != "Phone-number account check (一证通查)" {
		t.Fatalf("the result is not in the main pane: %q %q", shownTitle, f.msg.text())
	}
	w := test.NewWindow(shown)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 1400))
	all := phoneCheckTexts(shown)
	for _, want := range []string{
		"一证通查 for 138****5678",
		"The SMS reports 2 accounts for 138****5678 that Unbind does not know about, and may still count 1 you deleted.",
		"This is the first check of this number",
		"You deleted JD.com — 京东旧号 on Tue 2026-11-03: if the count still includes it, the deletion has not taken effect.",
		"1 more (deleted still counted?)",
		"Meituan — 美团 is in cooling-off until Fri 2026-11-20",
		"Tencent: the SMS reports 2, Unbind knows 0", "2 to find",
		"Alibaba Group: the SMS reports 1, Unbind knows 1",
		"Deleted in Unbind",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("result lacks %q:\n%s", want, all)
		}
	}

	// A week later the SMS no longer counts the JD account: the view says
	// what changed against the first check.
	now = now.AddDate(0, 0, 7)
	shown = nil
	f = ShowPhoneCheck(win, tools, nil)
	f.phone.SetText("13812345678")
	f.sms.SetText("京东0个、美团1个、阿里巴巴1个")
	test.Tap(f.compare)
	if shown == nil {
		t.Fatalf("second check: %q", f.msg.text())
	}
	w.SetContent(shown)
	all = phoneCheckTexts(shown)
	for _, want := range []string{
		"Compared with the previous check of this number, on Tue 2026-11-10.",
		"On Tue 2026-11-10 the SMS reported 1; now 0.",
		"JD.com — 京东旧号, deleted on Tue 2026-11-03, is not counted any more: the deletion took effect.",
		"Tencent is no longer in the SMS; the previous check listed 2.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("second result lacks %q:\n%s", want, all)
		}
	}
	if checks, _ := tools.Store.PhoneChecks(ctxBackground()); len(checks) != 2 {
		t.Errorf("saved %d checks", len(checks))
	}
}
