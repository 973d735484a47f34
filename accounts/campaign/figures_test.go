package campaign_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/demo"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/assets"
)

var cst = time.FixedZone("CST", 8*3600)

func day(month time.Month, d, hour int) time.Time {
	return time.Date(2026, month, d, hour, 0, 0, 0, cst)
}

// known is a small campaign written through accounts.Service into a real
// SQLite file, read back the way the GUI and the report read it.
func known(t *testing.T) campaign.Input {
	t.Helper()
	keyring.MockInit()
	ctx := context.Background()
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := day(5, 1, 9)
	svc := accounts.NewService(st, vault.New(vault.Options{Timeout: 5 * time.Second}))
	svc.Now = func() time.Time { return clock }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	add := func(a accounts.Account) string {
		t.Helper()
		saved, err := svc.Add(ctx, a)
		must(err)
		return saved.ID
	}
	move := func(id string, to accounts.Status, track accounts.TrackKind, until *time.Time) {
		t.Helper()
		clock = clock.Add(time.Hour)
		_, err := svc.ChangeStatus(ctx, id, to, accounts.StatusChange{Track: track, CoolingUntil: until})
		must(err)
	}
	// Taobao deleted, its password still in the keyring, its real name
	// never confirmed removed.
	taobao := add(accounts.Account{PlatformID: "taobao", Name: "淘宝主号", Phone: "13812345678", RealName: true})
	must(svc.SetSecret(ctx, taobao, accounts.SecretPassword, "pw-淘宝"))
	move(taobao, accounts.StatusPreparing, "", nil)
	move(taobao, accounts.StatusSubmitted, accounts.TrackAccountDelete, nil)
	move(taobao, accounts.StatusDeactivated, accounts.TrackAccountDelete, nil)
	// Xianyu, same identity group, untouched: not blocked, phone bound.
	add(accounts.Account{PlatformID: "xianyu", Name: "闲鱼", Phone: "13812345678"})
	// JD preparing: its catalog blockers are unconfirmed, so it is blocked.
	jd := add(accounts.Account{PlatformID: "jd", Name: "京东", Phone: "13900001111", RealName: true})
	move(jd, accounts.StatusPreparing, "", nil)
	// Douyin and Meituan in cooling-off, ending on different days.
	until1, until2 := day(6, 5, 0), day(5, 28, 0)
	for _, c := range []struct {
		platform, name string
		until          *time.Time
	}{{"douyin", "抖音", &until1}, {"meituan", "美团", &until2}} {
		id := add(accounts.Account{PlatformID: c.platform, Name: c.name})
		move(id, accounts.StatusPreparing, "", nil)
		move(id, accounts.StatusSubmitted, accounts.TrackAccountDelete, nil)
		move(id, accounts.StatusCoolingOff, accounts.TrackAccountDelete, c.until)
	}
	// A kept account on a platform the catalog does not know.
	kept := add(accounts.Account{PlatformID: accounts.CustomPlatform, Name: "论坛", Phone: "13700002222"})
	move(kept, accounts.StatusKept, "", nil)

	for _, r := range []accounts.Reminder{
		{AccountID: jd, Kind: accounts.ReminderPrerequisite, Key: "a", Title: "备份订单", DueAt: day(5, 18, 9)},
		{AccountID: jd, Kind: accounts.ReminderCustom, Key: "b", Title: "打电话", DueAt: day(5, 25, 9)},
		{AccountID: kept, Kind: accounts.ReminderBackup, Key: "c", Title: "备份", DueAt: day(7, 1, 9)},
		{AccountID: kept, Kind: accounts.ReminderCustom, Key: "d", Title: "已完成", DueAt: day(5, 10, 9), State: accounts.ReminderDone},
		{AccountID: kept, Kind: accounts.ReminderCustom, Key: "e", Title: "推迟", DueAt: day(5, 2, 9),
			State: accounts.ReminderSnoozed, SnoozedUntil: ptr(day(5, 22, 9))},
	} {
		if r.State == "" {
			r.State = accounts.ReminderPending
		}
		r.CreatedAt = day(5, 1, 9)
		_, err := st.AddReminder(ctx, r)
		must(err)
	}
	in := campaign.Input{Now: day(5, 20, 10)}
	in.Accounts, err = st.Accounts(ctx)
	must(err)
	in.Tracks, err = st.AllTracks(ctx)
	must(err)
	in.Reminders, err = st.Reminders(ctx, store.ReminderFilter{OpenOnly: true})
	must(err)
	cat, errs := catalog.Load(assets.Catalog, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	in.Platforms = campaign.FromCatalog(cat)
	return in
}

func ptr[T any](v T) *T { return &v }

func names(refs []campaign.Ref) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return out
}

func TestFiguresOfAKnownInventory(t *testing.T) {
	f := campaign.Compute(known(t))
	if f.Accounts != 6 || f.Platforms != 6 {
		t.Errorf("accounts %d on %d platforms, want 6 on 6", f.Accounts, f.Platforms)
	}
	want := map[accounts.Status]int{accounts.StatusActive: 1, accounts.StatusPreparing: 1, accounts.StatusCoolingOff: 2,
		accounts.StatusDeactivated: 1, accounts.StatusKept: 1}
	if len(f.ByStatus) != len(accounts.Statuses) {
		t.Fatalf("by status lists %d statuses, want all %d", len(f.ByStatus), len(accounts.Statuses))
	}
	for _, c := range f.ByStatus {
		if c.Count != want[c.Status] {
			t.Errorf("%s: %d, want %d", c.Status, c.Count, want[c.Status])
		}
	}
	if g := f.ByGroup[0]; g.Group != "taobao" || g.Count != 2 || g.Open != 1 || !slices.Equal(g.PlatformIDs, []string{"taobao", "xianyu"}) {
		t.Errorf("largest group %+v, want taobao with taobao+xianyu, 2 accounts, 1 open", g)
	}
	if len(f.ByGroup) != 5 {
		t.Errorf("%d groups, want 5", len(f.ByGroup))
	}
	if len(f.Blocked) != 1 || f.Blocked[0].Name != "京东" || f.Blocked[0].Why == nil || f.Blocked[0].Why.Zh == "" {
		t.Errorf("blocked %+v, want only JD with the catalog's reason", f.Blocked)
	}
	if len(f.CoolingOff) != 2 || f.CoolingOff[0].Name != "美团" || !f.CoolingOff[0].Until.Equal(day(5, 28, 0)) ||
		f.CoolingOff[1].Name != "抖音" || f.CoolingOff[0].Track != accounts.TrackAccountDelete {
		t.Errorf("cooling-off %+v, want Meituan (05-28) then Douyin (06-05)", f.CoolingOff)
	}
	var dl []string
	for _, d := range f.Deadlines {
		dl = append(dl, d.Title)
	}
	if !slices.Equal(dl, []string{"备份订单", "推迟", "打电话"}) || !f.Deadlines[0].Overdue || f.Deadlines[1].Overdue {
		t.Errorf("deadlines %v (overdue %v), want the overdue one, the snoozed one at its snooze end, then the next", dl, f.Deadlines)
	}
	if got := names(f.RealNameBound); !slices.Equal(got, []string{"京东", "淘宝主号"}) {
		t.Errorf("real name bound %v: the deleted Taobao still counts until its real name is confirmed removed", got)
	}
	if got := names(f.PhoneBound); !slices.Equal(got, []string{"论坛", "京东", "闲鱼"}) {
		t.Errorf("phone bound %v: the deleted Taobao's phone went with it", got)
	}
	if got := names(f.SecretsGone); !slices.Equal(got, []string{"淘宝主号"}) {
		t.Errorf("secrets of gone accounts %v", got)
	}
	if ids := f.IDs(campaign.GroupFigure("taobao")); len(ids) != 2 {
		t.Errorf("taobao group lists %d accounts, want 2", len(ids))
	}
	if ids := f.IDs(campaign.FigureCoolingOff); len(ids) != 2 || f.IDs("nonsense") != nil {
		t.Errorf("figure IDs: cooling-off %v", ids)
	}
}

func TestSentence(t *testing.T) {
	f := campaign.Compute(known(t))
	date := func(t time.Time) string { return t.In(cst).Format("01-02") }
	platform := func(id string) string { return map[string]string{"jd": "JD"}[id] }
	en := f.Sentence(campaign.Words{Lang: "en", Date: date, Platform: platform})
	want := "6 accounts on 6 platforms: 1 active, 1 preparing, 2 in cooling-off until 05-28 and 06-05, 1 deactivated, 1 kept; " +
		"1 blocked (JD). Real name still bound: 2; phone still bound: 3. Secrets still stored for gone accounts: 1."
	if en != want {
		t.Errorf("en:\n got %s\nwant %s", en, want)
	}
	zh := f.Sentence(campaign.Words{Lang: "zh", Date: date, Platform: func(string) string { return "京东" }})
	wantZh := "6 个账号，分布在 6 个平台：使用中 1 个，准备中 1 个，冷静期中 2 个（冷静期至 05-28、06-05），已注销 1 个，保留 1 个；" +
		"受限 1 个（京东）。仍绑定实名 2 个，仍绑定手机号 3 个。已不存在的账号中有 1 个仍在钥匙串中保存着凭据。"
	if zh != wantZh {
		t.Errorf("zh:\n got %s\nwant %s", zh, wantZh)
	}
	if s := campaign.Compute(campaign.Input{}).Sentence(campaign.Words{Lang: "en"}); s != "No accounts yet." {
		t.Errorf("empty: %q", s)
	}
}

// BenchmarkCompute10k is the overview's cost at each inventory load with
// 10,000 accounts (the catalog's blockers asked for each one leaving).
// BenchmarkCompute10k is the figures of 10,000 accounts in the store's
// order (platform, name, ID), as the window hands them over at load.
func BenchmarkCompute10k(b *testing.B) {
	cat, _ := catalog.Load(assets.Catalog, "")
	accs := demo.Generate(10000)
	slices.SortFunc(accs, accounts.ListOrder)
	in := campaign.Input{Accounts: accs, Platforms: campaign.FromCatalog(cat), Now: day(5, 20, 10)}
	for b.Loop() {
		campaign.Compute(in)
	}
}

// The next deadlines are the first MaxDeadlines open reminders by due time
// (a snoozed one by its snooze end), whatever order the reminders come in;
// closed reminders and unknown accounts do not count.
func TestNextDeadlinesAreTheEarliestOpen(t *testing.T) {
	accs := []accounts.Account{{ID: "a", PlatformID: "jd", Name: "A"}, {ID: "b", PlatformID: "taobao", Name: "B"}}
	later := day(6, 1, 10)
	rs := []accounts.Reminder{
		{ID: "r1", AccountID: "a", State: accounts.ReminderPending, DueAt: day(5, 25, 10), Title: "4th"},
		{ID: "r2", AccountID: "b", State: accounts.ReminderPending, DueAt: day(5, 21, 10), Title: "2nd"},
		{ID: "r3", AccountID: "a", State: accounts.ReminderDone, DueAt: day(5, 1, 10), Title: "closed"},
		{ID: "r4", AccountID: "x", State: accounts.ReminderPending, DueAt: day(5, 1, 10), Title: "no such account"},
		{ID: "r5", AccountID: "a", State: accounts.ReminderSnoozed, DueAt: day(5, 2, 10), SnoozedUntil: &later, Title: "5th"},
		{ID: "r6", AccountID: "b", State: accounts.ReminderPending, DueAt: day(5, 22, 10), Title: "3rd"},
		{ID: "r7", AccountID: "a", State: accounts.ReminderFired, DueAt: day(5, 19, 10), Title: "1st"},
		// A tie with r6 in everything but the title: still one answer.
		{ID: "r8", AccountID: "b", State: accounts.ReminderPending, DueAt: day(5, 22, 10), Title: "3rd, tied"},
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {3, 7, 6, 0, 5, 2, 4, 1}} {
		in := campaign.Input{Accounts: accs, Now: day(5, 20, 12)}
		for _, i := range order {
			in.Reminders = append(in.Reminders, rs[i])
		}
		var got []string
		for _, d := range campaign.Compute(in).Deadlines {
			got = append(got, d.Title)
		}
		if want := []string{"1st", "2nd", "3rd"}; !slices.Equal(got, want) {
			t.Errorf("reminders in order %v: deadlines %v, want %v", order, got, want)
		}
	}
}
