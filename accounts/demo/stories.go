package demo

import (
	a "github.com/unbindapp/unbind/accounts"
)

// story is one demo account: who it is and what has happened to it.
type story struct {
	platform         string
	nameZh, nameEn   string
	login, phone     string
	email            string
	realName, seller bool
	third            []a.ThirdParty
	notesZh, notesEn string
	created          float64 // days ago
	secrets          map[a.SecretField]string
	script           func(w *writer, acc a.Account)
}

const demoPhone = "13812345678"

// stories is the demo inventory: one person, Chen Xiaoyu, part-way through
// leaving the platforms she no longer uses, so every status and every kind
// of reminder appears.
func stories() []story {
	return []story{
		{platform: "taobao", nameZh: "淘宝主号", nameEn: "Taobao (main)", login: "chen_xiaoyu", phone: demoPhone,
			realName: true, third: []a.ThirdParty{a.ThirdPartyAlipay, a.ThirdPartyWeChat}, created: 40,
			notesZh: "天猫和闲鱼也用这个账号登录。", notesEn: "Tmall and Xianyu log in with this account too.",
			secrets: map[a.SecretField]string{a.SecretPassword: "Tb#2019-summer", a.SecretPaymentPassword: "602913"},
			script: func(w *writer, acc a.Account) {
				w.backup(acc, 12, w.text("导出了订单截图和电子发票", "Saved order screenshots and e-invoices"))
				w.tick(acc, a.TrackAccountDelete, 2, 0, 11)
				w.remind(acc, a.ReminderPrerequisite, "prerequisite:account_delete:withdraw_balance",
					w.text("淘宝：注销前先提现余额", "Taobao: withdraw the balance before deleting"),
					w.text("账户里还有余额，注销后无法取回。", "The balance cannot be recovered after deletion."), -1, a.ReminderFired)
			}},
		{platform: "tmall", nameZh: "天猫（淘宝账号）", nameEn: "Tmall (Taobao login)", login: "chen_xiaoyu", phone: demoPhone,
			realName: true, created: 40,
			script: func(w *writer, acc a.Account) {
				w.tick(acc, a.TrackRealNameUnbind, 1, 1, 6)
				w.status(acc, a.StatusSubmitted, a.TrackRealNameUnbind, 1.2,
					w.text("在线客服受理，已上传身份证照片", "Customer service took the request; ID photos uploaded"), "TM20251119-0427")
				w.remind(acc, a.ReminderReviewDue, "review_due:real_name_unbind",
					w.text("天猫：实名解绑审核期满", "Tmall: real-name unbinding review ends"),
					w.text("客服承诺 1–3 个工作日内处理。", "Customer service promised 1–3 working days."), 2, a.ReminderPending)
			}},
		{platform: "xianyu", nameZh: "闲鱼", nameEn: "Xianyu", login: "chen_xiaoyu", phone: demoPhone, realName: true, created: 120,
			notesZh: "还在卖旧书，先保留。", notesEn: "Still selling old books here, keeping it for now.",
			script: func(w *writer, acc a.Account) {
				w.status(acc, a.StatusKept, "", 100, w.text("还在用", "Still in use"), "")
				w.backup(acc, 100, w.text("导出聊天记录", "Exported chat records"))
				w.remind(acc, a.ReminderBackup, "backup:periodic",
					w.text("闲鱼：该备份了", "Xianyu: time for a backup"),
					w.text("上次备份已是 100 天前。", "The last backup was 100 days ago."), -10, a.ReminderFired)
			}},
		{platform: "alipay", nameZh: "支付宝", nameEn: "Alipay", login: demoPhone, phone: demoPhone, realName: true, created: 60,
			notesZh: "淘宝、闲鱼都绑了这个支付宝，最后再处理。", notesEn: "Taobao and Xianyu are tied to it: leave it for last.",
			secrets: map[a.SecretField]string{a.SecretPassword: "Ali-pay-2020!", a.SecretPaymentPassword: "118274"}},
		{platform: "jd", nameZh: "京东 PLUS 会员", nameEn: "JD.com PLUS member", login: "jd_xiaoyu88", phone: demoPhone,
			realName: true, third: []a.ThirdParty{a.ThirdPartyWeChat, a.ThirdPartyQQ}, created: 30,
			secrets: map[a.SecretField]string{a.SecretPassword: "Jd$8823-winter"},
			script: func(w *writer, acc a.Account) {
				w.backup(acc, 10, w.text("下载了全部电子发票", "Downloaded all e-invoices"))
				w.tick(acc, a.TrackAccountDelete, 3, 2, 9)
				w.status(acc, a.StatusSubmitted, a.TrackAccountDelete, 4, w.text("在 App 里提交了注销申请", "Submitted the deletion in the app"), "JD-ZX-88231904")
				w.status(acc, a.StatusUnderReview, a.TrackAccountDelete, 3, w.text("收到短信：申请审核中", "SMS: the request is under review"), "")
			}},
		{platform: "pinduoduo", nameZh: "拼多多", nameEn: "Pinduoduo", login: "13912348888", phone: "13912348888", realName: true,
			third: []a.ThirdParty{a.ThirdPartyWeChat}, created: 25,
			script: func(w *writer, acc a.Account) {
				w.tick(acc, a.TrackAccountDelete, 2, 3, 14)
				w.status(acc, a.StatusSubmitted, a.TrackAccountDelete, 12, "", "PDD-7716-0932")
				w.status(acc, a.StatusRejected, a.TrackAccountDelete, 8,
					w.text("驳回：还有未完成的售后订单", "Rejected: an after-sales case was still open"), "")
				w.remind(acc, a.ReminderCustom, "",
					w.text("拼多多：售后结束后重新提交注销", "Pinduoduo: resubmit once the after-sales case closes"), "", 1, a.ReminderPending)
			}},
		{platform: "douyin", nameZh: "抖音个人号", nameEn: "Douyin (personal)", login: "xiaoyu_home", phone: demoPhone,
			realName: true, third: []a.ThirdParty{a.ThirdPartyWeChat}, created: 20,
			script: func(w *writer, acc a.Account) {
				w.tick(acc, a.TrackAccountDelete, 0, 2, 4)
				w.clearBlockers(acc, a.TrackAccountDelete, 3.5, "balance_not_zero", "account_restricted", "open_complaints")
				w.status(acc, a.StatusSubmitted, a.TrackAccountDelete, 3, w.text("在 App 里提交了注销申请", "Submitted the deletion in the app"), "")
				w.coolingOff(acc, a.TrackAccountDelete, 3, 7, w.text("App 显示：7 天冷静期", "The app shows a 7-day cooling-off"))
			}},
		{platform: "douyin-shop", nameZh: "抖店·小雨家居", nameEn: "Douyin shop · Xiaoyu Home", login: "xiaoyu_home", phone: demoPhone,
			realName: true, seller: true, created: 20,
			notesZh: "保证金 2000 元，关店后申请退还。", notesEn: "Deposit ¥2,000: ask for it back after closing.",
			script: func(w *writer, acc a.Account) {
				w.tick(acc, a.TrackShopClose, 2, 0, 3)
				w.remind(acc, a.ReminderPrerequisite, "prerequisite:shop_close:refund_deposit",
					w.text("抖店：关店前处理完未发货订单", "Douyin shop: ship or refund open orders first"),
					w.text("有未发货订单时无法关店。", "The shop cannot close with unshipped orders."), -0.2, a.ReminderFired)
			}},
		{platform: "meituan", nameZh: "美团外卖", nameEn: "Meituan", login: "13812345678", phone: demoPhone, created: 35,
			script: func(w *writer, acc a.Account) {
				w.backup(acc, 14, w.text("截图保存了发票抬头", "Screenshot of invoice details"))
				w.tick(acc, a.TrackAccountDelete, 2, 3, 13)
				w.status(acc, a.StatusSubmitted, a.TrackAccountDelete, 12, "", "MT-5520981")
				w.status(acc, a.StatusDeactivated, a.TrackAccountDelete, 9, w.text("收到注销成功短信", "SMS: account deleted"), "")
				w.remind(acc, a.ReminderPostCheck, "post_check:account_delete",
					w.text("美团：确认账号已注销", "Meituan: check the account is really gone"),
					w.text("不要登录；用一证通查确认手机号已解绑。", "Do not sign in; use 一证通查 to check the phone is unbound."), -2, a.ReminderFired)
			}},
		{platform: "suning", nameZh: "苏宁易购", nameEn: "Suning", login: "xiaoyu.chen@example.com", email: "xiaoyu.chen@example.com",
			created: 15,
			script: func(w *writer, acc a.Account) {
				w.tick(acc, a.TrackAccountDelete, 1, 2, 2)
				w.status(acc, a.StatusSubmitted, a.TrackAccountDelete, 0.8, w.text("客服热线受理", "Hotline took the request"), "SN-20251120-118")
				w.evidence(acc, a.TrackAccountDelete, 0.7, "SN-20251120-118", w.text("客服工号 3021", "Agent no. 3021"))
			}},
		{platform: "xiaohongshu", nameZh: "小红书", nameEn: "Xiaohongshu (RED)", login: "xiaoyu.chen@example.com",
			email: "xiaoyu.chen@example.com", phone: "13912348888", created: 8},
		{platform: "dangdang", nameZh: "当当", nameEn: "Dangdang", login: "chenxy_books", phone: demoPhone, created: 230,
			script: func(w *writer, acc a.Account) {
				w.tick(acc, a.TrackAccountDelete, 1, 1, 215)
				w.status(acc, a.StatusSubmitted, a.TrackAccountDelete, 210, "", "")
				w.status(acc, a.StatusDeactivated, a.TrackAccountDelete, 205, "", "")
			}},
		{platform: "amazon", nameZh: "亚马逊海外购", nameEn: "Amazon.com", login: "xiaoyu.chen@example.com",
			email: "xiaoyu.chen@example.com", created: 90,
			secrets: map[a.SecretField]string{a.SecretPassword: "amz-Reading-2021", a.SecretRecoveryCodes: "4821-9930\n1174-5520"},
			script: func(w *writer, acc a.Account) {
				w.status(acc, a.StatusKept, "", 80, w.text("Kindle 还在用", "Still using the Kindle"), "")
				w.backup(acc, 20, w.text("导出了订单历史", "Exported the order history"))
			}},
		{platform: a.CustomPlatform, nameZh: "小区团购小程序", nameEn: "Neighbourhood group-buy mini program", login: demoPhone,
			phone: demoPhone, created: 5,
			notesZh: "微信小程序，需要联系群主删除资料。", notesEn: "A WeChat mini program: ask the organiser to delete my data."},
	}
}
