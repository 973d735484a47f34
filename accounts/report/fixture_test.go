package report_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/assets"
)

// cst is China time, where the fixture's story happens.
var cst = time.FixedZone("CST", 8*3600)

// fixtureNow is the moment every golden report describes: Wednesday
// 2026-05-20 10:00 China time.
var fixtureNow = time.Date(2026, 5, 20, 10, 0, 0, 0, cst)

// fixture is the fixed data set: a real SQLite store in a temporary folder,
// written through accounts.Service with a fixed clock, with a distinctive
// secret in the (mock) keyring for every account.
type fixture struct {
	st      *store.Store
	secrets []string // every secret value stored
	in      report.Input
}

func at(month time.Month, day, hour int) time.Time {
	return time.Date(2026, month, day, hour, 0, 0, 0, cst)
}

// newFixture builds the data set. Account IDs in the Input are replaced by
// stable ones (acct-01 …, in creation order) so golden files do not change
// with the random UUIDs.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	keyring.MockInit()
	ctx := context.Background()
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st}
	clock := at(3, 2, 9)
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
		clock = clock.Add(time.Hour)
		saved, err := svc.Add(ctx, a)
		must(err)
		secret := fmt.Sprintf("S3cr3t-%d-密码-%s-ZQX", len(f.secrets), a.PlatformID)
		must(svc.SetSecret(ctx, saved.ID, accounts.SecretPassword, secret))
		f.secrets = append(f.secrets, secret)
		return saved.ID
	}
	move := func(id string, when time.Time, to accounts.Status, track accounts.TrackKind, note, evidence string) {
		t.Helper()
		clock = when
		_, err := svc.ChangeStatus(ctx, id, to, accounts.StatusChange{Track: track, Note: note, Evidence: evidence})
		must(err)
	}
	backup := func(id string, when time.Time, note string) {
		t.Helper()
		clock = when
		must(svc.RecordBackup(ctx, id, when, note))
	}
	tick := func(id string, when time.Time, kind accounts.TrackKind, keys ...string) {
		t.Helper()
		clock = when
		for _, k := range keys {
			_, err := svc.TickStep(ctx, id, kind, k, true)
			must(err)
		}
	}

	// 1 Taobao: shop closed without the deposit refund ticked, then the
	// account deleted while the real name is still marked bound.
	taobao := add(accounts.Account{PlatformID: "taobao", Name: "淘宝主号", Login: "liming_88", Phone: "13812345678",
		Email: "li.ming@example.com", RealName: true, Seller: true, ThirdParty: []accounts.ThirdParty{"alipay", "wechat"},
		Notes: "店铺保证金 1000 元，客服说 7 天内退回"})
	backup(taobao, at(3, 5, 20), "订单导出到 D 盘")
	tick(taobao, at(3, 6, 10), accounts.TrackShopClose, "prereq:ship_pending_orders", "prereq:finish_orders", "step:0", "step:1", "step:2")
	move(taobao, at(3, 7, 10), accounts.StatusSubmitted, accounts.TrackShopClose, "关店申请", "SHOP-2026-0307")
	move(taobao, at(3, 10, 10), accounts.StatusDeactivated, accounts.TrackShopClose, "", "")
	move(taobao, at(3, 11, 10), accounts.StatusActive, "", "继续注销账号", "")
	tick(taobao, at(3, 12, 10), accounts.TrackAccountDelete, "prereq:backup_orders", "step:0")
	move(taobao, at(4, 1, 10), accounts.StatusSubmitted, accounts.TrackAccountDelete, "", "TB-DEL-88")
	move(taobao, at(4, 3, 10), accounts.StatusDeactivated, accounts.TrackAccountDelete, "注销成功短信", "")

	// 2 Xianyu on the same Taobao identity, still active.
	add(accounts.Account{PlatformID: "xianyu", Name: "闲鱼", Login: "liming_88", Phone: "+86 138 1234 5678"})

	// 3 Tmall: real-name unbinding submitted before the May Day holiday,
	// review window 3 working days, long overdue; a draft letter exists.
	tmall := add(accounts.Account{PlatformID: "tmall", Name: "天猫会员", Login: "13900001111", Phone: "13900001111", RealName: true})
	tick(tmall, at(4, 27, 11), accounts.TrackRealNameUnbind, "prereq:prepare_id_materials", "step:0", "step:1")
	move(tmall, at(4, 28, 15), accounts.StatusSubmitted, accounts.TrackRealNameUnbind, "人工客服受理", "TM-RN-4411")
	_, err = st.AddReminder(ctx, accounts.Reminder{AccountID: tmall, Kind: accounts.ReminderEscalation, Key: "escalation:real_name_unbind",
		Title: "天猫实名解绑超期：发送投诉信", DueAt: at(5, 21, 9), CreatedAt: at(5, 7, 9)})
	must(err)

	// 4 JD: deletion under review with no backup; a custom reminder whose
	// title is the person's own words.
	jd := add(accounts.Account{PlatformID: "jd", Name: "京东主号", Login: "wang@example.cn", Email: "wang@example.cn",
		ThirdParty: []accounts.ThirdParty{"wechat", "qq"}})
	tick(jd, at(5, 11, 9), accounts.TrackAccountDelete, "prereq:finish_orders", "prereq:withdraw_balance")
	move(jd, at(5, 12, 9), accounts.StatusSubmitted, accounts.TrackAccountDelete, "", "JD-7788")
	move(jd, at(5, 13, 9), accounts.StatusUnderReview, accounts.TrackAccountDelete, "审核中", "")
	_, err = st.AddReminder(ctx, accounts.Reminder{AccountID: jd, Kind: accounts.ReminderCustom,
		Title: "打电话给王经理 13711112222", DueAt: at(5, 22, 14), CreatedAt: at(5, 13, 9)})
	must(err)

	// 5 Pinduoduo: rejected.
	pdd := add(accounts.Account{PlatformID: "pinduoduo", Name: "拼多多", Phone: "15000002222", RealName: true})
	tick(pdd, at(5, 1, 9), accounts.TrackAccountDelete, "prereq:finish_orders")
	backup(pdd, at(5, 1, 10), "")
	move(pdd, at(5, 2, 9), accounts.StatusSubmitted, accounts.TrackAccountDelete, "", "")
	move(pdd, at(5, 8, 9), accounts.StatusRejected, accounts.TrackAccountDelete, "有未完成订单", "")

	// 6 Douyin: kept, backup older than the 90-day interval.
	douyin := add(accounts.Account{PlatformID: "douyin", Name: "抖音", Phone: "18600003333"})
	backup(douyin, at(2, 1, 12), "")
	move(douyin, at(3, 4, 9), accounts.StatusKept, "", "", "")

	// 7 WeChat: kept, never backed up.
	wechat := add(accounts.Account{PlatformID: "wechat", Name: "微信", Phone: "18600003333", RealName: true})
	move(wechat, at(3, 4, 10), accounts.StatusKept, "", "", "")

	// 8 Meituan: preparing the deletion, no backup yet.
	meituan := add(accounts.Account{PlatformID: "meituan", Name: "美团外卖", Email: "a@b.cn"})
	tick(meituan, at(5, 18, 20), accounts.TrackAccountDelete, "prereq:finish_orders")

	// 9 and 10: hostile text for the CSV formula guard and HTML escaping.
	add(accounts.Account{PlatformID: accounts.CustomPlatform, Name: `=cmd|' /C calc'!A0`, Login: "-li", Phone: "+8613700004444",
		Notes: "@SUM(1+1)\n第二行"})
	add(accounts.Account{PlatformID: "amazon", Name: `Li's "shop", <old> & more`, Login: "li@amazon.example", Email: "li@amazon.example",
		Notes: `<script>alert("x")</script>`})

	// A phone-number check: the history files it under "phone:<digits>".
	_, err = st.SavePhoneCheck(ctx, store.PhoneCheck{Phone: "13812345678", CheckedAt: at(5, 15, 9), Counts: map[string]int{"alibaba": 2}})
	must(err)

	// 11 Vipshop: added and removed again; its history stays.
	vip := add(accounts.Account{PlatformID: "vipshop", Name: "唯品会旧号", Phone: "13000005555"})
	clock = at(5, 19, 9)
	must(svc.Delete(ctx, vip))

	f.in, err = report.FromStore(ctx, st, report.Options{})
	must(err)
	stableIDs(&f.in)
	cat, errs := catalog.Load(assets.Catalog, "")
	if len(errs) > 0 {
		t.Fatalf("catalog: %v", errs)
	}
	f.in.Platforms = report.FromCatalog(cat)
	cal, err := workdays.LoadCalendar(assets.Holidays(), "")
	must(err)
	f.in.Calendar = cal
	return f
}

// stableIDs replaces account IDs by acct-NN in order of first appearance in
// the history (creation order), everywhere in in. Pseudo-accounts such as
// "phone:<digits>" keep theirs.
func stableIDs(in *report.Input) {
	ids := map[string]string{}
	slices.SortStableFunc(in.Events, func(x, y accounts.Event) int { return int(x.ID - y.ID) })
	for _, e := range in.Events {
		if strings.HasPrefix(e.AccountID, "phone:") {
			ids[e.AccountID] = e.AccountID
		}
		if _, ok := ids[e.AccountID]; !ok {
			ids[e.AccountID] = fmt.Sprintf("acct-%02d", len(ids)+1)
		}
	}
	for i := range in.Accounts {
		in.Accounts[i].ID = ids[in.Accounts[i].ID]
	}
	tracks := map[string][]accounts.Track{}
	for id, ts := range in.Tracks {
		tracks[ids[id]] = ts
	}
	in.Tracks = tracks
	for i := range in.Events {
		in.Events[i].AccountID = ids[in.Events[i].AccountID]
	}
	for i := range in.Reminders {
		in.Reminders[i].AccountID = ids[in.Reminders[i].AccountID]
	}
}

// baseOptions are the golden reports' options.
func baseOptions() report.Options {
	return report.Options{Now: fixtureNow, Location: cst, AppVersion: "0.1.0-test"}
}

func (f *fixture) build(t testing.TB, opts report.Options) *report.Report {
	t.Helper()
	r, err := report.Build(context.Background(), f.in, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
