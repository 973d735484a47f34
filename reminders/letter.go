package reminders

import (
	"fmt"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// LetterInput is what a follow-up letter is filled in with.
type LetterInput struct {
	// Platform is the platform's name in both languages.
	Platform catalog.Text
	// Track is the request the letter chases, e.g. account deletion.
	Track accounts.TrackKind
	// Account identifies the account to the platform (login, e-mail or
	// phone); "" leaves a blank to fill in. Masked says it is masked
	// (as in reminders, which end up in calendar exports), and the
	// letter then asks for it to be written in full before sending.
	Account string
	Masked  bool
	// Ticket is the platform's ticket or application number; "" leaves a
	// blank.
	Ticket      string
	SubmittedAt time.Time
	// ReviewWorkdays is the platform's published maximum review time and
	// ReviewDue the day it ended; 0 and zero when unknown.
	ReviewWorkdays int
	ReviewDue      time.Time
	// Workdays is how many working days have passed at Date.
	Workdays int
	// Date is the letter's date.
	Date time.Time
	// Name is the sender's name; "" leaves a blank.
	Name string
}

// NewLetterInput fills in a follow-up letter for the submitted track t of
// in's account, as the escalation reminder does: the platform's names from
// the catalog, the masked login, the ticket, the submission date, the
// published review window and its end, and as the letter's date the day
// EscalationWorkdays working days after the submission. The coverage says
// whether those dates rest on missing holiday data. A GUI drafting a letter
// to send may put the full login in Account and clear Masked.
func NewLetterInput(in Input, t accounts.Track) (LetterInput, workdays.Coverage) {
	if in.Calendar == nil {
		in.Calendar = emptyCalendar
	}
	li := LetterInput{
		Platform: catalog.Text{Zh: in.platformNameIn("zh"), En: in.platformNameIn("en")},
		Track:    t.Kind, Account: in.identifier(), Masked: in.identifier() != "",
		Ticket: t.Ticket, Workdays: EscalationWorkdays, Date: in.Now,
	}
	if t.SubmittedAt == nil {
		return li, workdays.Coverage{}
	}
	li.SubmittedAt = *t.SubmittedAt
	var cov workdays.Coverage
	li.Date, cov = in.Calendar.AddWorkdays(li.SubmittedAt, EscalationWorkdays)
	if w, ok := in.reviewWindow(t.Kind); ok {
		var c workdays.Coverage
		li.ReviewWorkdays = w.Max
		li.ReviewDue, c = in.Calendar.ReviewDue(li.SubmittedAt, w.Max)
		cov = cov.Merge(c)
	}
	return li, cov
}

// Letter is a drafted letter in one language.
type Letter struct {
	Lang    string // "zh" or "en"
	Subject string
	Body    string
}

// String is the subject, a blank line and the body.
func (l Letter) String() string { return l.Subject + "\n\n" + l.Body }

// blank is what a letter shows for a detail still to fill in.
const blank = "________"

// DraftLetter drafts the follow-up letter for a request the platform has
// not finished, in lang ("zh" or "en"; anything not Chinese is English). It
// asks the platform to finish the request and delete the person's personal
// information, citing Article 47 of the Personal Information Protection Law
// (个人信息保护法第四十七条: the duty to delete, and the right to ask for it)
// and Article 24 of the E-commerce Law (电子商务法第二十四条: no unreasonable
// conditions on deletion or account closure, deletion on closure), with the
// platform, the dates and the ticket number filled in.
func DraftLetter(lang string, in LetterInput) Letter {
	if catalog.Lang(lang) == "zh" {
		return draftZh(in)
	}
	return draftEn(in)
}

func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return s
}

// zhDate writes a date the Chinese way: 2026年9月30日.
func zhDate(t time.Time) string {
	d := workdays.DateOf(t)
	return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
}

func draftZh(in LetterInput) Letter {
	track := trackName(in.Track, "zh")
	account := orBlank(in.Account)
	if in.Masked && in.Account != "" {
		account += "（此处已打码，发送前请写全）"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s客户服务 / 个人信息保护负责人：\n\n", orBlank(in.Platform.In("zh")))
	fmt.Fprintf(&b, "本人于%s通过贵平台提交了%s申请，受理编号：%s，涉及账号：%s。", zhDate(in.SubmittedAt), track, orBlank(in.Ticket), account)
	if in.ReviewWorkdays > 0 && !in.ReviewDue.IsZero() {
		fmt.Fprintf(&b, "按贵平台公布的审核时限（最长 %d 个工作日），该申请应于%s前处理完毕。", in.ReviewWorkdays, zhDate(in.ReviewDue))
	}
	fmt.Fprintf(&b, "截至%s，提交已满 %d 个工作日，申请仍未办结，本人也未收到不予办理的理由。\n\n", zhDate(in.Date), in.Workdays)
	b.WriteString("根据《中华人民共和国个人信息保护法》第四十七条，处理目的已实现、个人信息处理者停止提供产品或者服务、个人撤回同意等情形下，个人信息处理者应当主动删除个人信息；个人信息处理者未删除的，个人有权请求删除。\n")
	b.WriteString("根据《中华人民共和国电子商务法》第二十四条，电子商务经营者不得对用户信息查询、更正、删除以及用户注销设置不合理条件；收到删除申请的，应当在核实身份后及时删除用户信息；用户注销的，应当立即删除该用户的信息，依照法律、行政法规的规定或者双方约定保存的，依照其规定。\n\n")
	b.WriteString("为此，本人请求贵平台：\n")
	fmt.Fprintf(&b, "1. 尽快办结上述%s申请，并删除本人的个人信息；\n", track)
	b.WriteString("2. 以书面形式（电子邮件或站内信）告知处理结果；如依法须保留部分信息，请说明法律依据、保留的范围和期限；\n")
	b.WriteString("3. 如不能办理，请说明具体理由和需要补充的材料。\n\n")
	b.WriteString("请于收到本函后 15 个工作日内答复。逾期未获答复的，本人将依法向市场监督管理部门（12315）和网信部门投诉。\n\n")
	fmt.Fprintf(&b, "申请人：%s\n联系方式：%s\n日期：%s", orBlank(in.Name), blank, zhDate(in.Date))
	return Letter{Lang: "zh", Subject: fmt.Sprintf("关于尽快办结%s申请并删除个人信息的催告函", track), Body: b.String()}
}

func draftEn(in LetterInput) Letter {
	track := trackName(in.Track, "en")
	account := orBlank(in.Account)
	if in.Masked && in.Account != "" {
		account += " (masked here; write it in full before sending)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "To the customer service and the personal information protection officer of %s:\n\n", orBlank(in.Platform.In("en")))
	fmt.Fprintf(&b, "On %s I submitted a request for %s to your platform (ticket number: %s) for the account %s. ",
		workdays.FormatDate(in.SubmittedAt), track, orBlank(in.Ticket), account)
	if in.ReviewWorkdays > 0 && !in.ReviewDue.IsZero() {
		fmt.Fprintf(&b, "Your platform states that it reviews such requests within %d working days, so it was due by %s. ", in.ReviewWorkdays, workdays.FormatDate(in.ReviewDue))
	}
	fmt.Fprintf(&b, "As of %s, %d working days after I submitted it, the request is still not done, and I have received no reason for refusing it.\n\n", workdays.FormatDate(in.Date), in.Workdays)
	b.WriteString("Under Article 47 of the Personal Information Protection Law of the PRC (个人信息保护法), a personal information processor shall delete personal information on its own initiative when, among other cases, the purpose of processing has been achieved, it stops providing the product or service, or the individual withdraws consent; if it does not, the individual has the right to request deletion.\n")
	b.WriteString("Under Article 24 of the E-commerce Law of the PRC (电子商务法), an e-commerce operator shall not set unreasonable conditions for deleting user information or closing an account; after verifying the user's identity it shall delete user information promptly, and when a user closes the account it shall delete that user's information immediately, unless laws, administrative regulations or an agreement between the parties require it to be kept.\n\n")
	b.WriteString("I therefore ask you to:\n")
	fmt.Fprintf(&b, "1. complete the %s request above without further delay and delete my personal information;\n", track)
	b.WriteString("2. tell me the result in writing (e-mail or in-app message); if some information must be kept by law, state the legal basis, what is kept and for how long;\n")
	b.WriteString("3. if you cannot do so, state the specific reason and what further material you need.\n\n")
	b.WriteString("Please reply within 15 working days of receiving this letter. Without an answer, I will complain to the market regulation authority (12315) and the cyberspace administration as the law allows.\n\n")
	fmt.Fprintf(&b, "Name: %s\nContact: %s\nDate: %s", orBlank(in.Name), blank, workdays.FormatDate(in.Date))
	return Letter{Lang: "en", Subject: fmt.Sprintf("Request to complete my %s request and delete my personal information", track), Body: b.String()}
}
