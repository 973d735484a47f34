package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// text is one message in both languages; Zh and En take the same
// fmt arguments.
type text struct{ zh, en string }

func (t text) in(lang string) string {
	if lang == "en" {
		return t.en
	}
	return t.zh
}

// tr returns the message key in lang, formatted with args. A missing key
// is a programming error, shown as the key itself so tests catch it.
func tr(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return "{" + key + "}"
	}
	if len(args) == 0 {
		return m.in(lang)
	}
	return fmt.Sprintf(m.in(lang), args...)
}

// labels gives display names of codes (statuses, tracks, …), keyed
// "group.code"; an unknown code shows as itself.
func label(lang, group, code string) string {
	if m, ok := labels[group+"."+code]; ok {
		return m.in(lang)
	}
	return code
}

func statusLabel(lang string, s accounts.Status) string { return s.Name(lang) }

// capitalised starts an English name with a capital where it stands on its
// own (a chart's label), as the app's badges show it.
func capitalised(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func trackLabel(lang string, k accounts.TrackKind) string { return k.Name(lang) }

// stepLabel describes a checklist key: step:2 → "第 3 步" / "step 3".
func stepLabel(lang, key string) string {
	switch {
	case strings.HasPrefix(key, "step:"):
		if n, err := strconv.Atoi(key[len("step:"):]); err == nil {
			return tr(lang, "step.n", n+1)
		}
	case strings.HasPrefix(key, "prereq:"):
		id := key[len("prereq:"):]
		return tr(lang, "step.prereq", label(lang, "prereq", id))
	}
	return key
}

var labels = map[string]text{

	"severity.high":   {"高", "high"},
	"severity.medium": {"中", "medium"},
	"severity.low":    {"低", "low"},

	"reminder.prerequisite": {"准备事项", "prerequisite"},
	"reminder.review_due":   {"审核到期", "review due"},
	"reminder.escalation":   {"催办", "escalation"},
	"reminder.post_check":   {"注销后复查", "post-deactivation check"},
	"reminder.cooling_off":  {"冷静期：不要登录", "cooling-off: do not sign in"},
	"reminder.cooling_end":  {"冷静期结束，确认注销", "cooling-off over: confirm"},
	"reminder.backup":       {"定期备份", "backup"},
	"reminder.custom":       {"自定义提醒", "custom reminder"},

	"third.wechat": {"微信", "WeChat"},
	"third.qq":     {"QQ", "QQ"},
	"third.alipay": {"支付宝", "Alipay"},
	"third.apple":  {"Apple", "Apple"},
	"third.weibo":  {"微博", "Weibo"},
	"third.taobao": {"淘宝", "Taobao"},
	"third.douyin": {"抖音", "Douyin"},
	"third.google": {"Google", "Google"},

	"secret.password":         {"登录密码", "password"},
	"secret.payment_password": {"支付密码", "payment password"},
	"secret.security_answers": {"密保答案", "security answers"},
	"secret.recovery_codes":   {"恢复码", "recovery codes"},
	"secret.secret_note":      {"加密备注", "secret note"},

	"prereq.backup_orders":                 {"备份订单", "back up orders"},
	"prereq.backup_favorites":              {"备份收藏", "back up favourites"},
	"prereq.backup_invoices":               {"备份发票", "back up invoices"},
	"prereq.backup_chats":                  {"备份聊天记录", "back up chats"},
	"prereq.backup_content":                {"备份内容", "back up content"},
	"prereq.withdraw_balance":              {"提现余额", "withdraw the balance"},
	"prereq.repay_credit":                  {"还清信用额度", "repay credit"},
	"prereq.finish_orders":                 {"完成订单", "finish orders"},
	"prereq.ship_pending_orders":           {"发出待发货订单", "ship pending orders"},
	"prereq.cancel_subscriptions":          {"取消订阅", "cancel subscriptions"},
	"prereq.cancel_password_free_payments": {"关闭免密支付", "cancel password-free payments"},
	"prereq.unbind_third_party":            {"解绑第三方登录", "unbind third-party logins"},
	"prereq.refund_deposit":                {"退还保证金", "refund deposit"},
	"prereq.prepare_id_materials":          {"准备身份证明材料", "prepare ID materials"},
	"prereq.close_shop":                    {"关闭店铺", "close the shop"},
	"prereq.prepare_new_phone":             {"准备新手机号", "prepare a new phone number"},
}
