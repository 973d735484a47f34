package reminders_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
)

// cst builds an instant in China time.
func cst(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, workdays.ChinaTime)
}

// rulesPlatform is a small platform with every case the rules distinguish:
// an irreversible deletion with a review window and a seller-only
// prerequisite, an irreversible shop closure, and a reversible track.
func rulesPlatform() catalog.Platform {
	pre := func(id, zh, en string) catalog.Prerequisite {
		return catalog.Prerequisite{ID: id, Text: catalog.Text{Zh: zh, En: en}}
	}
	return catalog.Platform{
		ID: "shop", Names: catalog.Text{Zh: "好店", En: "GoodShop"},
		Tracks: []catalog.Track{
			{Kind: accounts.TrackPhoneUnbind, Prerequisites: []catalog.Prerequisite{pre("prepare_new_phone", "准备新手机号", "Have a new number")}},
			{Kind: accounts.TrackShopClose, Irreversible: true, Prerequisites: []catalog.Prerequisite{
				pre(catalog.RefundDeposit, "申请退回保证金", "Claim the deposit back"),
				pre(catalog.ShipPendingOrders, "发完所有订单", "Ship every order"),
			}},
			{Kind: accounts.TrackAccountDelete, Irreversible: true, ReviewWorkdays: &catalog.Workdays{Min: 1, Max: 3},
				Loses: catalog.Text{Zh: "全部订单", En: "every order"},
				Prerequisites: []catalog.Prerequisite{
					pre(catalog.BackupOrders, "备份订单记录", "Back up your order history"),
					pre(catalog.WithdrawBalance, "提取余额", "Withdraw your balance"),
					pre(catalog.UnbindThirdParty, "解绑微信登录", "Unbind WeChat login"),
					pre(catalog.CloseShop, "如开过店，先关店", "Close your shop first"),
				}},
		},
	}
}

var rulesNow = cst(2026, 9, 1, 15, 0)

func rulesInput(t *testing.T, status accounts.Status, tracks ...accounts.Track) reminders.Input {
	t.Helper()
	return reminders.Input{
		Account: accounts.Account{ID: "acc-1", PlatformID: "shop", Name: "主号", Login: "buyer@example.com",
			Phone: "13812345678", RealName: true, Status: status, CreatedAt: cst(2025, 1, 1, 9, 0), Version: 1},
		Tracks:   tracks,
		Platform: rulesPlatform(), HasPlatform: true,
		Calendar: embedded(t),
		Settings: reminders.Settings{Lang: "en"},
		Now:      rulesNow,
	}
}

func keys(rs []accounts.Reminder) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Key
	}
	slices.Sort(out)
	return out
}

func byKey(t *testing.T, rs []accounts.Reminder, key string) accounts.Reminder {
	t.Helper()
	for _, r := range rs {
		if r.Key == key {
			return r
		}
	}
	t.Fatalf("no reminder %s among %v", key, keys(rs))
	return accounts.Reminder{}
}

func TestPrerequisiteReminders(t *testing.T) {
	deleteKeys := []string{"prerequisite:account_delete:backup_orders", "prerequisite:account_delete:unbind_third_party",
		"prerequisite:account_delete:withdraw_balance"}

	if got := reminders.Derive(rulesInput(t, accounts.StatusActive)); len(got) != 0 {
		t.Errorf("an active account nobody works on got %v", keys(got))
	}

	in := rulesInput(t, accounts.StatusPreparing)
	got := reminders.Derive(in)
	if !reflect.DeepEqual(keys(got), deleteKeys) {
		t.Errorf("preparing, not a seller: %v, want %v", keys(got), deleteKeys)
	}
	r := byKey(t, got, "prerequisite:account_delete:backup_orders")
	if r.Kind != accounts.ReminderPrerequisite || r.AccountID != "acc-1" || r.Title != "GoodShop (主号): Back up your order history" {
		t.Errorf("reminder = %+v", r)
	}
	if !strings.Contains(r.Body, "account deletion") || !strings.Contains(r.Body, "You lose: every order") {
		t.Errorf("body = %q", r.Body)
	}
	if want := cst(2026, 9, 2, 10, 0); !r.DueAt.Equal(want) || r.DueAt.Location() != time.UTC {
		t.Errorf("due %v, want %v in UTC", r.DueAt, want)
	}

	// A seller also gets the shop's prerequisites.
	in.Account.Seller = true
	got = reminders.Derive(in)
	want := append(slices.Clone(deleteKeys), "prerequisite:account_delete:close_shop",
		"prerequisite:shop_close:refund_deposit", "prerequisite:shop_close:ship_pending_orders")
	slices.Sort(want)
	if !reflect.DeepEqual(keys(got), want) {
		t.Errorf("preparing seller: %v, want %v", keys(got), want)
	}

	// Ticking a prerequisite removes its reminder; ticking a step leaves
	// the others.
	in.Account.Seller = false
	in.Tracks = []accounts.Track{{Kind: accounts.TrackAccountDelete, Done: map[string]time.Time{
		accounts.PrereqKey(catalog.BackupOrders): rulesNow, accounts.StepKey(0): rulesNow}}}
	if got := keys(reminders.Derive(in)); slices.Contains(got, "prerequisite:account_delete:backup_orders") || len(got) != 2 {
		t.Errorf("after ticking backup_orders: %v", got)
	}

	// Active again but with ticks: still preparing in fact.
	in.Account.Status = accounts.StatusActive
	if got := keys(reminders.Derive(in)); len(got) != 2 {
		t.Errorf("active with ticks: %v, want the 2 unmet prerequisites", got)
	}

	// Submitted: too late for prerequisites.
	sub := cst(2026, 9, 1, 16, 0)
	in.Account.Status = accounts.StatusSubmitted
	in.Tracks[0].SubmittedAt = &sub
	for _, r := range reminders.Derive(in) {
		if r.Kind == accounts.ReminderPrerequisite {
			t.Errorf("submitted account still has %s", r.Key)
		}
	}

	// Chinese titles use the catalog's Chinese names.
	zh := rulesInput(t, accounts.StatusPreparing)
	zh.Settings.Lang = "zh_CN.UTF-8"
	r = byKey(t, reminders.Derive(zh), "prerequisite:account_delete:withdraw_balance")
	if r.Title != "好店（主号）：提取余额" || !strings.Contains(r.Body, "注销账号之前") {
		t.Errorf("zh reminder: %q / %q", r.Title, r.Body)
	}
}

func submitted(kind accounts.TrackKind, at time.Time, ticket string) accounts.Track {
	return accounts.Track{Kind: kind, SubmittedAt: &at, Ticket: ticket, Done: map[string]time.Time{}}
}

// Submitted on the last working day before National Day 2026 (10-01…10-07
// off, Saturday 10-10 a make-up working day): 3 working days end on 10-10.
func TestReviewDueAcrossNationalDay(t *testing.T) {
	sub := cst(2026, 9, 30, 15, 30)
	in := rulesInput(t, accounts.StatusSubmitted, submitted(accounts.TrackAccountDelete, sub, "TB-123"))
	got := reminders.Derive(in)
	want := []string{"escalation:account_delete:20260930T073000Z", "review_due:account_delete:20260930T073000Z"}
	if !reflect.DeepEqual(keys(got), want) {
		t.Fatalf("keys %v, want %v", keys(got), want)
	}
	r := byKey(t, got, want[1])
	if !r.DueAt.Equal(cst(2026, 10, 10, 10, 0)) {
		t.Errorf("review due %v, want 2026-10-10 10:00 CST", r.DueAt.In(workdays.ChinaTime))
	}
	if r.Kind != accounts.ReminderReviewDue || !strings.Contains(r.Body, "2026-10-10") || !strings.Contains(r.Body, "1–3 working days") ||
		!strings.Contains(r.Body, "TB-123") || strings.Contains(r.Body, "holiday data") {
		t.Errorf("review reminder: %q / %q", r.Title, r.Body)
	}

	// Under review keeps them; a resubmission is a new occurrence.
	in.Account.Status = accounts.StatusUnderReview
	if got := keys(reminders.Derive(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("under review: %v", got)
	}
	in.Tracks = []accounts.Track{submitted(accounts.TrackAccountDelete, cst(2026, 10, 12, 9, 0), "")}
	if got := keys(reminders.Derive(in)); slices.Contains(got, want[1]) || len(got) != 2 {
		t.Errorf("after resubmitting: %v", got)
	}

	// Completed, rejected or deactivated: no review reminders.
	done := cst(2026, 10, 9, 12, 0)
	in.Tracks[0].CompletedAt = &done
	if got := reminders.Derive(in); len(got) != 0 {
		t.Errorf("completed track: %v", keys(got))
	}
	in.Tracks[0].CompletedAt = nil
	in.Account.Status = accounts.StatusRejected
	if got := reminders.Derive(in); len(got) != 0 {
		t.Errorf("rejected: %v", keys(got))
	}
}

func TestEscalationLetter(t *testing.T) {
	sub := cst(2026, 9, 30, 15, 30)
	for _, lang := range []string{"zh", "en"} {
		in := rulesInput(t, accounts.StatusSubmitted, submitted(accounts.TrackAccountDelete, sub, "TB-123"))
		in.Settings.Lang = lang
		r := byKey(t, reminders.Derive(in), "escalation:account_delete:20260930T073000Z")
		// 15 working days after 09-30: 10-08, 09, 10 (make-up), 12–16, 19–23, 26, 27.
		if !r.DueAt.Equal(cst(2026, 10, 27, 10, 0)) {
			t.Errorf("%s: escalation due %v, want 2026-10-27 10:00 CST", lang, r.DueAt.In(workdays.ChinaTime))
		}
		for _, want := range []string{
			"好店", "GoodShop", "TB-123", "2026年9月30日", "2026-09-30", "2026年10月27日", "2026-10-27",
			"2026年10月10日", "2026-10-10", "个人信息保护法", "第四十七条", "电子商务法", "第二十四条",
			"Article 47", "Article 24", "b***@example.com",
		} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("%s: escalation body lacks %q:\n%s", lang, want, r.Body)
			}
		}
		if strings.Contains(r.Body, "buyer@example.com") {
			t.Errorf("%s: the body spells out the login", lang)
		}
		// The person's language comes first.
		zhAt, enAt := strings.Index(r.Body, "催告函"), strings.Index(r.Body, "Request to complete")
		if (lang == "zh") != (zhAt < enAt) {
			t.Errorf("%s: letters in the wrong order (zh at %d, en at %d)", lang, zhAt, enAt)
		}
		title, body := reminders.NotificationText(r)
		if title != r.Title || strings.Contains(body, "Article 47") || strings.Contains(body, "第四十七条") || body == "" {
			t.Errorf("%s: notification %q / %q should stop before the letter", lang, title, body)
		}
	}
}

func TestCoverageWarningInBody(t *testing.T) {
	sub := cst(2027, 3, 1, 10, 0) // no 2027 holiday data is embedded
	for _, lang := range []string{"en", "zh"} {
		in := rulesInput(t, accounts.StatusSubmitted, submitted(accounts.TrackAccountDelete, sub, ""))
		in.Settings.Lang = lang
		for _, r := range reminders.Derive(in) {
			if !strings.Contains(r.Body, "holiday data for 2027 is missing") {
				t.Errorf("%s %s: body does not warn of the missing year:\n%s", lang, r.Key, r.Body)
			}
		}
	}
}

// embedded loads the shipped holiday data only.
func embedded(t testing.TB) *workdays.Calendar {
	t.Helper()
	c, err := workdays.LoadDefaultCalendar("")
	if err != nil {
		t.Fatalf("LoadDefaultCalendar: %v", err)
	}
	return c
}

// The person's chosen hour moves every rule-made reminder to that hour in
// Beijing; an hour outside the offered range falls back to 10:00.
func TestRemindersFallDueAtTheChosenHour(t *testing.T) {
	sub := cst(2026, 9, 30, 15, 30)
	for hour, want := range map[int]int{15: 15, 0: 10, 3: 10, 22: 22} {
		in := rulesInput(t, accounts.StatusSubmitted, submitted(accounts.TrackAccountDelete, sub, "TB-123"))
		in.Settings.DueHour = hour
		for _, r := range reminders.Derive(in) {
			if got := r.DueAt.In(workdays.ChinaTime); got.Hour() != want || got.Minute() != 0 {
				t.Errorf("due hour %d: %s falls due at %s, want %02d:00 CST", hour, r.Key, got.Format("15:04"), want)
			}
		}
	}
}
