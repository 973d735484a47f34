package store

import (
	"errors"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

func countRows(t *testing.T, st *Store, table string) int {
	t.Helper()
	var n int
	if err := st.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportMergesAndIsIdempotent(t *testing.T) {
	st, svc := openTemp(t)
	now := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	existing, _ := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: "淘宝", Login: "Me@Example.com"})
	batch := []accounts.Account{
		{PlatformID: "taobao", Name: "淘宝网", Login: "me@example.com", Phone: "13812345678"}, // merges, fills phone
		{PlatformID: "jd", Name: "京东", Login: "+86 139-0000-1111"},
		{PlatformID: "jd", Name: "京东 again", Login: "13900001111"}, // same phone login as above
		{PlatformID: "pinduoduo", Name: "拼多多"},                     // no login: never merged
	}
	res, err := st.ImportAccounts(ctx, batch, "chrome.csv", now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Merged != 1 || res.Unchanged != 1 {
		t.Fatalf("first import: %+v", res)
	}
	if got, _ := st.Account(ctx, existing.ID); got.Phone != "13812345678" || got.Name != "淘宝" {
		t.Errorf("merge should fill empty fields only: %+v", got)
	}
	events := countRows(t, st, "events")
	res, err = st.ImportAccounts(ctx, batch[:3], "chrome.csv", now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Merged != 0 || res.Unchanged != 3 || countRows(t, st, "events") != events {
		t.Errorf("second import must change nothing: %+v, events %d → %d", res, events, countRows(t, st, "events"))
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	st, _ := openTemp(t)
	batch := []accounts.Account{
		{PlatformID: "taobao", Name: "ok", Login: "a"},
		{PlatformID: "jd", Name: "bad", Email: "not-an-email"},
	}
	_, err := st.ImportAccounts(ctx, batch, "x.csv", time.Now())
	if !errors.Is(err, accounts.ErrInvalid) {
		t.Fatalf("want a validation error, got %v", err)
	}
	if countRows(t, st, "accounts") != 0 || countRows(t, st, "events") != 0 {
		t.Error("a failed import wrote something")
	}
}

func TestInventoryRoundTrip(t *testing.T) {
	src, svc := openTemp(t)
	now := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "douyin-shop", Name: "抖音小店", Login: "shop@example.com", Seller: true})
	svc.TickStep(ctx, a.ID, accounts.TrackShopClose, accounts.PrereqKey("withdraw_balance"), true)
	svc.SetEvidence(ctx, a.ID, accounts.TrackShopClose, "DY-88", "")
	src.SyncDerived(ctx, a.ID, []accounts.Reminder{{Kind: accounts.ReminderReviewDue, Key: "review_due:shop_close", Title: "审核", DueAt: now}}, now)
	src.SavePhoneCheck(ctx, PhoneCheck{Phone: "13812345678", CheckedAt: now, Counts: map[string]int{"alibaba": 2}})
	src.SetSetting(ctx, "backup_interval_days", "60")
	inv, err := src.ExportInventory(ctx, now)
	if err != nil {
		t.Fatal(err)
	}

	dst, _ := openTemp(t)
	res, err := dst.RestoreInventory(ctx, inv, "backup.json", now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.EventsAdded != len(inv.Events) || res.RemindersAdded != 1 {
		t.Fatalf("restore into empty: %+v (backup has %d events)", res, len(inv.Events))
	}
	tr, _ := dst.Tracks(ctx, a.ID)
	if len(tr) != 1 || tr[0].Ticket != "DY-88" || !tr[0].IsDone(accounts.PrereqKey("withdraw_balance")) {
		t.Errorf("tracks not restored: %+v", tr)
	}
	if v, _, _ := dst.Setting(ctx, "backup_interval_days"); v != "60" {
		t.Errorf("setting not restored: %q", v)
	}
	if pc, _ := dst.PhoneChecks(ctx); len(pc) != 1 || pc[0].Counts["alibaba"] != 2 {
		t.Errorf("phone check not restored: %+v", pc)
	}
	again, err := dst.RestoreInventory(ctx, inv, "backup.json", now)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Merged != 0 || again.EventsAdded != 0 || again.RemindersAdded != 0 {
		t.Errorf("restoring twice must change nothing: %+v", again)
	}
	if _, err := dst.RestoreInventory(ctx, Inventory{Schema: "something/v9"}, "x", now); err == nil {
		t.Error("an unknown schema must be refused")
	}
}

func TestCustomPlatformsMergeOnlyWithinOneSite(t *testing.T) {
	st, _ := openTemp(t)
	batch := []accounts.Account{
		{PlatformID: accounts.CustomPlatform, Name: "github.com", Login: "alice"},
		{PlatformID: accounts.CustomPlatform, Name: "gitlab.com", Login: "alice"},
		{PlatformID: accounts.CustomPlatform, Name: "GitHub.com", Login: "Alice"},
	}
	res, err := st.ImportAccounts(ctx, batch, "all.csv", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Unchanged != 1 {
		t.Errorf("two sites sharing a login are two accounts; the same site twice is one: %+v", res)
	}
}
