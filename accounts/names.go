package accounts

import "strings"

// names are the one table of status and track names in Chinese and
// English; the GUI, the reminders and the report all read it, so a status
// is called the same everywhere.
var names = map[string][2]string{
	string(StatusActive):      {"使用中", "active"},
	string(StatusPreparing):   {"准备中", "preparing"},
	string(StatusSubmitted):   {"已提交", "submitted"},
	string(StatusUnderReview): {"审核中", "under review"},
	string(StatusCoolingOff):  {"冷静期中", "in cooling-off"},
	string(StatusDeactivated): {"已注销", "deactivated"},
	string(StatusRejected):    {"被驳回", "rejected"},
	string(StatusKept):        {"保留", "kept"},

	"track:" + string(TrackAccountDelete):    {"注销账号", "account deletion"},
	"track:" + string(TrackRealNameUnbind):   {"解除实名认证", "real-name unbinding"},
	"track:" + string(TrackPhoneUnbind):      {"解绑手机号", "phone number unbinding"},
	"track:" + string(TrackShopClose):        {"关闭店铺", "shop closure"},
	"track:" + string(TrackMembershipCancel): {"取消会员", "membership cancellation"},
	"track:" + string(TrackThirdPartyUnbind): {"解绑第三方登录", "third-party login unbinding"},

	"login:" + string(ThirdPartyWeChat): {"微信", "WeChat"},
	"login:" + string(ThirdPartyQQ):     {"QQ", "QQ"},
	"login:" + string(ThirdPartyAlipay): {"支付宝", "Alipay"},
	"login:" + string(ThirdPartyApple):  {"Apple", "Apple"},
	"login:" + string(ThirdPartyWeibo):  {"微博", "Weibo"},
	"login:" + string(ThirdPartyTaobao): {"淘宝", "Taobao"},
	"login:" + string(ThirdPartyDouyin): {"抖音", "Douyin"},
	"login:" + string(ThirdPartyGoogle): {"Google", "Google"},
}

func nameIn(key, lang string) string {
	n, ok := names[key]
	if !ok {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "zh") {
		return n[0]
	}
	return n[1]
}

// Name is the status in words, in lang ("zh…" or anything else for
// English); an unknown status reads as it is.
func (s Status) Name(lang string) string {
	if n := nameIn(string(s), lang); n != "" {
		return n
	}
	return string(s)
}

// Name is the track kind in words, in lang; an unknown kind reads as it is.
func (k TrackKind) Name(lang string) string {
	if n := nameIn("track:"+string(k), lang); n != "" {
		return n
	}
	return string(k)
}

// Name is the login provider in words, in lang; others read as entered.
func (t ThirdParty) Name(lang string) string {
	if n := nameIn("login:"+string(t), lang); n != "" {
		return n
	}
	return string(t)
}
