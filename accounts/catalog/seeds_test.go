package catalog

import (
	"slices"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// The seed facts, one by one. Each test names the seed it checks.

const (
	seed000 = "000_086f2a76b47d2aa8.txt"
	seed001 = "001_d480b8346dced8a2.txt"
	seed002 = "002_29d4585b65b5dc89.txt"
	seed003 = "003_ca807dd2a6d0cc39.txt"
	seed004 = "004_5d55c985feee7637.txt"
)

func wantPrereqs(t *testing.T, what string, tr Track, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if _, ok := tr.Prerequisite(id); !ok {
			t.Errorf("%s: prerequisite %s missing", what, id)
		}
	}
}

func wantSource(t *testing.T, what string, tr Track, source string) {
	t.Helper()
	if !tr.CitesSeed(source) {
		t.Errorf("%s: sources %+v do not cite seed %q", what, tr.Sources, source)
	}
}

func wantReview(t *testing.T, what string, tr Track, lo, hi int) {
	t.Helper()
	if w := tr.ReviewWorkdays; w == nil || w.Min != lo || w.Max != hi {
		t.Errorf("%s: review %+v, want %d–%d working days", what, w, lo, hi)
	}
}

func TestSeed000PinduoduoRealNameCancellation(t *testing.T) {
	tr := mustTrack(t, builtin(t), "pinduoduo", accounts.TrackRealNameUnbind)
	const what = "pinduoduo real_name_unbind"
	wantSource(t, what, tr, seed000)
	if tr.Channel != SelfService {
		t.Errorf("%s: channel %s, want self_service", what, tr.Channel)
	}
	text := allText(tr)
	// 个人中心 → 账户安全 → 实名认证 → 解除/注销认证, SMS code, review.
	wantContains(t, what, text, "个人中心 → 账户安全 → 实名认证", "解除认证", "注销认证", "验证码", "审核")
	// Re-certification stays possible; trading may be affected.
	wantContains(t, what, text, "重新认证", "交易")
	wantPrereqs(t, what, tr, FinishOrders)
	if tr.Irreversible {
		t.Errorf("%s: re-certification is possible, so it is not irreversible", what)
	}
}

func TestSeed001PinduoduoAccountDeletion(t *testing.T) {
	c := builtin(t)
	tr := mustTrack(t, c, "pinduoduo", accounts.TrackAccountDelete)
	const what = "pinduoduo account_delete"
	wantSource(t, what, tr, seed001)
	if tr.Channel != SelfService {
		t.Errorf("%s: channel %s, want self_service", what, tr.Channel)
	}
	// No open transactions or unwithdrawn money, subscriptions cancelled,
	// WeChat/QQ unbound, orders and favourites backed up.
	wantPrereqs(t, what, tr, FinishOrders, WithdrawBalance, CancelSubscriptions, UnbindThirdParty, BackupOrders, BackupFavorites)
	p, _ := tr.Prerequisite(UnbindThirdParty)
	wantContains(t, what+" unbind prerequisite", p.Zh+p.En, "微信", "QQ", "WeChat")
	text := allText(tr)
	wantContains(t, what, text, "个人中心 → 设置 → 账户安全 → 注销账户", "验证码", "确认注销", "注销须知")
	if !tr.Irreversible {
		t.Errorf("%s: must be irreversible", what)
	}
	wantContains(t, what+" loses", tr.Loses.Zh, "订单", "收藏")
	wantContains(t, what+" loses", tr.Loses.En, "order", "favourite")
	// Unbinding third parties comes first.
	reqs := c.RequiredBefore("pinduoduo", accounts.TrackAccountDelete)
	if !slices.ContainsFunc(reqs, func(r Requirement) bool { return r.After == accounts.TrackThirdPartyUnbind }) {
		t.Errorf("%s: want third_party_unbind required first, got %+v", what, reqs)
	}
}

func TestSeed001PinduoduoPhoneUnbinding(t *testing.T) {
	tr := mustTrack(t, builtin(t), "pinduoduo", accounts.TrackPhoneUnbind)
	const what = "pinduoduo phone_unbind"
	wantSource(t, what, tr, seed001)
	wantContains(t, what, allText(tr), "账户与安全 → 手机号 → 修改手机号", "获取验证码", "下一步")
	// Afterwards the old number can neither sign in nor receive SMS.
	wantContains(t, what+" afterwards", tr.Afterwards.Zh, "旧号码", "登录", "短信")
	if tr.Irreversible {
		t.Errorf("%s: changing the number is not irreversible", what)
	}
}

func TestSeed002TmallRealNameOnlyThroughCustomerService(t *testing.T) {
	tr := mustTrack(t, builtin(t), "tmall", accounts.TrackRealNameUnbind)
	const what = "tmall real_name_unbind"
	wantSource(t, what, tr, seed002)
	if tr.Channel != CustomerService || len(tr.AltChannels) != 0 {
		t.Errorf("%s: channel %s alt %v, want customer_service only", what, tr.Channel, tr.AltChannels)
	}
	wantReview(t, what, tr, 1, 3)
	text := allText(tr)
	wantContains(t, what, text, "我的淘宝 → 客服 → 在线客服", "短信", "站内信")
	wantPrereqs(t, what, tr, PrepareIDMaterials)
	p, _ := tr.Prerequisite(PrepareIDMaterials)
	wantContains(t, what+" materials", p.Zh, "身份证", "手机号", "申请表")
	wantContains(t, what+" loses", tr.Loses.Zh, "登录", "支付")
	wantContains(t, what+" afterwards", tr.Afterwards.Zh, "重新实名认证")
	if tr.Difficulty != Hard {
		t.Errorf("%s: difficulty %s, want hard", what, tr.Difficulty)
	}
}

func TestSeed002TmallGlobalIDCancellation(t *testing.T) {
	tr := mustTrack(t, builtin(t), "tmall-global", accounts.TrackRealNameUnbind)
	const what = "tmall-global real_name_unbind"
	wantSource(t, what, tr, seed002)
	if tr.Channel != CustomerService {
		t.Errorf("%s: channel %s, want customer_service", what, tr.Channel)
	}
	wantContains(t, what, allText(tr), "在线客服", "热线", "决定")
	wantPrereqs(t, what, tr, PrepareIDMaterials)
	if tr.ReviewWorkdays != nil {
		t.Errorf("%s: the seed gives no review window, got %+v", what, tr.ReviewWorkdays)
	}
	if tr.Difficulty != Limited {
		t.Errorf("%s: the platform decides, so difficulty should be limited, got %s", what, tr.Difficulty)
	}
}

func TestSeed003DouyinShopUnbinding(t *testing.T) {
	c := builtin(t)
	tr := mustTrack(t, c, "douyin-shop", accounts.TrackShopClose)
	const what = "douyin-shop shop_close"
	wantSource(t, what, tr, seed003)
	if tr.Channel != SelfService || !slices.Contains(tr.AltChannels, CustomerService) {
		t.Errorf("%s: channel %s alt %v, want self_service with customer_service as alternative", what, tr.Channel, tr.AltChannels)
	}
	wantReview(t, what, tr, 3, 5)
	text := allText(tr)
	// Both routes in.
	wantContains(t, what, text, "我 → 小店 → 管理 → 账户设置 → 小店绑定 → 解除绑定",
		"我 → ··· → 设置 → 账号与安全 → 抖音小店 → 解除认证")
	// Reason, contact details, proof.
	wantContains(t, what, text, "原因", "联系方式", "身份证", "营业执照", "商标注册证书")
	// Nothing can be changed during the review.
	wantContains(t, what, text, "不能修改")
	wantPrereqs(t, what, tr, WithdrawBalance, ShipPendingOrders, PrepareIDMaterials)
	wantContains(t, what+" afterwards", tr.Afterwards.Zh, "无法再次认证")
	if !tr.Irreversible {
		t.Errorf("%s: the same shop cannot be certified again, so it is irreversible", what)
	}
	// The shop belongs to a Douyin account and goes first.
	if g := mustPlatform(t, c, "douyin-shop").IdentityGroup(); g != "douyin" {
		t.Errorf("douyin-shop group %q, want douyin", g)
	}
	reqs := c.RequiredBefore("douyin", accounts.TrackAccountDelete)
	if !slices.ContainsFunc(reqs, func(r Requirement) bool {
		return r.Platform == "douyin-shop" && r.After == accounts.TrackShopClose
	}) {
		t.Errorf("douyin account_delete should wait for douyin-shop shop_close, got %+v", reqs)
	}
}

func TestSeed004TaobaoShopDepositAndVerification(t *testing.T) {
	tr := mustTrack(t, builtin(t), "taobao", accounts.TrackShopClose)
	const what = "taobao shop_close"
	wantSource(t, what, tr, seed004)
	wantPrereqs(t, what, tr, RefundDeposit)
	text := allText(tr)
	// The deposit comes back on closing unless rules were broken.
	wantContains(t, what, text, "保证金", "违规", "退")
	// Real-person verification and shop certification are not undone.
	wantContains(t, what, text, "实人认证", "千牛")
}

// TestSeedLinkListTopics covers what the related-articles lists of seeds
// 000 and 001 mention.
func TestSeedLinkListTopics(t *testing.T) {
	c := builtin(t)
	jd := mustTrack(t, c, "jd", accounts.TrackMembershipCancel)
	wantSource(t, "jd membership_cancel", jd, seed000)
	wantContains(t, "jd membership_cancel", allText(jd), "会员/品牌会员", "详细规则", "注销会员", "不是所有店铺都能退会")

	for _, id := range []string{"taobao", "alipay", "wechat", "qq"} {
		tr := mustTrack(t, c, id, accounts.TrackAccountDelete)
		wantSource(t, id+" account_delete", tr, seed000)
		if !tr.Irreversible {
			t.Errorf("%s account_delete should be irreversible", id)
		}
	}
	// Deleting Taobao keeps Alipay.
	tb := mustTrack(t, c, "taobao", accounts.TrackAccountDelete)
	wantContains(t, "taobao account_delete afterwards", tb.Afterwards.Zh, "支付宝", "不会")
	// Unbind WeChat/QQ logins before deleting WeChat/QQ.
	for _, id := range []string{"wechat", "qq"} {
		reqs := c.RequiredBefore(id, accounts.TrackAccountDelete)
		if !slices.ContainsFunc(reqs, func(r Requirement) bool {
			return r.Platform == id && r.After == accounts.TrackThirdPartyUnbind
		}) {
			t.Errorf("%s: account_delete should wait for third_party_unbind, got %+v", id, reqs)
		}
	}
	// The Taobao identity group and its tie to Alipay.
	var group []string
	for _, p := range c.GroupOf("xianyu") {
		group = append(group, p.ID)
	}
	if want := []string{"taobao", "tmall", "tmall-global", "xianyu"}; !slices.Equal(group, want) {
		t.Errorf("GroupOf(xianyu) = %v, want %v", group, want)
	}
	if tied := c.TiedTo("alipay"); !slices.ContainsFunc(tied, func(p Platform) bool { return p.ID == "taobao" }) {
		t.Errorf("alipay should be tied to taobao")
	}
}
