package reminders

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// msgID names one text of the rules, in Chinese and English.
type msgID int

const (
	msgTitle msgID = iota
	msgLabel
	msgPrereqBody
	msgLoses
	msgReviewDueTitle
	msgReviewDueBody
	msgEscalationTitle
	msgEscalationBody
	msgTicket
	msgPostCheckTitle
	msgPostCheckIntro
	msgPostCheckNoSignIn
	msgPostCheckPhone
	msgPostCheckRegister
	msgPostCheckMail
	msgPostCheckRealName
	msgPostCheckOutro
	msgCoolingTitle
	msgCoolingBody
	msgCoolingThirdParty
	msgCoolingCompany
	msgCoolingEndTitle
	msgCoolingEndIntro
	msgListSep
	msgBackupTitle
	msgBackupBody
	msgNever
	msgOldLogin
	msgBackupDone
	msgCoverage
)

// messages are fmt formats: [0] Chinese, [1] English.
var messages = map[msgID][2]string{
	msgTitle: {"%s：%s", "%s: %s"},
	msgLabel: {"%s（%s）", "%s (%s)"},
	msgPrereqBody: {
		"%s之前先做完这一项：%s\n%s不可撤销。做完后在解绑助手的清单里勾选这一项，这条提醒就会消失。",
		"Do this before the %s: %s\nThe %s cannot be undone. Tick this item in Unbind's checklist once it is done, and this reminder goes away."},
	msgLoses:          {"会失去：%s", "You lose: %s"},
	msgReviewDueTitle: {"%s审核期已到，查看结果", "%s review window ends, check the result"},
	msgReviewDueBody: {
		"%s申请于 %s 提交%s。平台的审核期为 %s 个工作日，最晚 %s 应有结果。请查看平台发来的短信或邮件，或问客服：办结了就在解绑助手里标记，被拒绝就记下原因。",
		"The %s request was submitted on %s%s. The platform reviews within %s working days, so the result is due by %s. Check the SMS or e-mail the platform sends, or ask its customer service: record it in Unbind when it is done, or note the reason if it was refused."},
	msgEscalationTitle: {"%s超过 15 个工作日未办结，发催办函", "%s not done after 15 working days, send a follow-up letter"},
	msgEscalationBody: {
		"%s申请于 %s 提交%s，到 %s 已满 %d 个工作日仍未办结。可以把下面的催办函（已填好平台、日期和编号）通过平台客服、意见反馈或邮件发出，并保存发送记录（截图）。仍无答复的，可以向 12315 或当地网信部门投诉。",
		"The %s request was submitted on %s%s; by %s, %d working days later, it is still not done. Send the letter below (platform, dates and ticket filled in) through the platform's customer service, feedback form or e-mail, and keep a record (a screenshot). If there is still no answer, you can complain to the 12315 consumer hotline or the cyberspace administration."},
	msgTicket:         {"（受理编号 %s）", " (ticket %s)"},
	msgPostCheckTitle: {"确认注销真的生效", "check the deactivation really happened"},
	msgPostCheckIntro: {"账号已于 %s 注销。请确认注销真的生效，但不要登录这个账号：", "The account was deleted on %s. Check that it really is gone, without signing in to it:"},
	msgPostCheckNoSignIn: {"• 不要用 %s 登录，也不要在别的网站用它“一键登录”：若平台仍在冷静期内，登录会撤销注销。",
		"• Do not sign in with %s, nor use it to \"log in with\" on other sites: if the platform still holds a cooling-off, signing in cancels the deletion."},
	msgPostCheckPhone: {"• 用“一证通查”查手机号 %s：这家公司的账号数应当少了一个。", "• Run the 一证通查 check for %s: this company's account count should have gone down by one."},
	msgPostCheckRegister: {"• 也可以在平台的注册页输入原手机号：提示“未注册”或可以新注册，说明旧账号已不存在（只看提示，不要完成注册）。",
		"• Or enter the old phone number on the platform's sign-up page: \"not registered\" (or an offer to create a new account) means the old one is gone. Only read the answer; do not finish signing up."},
	msgPostCheckMail: {"• 留好平台发来的“注销成功”短信或邮件作为凭证。", "• Keep the platform's \"deletion complete\" SMS or e-mail as proof."},
	msgPostCheckRealName: {"• 实名认证还在吗？（在支付宝等实名来源处查看已授权的应用）",
		"• Is your real name still verified there? (Check the apps authorised at the source of the verification, e.g. Alipay.)"},
	msgPostCheckOutro: {"如果账号还在，在解绑助手里把状态改回“使用中”，重新处理。",
		"If the account is still alive, set it back to active in Unbind and start again."},
	msgCoolingTitle: {"冷静期中：%s 前不要登录", "cooling-off: do not sign in before %s"},
	msgCoolingBody: {"%s的注销申请已受理，冷静期到 %s（含）为止。在此之前不要登录%s：不要打开 App、不要登录网页，也不要在别的网站用%s“一键登录”——登录会撤销注销。冷静期结束后解绑助手会提醒你确认结果。",
		"%s accepted the deletion request; the cooling-off runs until %s (inclusive). Until then do not sign in to %s: do not open the app, do not sign in on the web, and do not use \"log in with %s\" on other sites — signing in cancels the deletion. Unbind reminds you to confirm the result when it ends."},
	msgCoolingThirdParty: {"已绑定的第三方登录（%s）也会登录这个账号，同样不要用。", "The linked third-party logins (%s) also sign in to this account: do not use them either."},
	msgCoolingCompany:    {"登录同一公司的其他产品也可能撤销注销。", "Signing in to another product of the same company can cancel it too."},
	msgCoolingEndTitle:   {"冷静期已结束，确认账号已注销", "cooling-off over, confirm the account is gone"},
	msgListSep:           {"、", ", "},
	msgCoolingEndIntro:   {"冷静期已于 %s 结束。请确认账号已经注销，不需要登录：", "The cooling-off ended on %s. Confirm the account is gone; no sign-in is needed:"},
	msgBackupTitle:       {"该备份了", "time for a backup"},
	msgBackupBody: {
		"这个账号决定保留。上次备份：%s。每 %d 天备份一次要留存的订单、发票、收藏和聊天记录；备份后把这条提醒标为完成，下次提醒从今天重新计算。",
		"You are keeping this account. Last backup: %s. Back up the orders, invoices, favourites and chats you want to keep every %d days; mark this reminder done after a backup, and the next one counts from that day."},
	msgNever:      {"从未", "never"},
	msgOldLogin:   {"原账号", "your old login"},
	msgBackupDone: {"备份提醒已完成", "backup reminder done"},
	// The English warning says everything itself; %.0s drops the years.
	msgCoverage: {"⚠ 上面的日期可能不准：%s 年的节假日数据缺失，暂按普通周末计算。\n%s",
		"⚠ %.0s%s"},
}

// msg formats a message in the input's language.
func (in Input) msg(id msgID, args ...any) string { return message(in.Settings.Lang, id, args...) }

// message formats a message in lang ("zh" or anything else for English).
func message(lang string, id msgID, args ...any) string {
	i := 1
	if catalog.Lang(lang) == "zh" {
		i = 0
	}
	return fmt.Sprintf(messages[id][i], args...)
}

// trackName names a track kind in lang, from the one table in accounts.
func trackName(kind accounts.TrackKind, lang string) string { return kind.Name(lang) }

// coverageNote is the paragraph to add when a date rests on missing
// holiday data, "" otherwise. It always carries Coverage.Warning().
func coverageNote(cov workdays.Coverage, lang string) string {
	if cov.Complete() {
		return ""
	}
	years := make([]string, len(cov.Missing))
	for i, y := range cov.Missing {
		years[i] = strconv.Itoa(y)
	}
	return message(lang, msgCoverage, strings.Join(years, "、"), cov.Warning())
}

// paragraphs joins the non-empty parts with blank lines.
func paragraphs(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// span writes a review window: "3" or "1–3".
func span(w catalog.Workdays) string {
	if w.Min <= 0 || w.Min == w.Max {
		return strconv.Itoa(w.Max)
	}
	return fmt.Sprintf("%d–%d", w.Min, w.Max)
}

func (in Input) ticket(t accounts.Track) string {
	if t.Ticket == "" {
		return ""
	}
	return in.msg(msgTicket, t.Ticket)
}

func prerequisiteBody(in Input, ct catalog.Track, pre catalog.Prerequisite) string {
	lang := in.Settings.Lang
	name := trackName(ct.Kind, lang)
	body := in.msg(msgPrereqBody, name, pre.Text.In(lang), capitalise(name))
	if loses := ct.Loses.In(lang); loses != "" {
		body += "\n" + in.msg(msgLoses, loses)
	}
	return body
}

func reviewDueBody(in Input, t accounts.Track, w catalog.Workdays, due time.Time, cov workdays.Coverage) string {
	lang := in.Settings.Lang
	return paragraphs(
		in.msg(msgReviewDueBody, capitalise(trackName(t.Kind, lang)), workdays.FormatDate(*t.SubmittedAt), in.ticket(t), span(w), workdays.FormatDate(due)),
		coverageNote(cov, lang))
}

// LetterSeparator comes before the drafted letters in an escalation
// reminder's body; NotificationText cuts the body there.
const LetterSeparator = "\n\n————————\n\n"

func escalationBody(in Input, t accounts.Track, esc time.Time, cov workdays.Coverage) string {
	lang := in.Settings.Lang
	summary := paragraphs(
		in.msg(msgEscalationBody, capitalise(trackName(t.Kind, lang)), workdays.FormatDate(*t.SubmittedAt), in.ticket(t),
			workdays.FormatDate(esc), EscalationWorkdays),
		coverageNote(cov, lang))
	li, _ := NewLetterInput(in, t)
	first, second := DraftLetter("zh", li), DraftLetter("en", li)
	if lang != "zh" {
		first, second = second, first
	}
	return summary + LetterSeparator + first.String() + LetterSeparator + second.String()
}

// platformNameIn is platformName in a given language.
func (in Input) platformNameIn(lang string) string {
	in.Settings.Lang = lang
	return in.platformName()
}

func postCheckBody(in Input, at time.Time) string {
	return strings.Join(append([]string{in.msg(msgPostCheckIntro, workdays.FormatDate(at))}, in.checkWithoutSignIn()...), "\n")
}

// checkWithoutSignIn lists the ways to see that an account is gone that
// cannot undo its deletion: never "try to log in".
func (in Input) checkWithoutSignIn() []string {
	login := in.identifier()
	if login == "" {
		login = in.msg(msgOldLogin)
	}
	lines := []string{in.msg(msgPostCheckNoSignIn, login)}
	if in.Account.Phone != "" {
		lines = append(lines, in.msg(msgPostCheckPhone, accounts.MaskPhone(in.Account.Phone)), in.msg(msgPostCheckRegister))
	}
	lines = append(lines, in.msg(msgPostCheckMail))
	if in.Account.RealName {
		lines = append(lines, in.msg(msgPostCheckRealName))
	}
	return append(lines, in.msg(msgPostCheckOutro))
}

// coolingBody is the standing warning of a running cooling-off.
func coolingBody(in Input, ct catalog.Track, until time.Time) string {
	name := in.platformName()
	parts := []string{in.msg(msgCoolingBody, name, workdays.FormatDate(until), name, name)}
	if len(in.Account.ThirdParty) > 0 {
		tp := make([]string, len(in.Account.ThirdParty))
		for i, t := range in.Account.ThirdParty {
			tp[i] = t.Name(in.Settings.Lang)
		}
		parts = append(parts, in.msg(msgCoolingThirdParty, strings.Join(tp, in.msg(msgListSep))))
	}
	if ct.CoolingOff != nil && slices.Contains(ct.CoolingOff.CancelledBy, catalog.CancelCompanyProducts) {
		parts = append(parts, in.msg(msgCoolingCompany))
	}
	return paragraphs(parts...)
}

func coolingEndBody(in Input, until time.Time) string {
	return strings.Join(append([]string{in.msg(msgCoolingEndIntro, workdays.FormatDate(until))}, in.checkWithoutSignIn()...), "\n")
}

func backupBody(in Input, anchor time.Time, days int) string {
	last := in.msg(msgNever)
	if in.Account.LastBackupAt != nil {
		last = workdays.FormatDate(anchor)
	}
	return in.msg(msgBackupBody, last, days)
}

// capitalise upper-cases the first letter of English text.
func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
