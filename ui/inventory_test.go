package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestEmptyStateThenAddAccountShowsInList(t *testing.T) {
	u := newTestUI(t, nil)
	if u.body.Objects[0] != u.empty {
		t.Fatal("a new data folder should show the empty state")
	}
	test.Tap(uitest.Button(u.empty, "Add account"))
	form := uitest.Top(u.win)
	if form == nil {
		t.Fatal("Add account did not open the form")
	}
	entry := func(placeholder string) *kit.Entry {
		e := uitest.Find(form, func(e *kit.Entry) bool { return e.PlaceHolder == placeholder })
		if e == nil {
			t.Fatalf("the form has no field %q", placeholder)
		}
		return e
	}
	// The platform picker searches the catalog in both languages.
	test.Tap(uitest.Button(form, "Choose a platform…"))
	picker := uitest.Top(u.win)
	search := uitest.Find(picker, func(e *kit.Entry) bool { return strings.HasPrefix(e.PlaceHolder, "Search platforms") })
	test.Type(search, "淘宝")
	list := uitest.Find(picker, func(*widget.List) bool { return true })
	if list == nil || list.Length() == 0 {
		t.Fatal("picker search 淘宝 found nothing")
	}
	list.Select(0)
	name := entry("e.g. Taobao main account")
	if uitest.Top(u.win) != form || name.Text != "Taobao" {
		t.Fatalf("after picking: name %q (picker still open: %t)", name.Text, uitest.Top(u.win) != form)
	}
	name.SetText("")
	test.Type(name, "Taobao main")
	phone := entry("13812345678")
	test.Type(phone, "138-1234-ab")
	if err := phone.Validate(); err == nil {
		t.Error("a phone with letters passed validation")
	}
	phone.SetText("")
	test.Type(phone, "13812345678")
	if err := phone.Validate(); err != nil {
		t.Errorf("valid phone refused: %v", err)
	}
	test.Type(entry("User name, phone or e-mail you log in with"), "chen_xiaoyu")
	uitest.Find(form, func(c *widget.Check) bool { return strings.HasPrefix(c.Text, "Verified with my real name") }).SetChecked(true)
	test.Tap(uitest.Button(form, "Save"))

	if len(u.items) != 1 || u.inv.list.Length() != 1 {
		t.Fatalf("list has %d items, want 1", u.inv.list.Length())
	}
	if u.body.Objects[0] != u.main || u.views.current != viewAccounts {
		t.Errorf("the list did not replace the empty state (view %q): the new account should be shown", u.views.current)
	}
	row := uitest.Find(u.inv.list, func(r *accountRow) bool { return r.name.Text == "Taobao main" })
	if row == nil {
		t.Fatal("no list row shows the new account")
	}
	if row.sub.Text != "Taobao · c******u" || row.status.Text() != "Active" {
		t.Errorf("row shows %q / %q", row.sub.Text, row.status.Text())
	}
	if got := u.items[0].Account; got.PlatformID != "taobao" || !got.RealName || got.Login != "chen_xiaoyu" {
		t.Errorf("saved %+v", got)
	}
	if u.detail.ID() != u.items[0].Account.ID {
		t.Error("the new account is not shown on the right")
	}
}

func TestFilterAndSearch(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	tb := add(t, u, accounts.Account{PlatformID: "taobao", Name: "淘宝主号", Login: "chen_xiaoyu", Phone: "138 1234 5678", RealName: true})
	add(t, u, accounts.Account{PlatformID: "jd", Name: "JD Plus", Login: "jd@example.com"})
	dd := add(t, u, accounts.Account{PlatformID: "dangdang", Name: "Books", Phone: "13900001111"})
	if _, err := u.svc.ChangeStatus(ctx, dd.ID, accounts.StatusKept, accounts.StatusChange{}); err != nil {
		t.Fatal(err)
	}
	if _, err := u.d.Store.AddReminder(ctx, accounts.Reminder{AccountID: dd.ID, Kind: accounts.ReminderCustom,
		Title: "back up", DueAt: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	u.Reload()
	shown := func() int { return u.inv.list.Length() }
	if shown() != 3 {
		t.Fatalf("%d shown", shown())
	}
	for _, c := range []struct{ text, want string }{
		{"taobao", tb.ID}, {"淘宝", tb.ID}, {"1381234", tb.ID}, {"example.com", ""}, {"当当", dd.ID},
	} {
		u.inv.search.SetText("")
		test.Type(u.inv.search, c.text)
		if c.want == "" {
			if shown() != 1 || u.items[u.shown[0]].Account.PlatformID != "jd" {
				t.Errorf("search %q: %d shown", c.text, shown())
			}
			continue
		}
		if shown() != 1 || u.items[u.shown[0]].Account.ID != c.want {
			t.Errorf("search %q: %d shown", c.text, shown())
		}
	}
	u.inv.search.SetText("")
	u.inv.setStatus(accounts.StatusKept)
	if shown() != 1 || u.inv.summary.Text != "1 of 3 accounts" {
		t.Errorf("status filter: %d shown, summary %q", shown(), u.inv.summary.Text)
	}
	u.inv.setStatus(accounts.StatusKept) // tapping the same badge again clears it
	test.Tap(u.inv.realName)
	if shown() != 1 || u.items[u.shown[0]].Account.ID != tb.ID {
		t.Errorf("real-name filter: %d shown", shown())
	}
	test.Tap(u.inv.realName)
	test.Tap(u.inv.due)
	if shown() != 1 || u.items[u.shown[0]].Account.ID != dd.ID {
		t.Errorf("reminders-due filter: %d shown", shown())
	}
	test.Tap(u.inv.due)
	u.inv.platform.SetSelected("JD.com")
	if shown() != 1 {
		t.Errorf("platform filter: %d shown (options %v)", shown(), u.inv.platform.Options)
	}
	if len(u.inv.counts.Objects) != 2 { // Active 2, Kept 1
		t.Errorf("%d count badges, want 2", len(u.inv.counts.Objects))
	}
}
