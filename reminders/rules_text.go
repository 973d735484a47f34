package reminders

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
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
	msgPostCheckLogin
	msgPostCheckPhone
	msgPostCheckRealName
	msgPostCheckOutro
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
		"%s之前先做完这一项：%s\n%s不可撤销。做完后在 Unbind 的清单里勾选这一项，这条提醒就会消失。",
		"Do this before the %s: %s\nThe %s cannot be undone. Tick this item in Unbind's checklist once it is done, and this reminder goes away."},
	msgLoses:          {"会失去：%s", "You lose: %s"},
	msgReviewDueTitle: {"%s审核期已到，查看结果", "%s review window ends, check the result"},
	msgReviewDueBody: {
		"%s申请于 %s 提交%s。平台的审核期为 %s 个工作日，最晚 %s 应有结果。请登录查看进度：办结了就在 Unbind 里标记，被拒绝就记下原因。",
		"The %s request was submitted on %s%s. The platform reviews within %s working days, so the result is due by %s. Log in and check: record it in Unbind when it is done, or note the reason if it was refused."},
	msgEscalationTitle: {"%s超过 15 个工作日未办结，发催办函", "%s not done after 15 working days, send a follow-up letter"},
	msgEscalationBody: {
		"%s申请于 %s 提交%s，到 %s 已满 %d 个工作日仍未办结。可以把下面的催办函（已填好平台、日期和编号）通过平台客服、意见反馈或邮件发出，并保存发送记录（截图）。仍无答复的，可以向 12315 或当地网信部门投诉。",
		"The %s request was submitted on %s%s; by %s, %d working days later, it is still not done. Send the letter below (platform, dates and ticket filled in) through the platform's customer service, feedback form or e-mail, and keep a record (a screenshot). If there is still no answer, you can complain to the 12315 consumer hotline or the cyberspace administration."},
	msgTicket:         {"（受理编号 %s）", " (ticket %s)"},
	msgPostCheckTitle: {"确认注销真的生效", "check the deactivation really happened"},
	msgPostCheckIntro: {"账号已于 %s 注销。请确认注销真的生效：", "The account was deactivated on %s. Check that it really happened:"},
	msgPostCheckLogin: {"• 用 %s 还能登录吗？", "• Can you still log in with %s?"},
	msgPostCheckPhone: {"• 手机号 %s 还绑定在这个平台上吗？（可用“一证通查”核对）", "• Is the phone number %s still bound to the platform? (一证通查 can tell)"},
	msgPostCheckRealName: {"• 实名认证还在吗？",
		"• Is your real name still verified there?"},
	msgPostCheckOutro: {"如果账号还在，在 Unbind 里把状态改回“使用中”，重新处理。",
		"If the account is still alive, set it back to active in Unbind and start again."},
	msgBackupTitle: {"该备份了", "time for a backup"},
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

// trackNames are the track kinds in words.
var trackNames = map[accounts.TrackKind]catalog.Text{
	accounts.TrackAccountDelete:    {Zh: "注销账号", En: "account deletion"},
	accounts.TrackRealNameUnbind:   {Zh: "解除实名认证", En: "real-name unbinding"},
	accounts.TrackPhoneUnbind:      {Zh: "解绑手机号", En: "phone number unbinding"},
	accounts.TrackShopClose:        {Zh: "关闭店铺", En: "shop closure"},
	accounts.TrackMembershipCancel: {Zh: "取消会员", En: "membership cancellation"},
	accounts.TrackThirdPartyUnbind: {Zh: "解绑第三方登录", En: "third-party login unbinding"},
}

// trackName names a track kind in lang; unknown kinds read as they are.
func trackName(kind accounts.TrackKind, lang string) string {
	if t, ok := trackNames[kind]; ok {
		return t.In(lang)
	}
	return string(kind)
}

// coverageNote is the paragraph to add when a date rests on missing
// holiday data, "" otherwise. It always carries Coverage.Warning().
func coverageNote(cov Coverage, lang string) string {
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

func reviewDueBody(in Input, t accounts.Track, w catalog.Workdays, due time.Time, cov Coverage) string {
	lang := in.Settings.Lang
	return paragraphs(
		in.msg(msgReviewDueBody, capitalise(trackName(t.Kind, lang)), FormatDate(*t.SubmittedAt), in.ticket(t), span(w), FormatDate(due)),
		coverageNote(cov, lang))
}

// LetterSeparator comes before the drafted letters in an escalation
// reminder's body; NotificationText cuts the body there.
const LetterSeparator = "\n\n————————\n\n"

func escalationBody(in Input, t accounts.Track, esc time.Time, cov Coverage) string {
	lang := in.Settings.Lang
	summary := paragraphs(
		in.msg(msgEscalationBody, capitalise(trackName(t.Kind, lang)), FormatDate(*t.SubmittedAt), in.ticket(t),
			FormatDate(esc), EscalationWorkdays),
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
	lines := []string{in.msg(msgPostCheckIntro, FormatDate(at))}
	login := in.identifier()
	if login == "" {
		login = in.msg(msgOldLogin)
	}
	lines = append(lines, in.msg(msgPostCheckLogin, login))
	if in.Account.Phone != "" {
		lines = append(lines, in.msg(msgPostCheckPhone, accounts.MaskPhone(in.Account.Phone)))
	}
	if in.Account.RealName {
		lines = append(lines, in.msg(msgPostCheckRealName))
	}
	lines = append(lines, in.msg(msgPostCheckOutro))
	return strings.Join(lines, "\n")
}

func backupBody(in Input, anchor time.Time, days int) string {
	last := in.msg(msgNever)
	if in.Account.LastBackupAt != nil {
		last = FormatDate(anchor)
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
