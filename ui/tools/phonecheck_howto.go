package tools

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/phonecheck"
)

// phoneCheckHowTo says how to get the result SMS, in the person's words
// (sources: docs/research/phone-check-sms.md).
func phoneCheckHowTo() fyne.CanvasObject {
	steps := []string{
		lang.L("Open the official 一证通查 service: in WeChat, the public account 工信微报, 工信部反诈专班 or 中国信通院 (menu 政务服务 → 一证通查); or the 一证通查 mini-program in Alipay."),
		lang.L("Choose 互联网账号 (internet accounts), not 移动电话卡 (phone cards)."),
		lang.L("Give the phone number, the last six characters of your ID card number and the verification code sent to you."),
		lang.L("The result comes as an SMS from 10699000. The official notice allows up to 48 hours; reporters who tried it had it within seconds. If a query fails, try again after 24 hours."),
		lang.L("Paste the whole SMS below, every part of it. It lists only how many accounts each company or app holds, no account names; nothing leaves this computer."),
	}
	text := ""
	for i, s := range steps {
		if i > 0 {
			text += "\n"
		}
		text += fmt.Sprintf("%d. %s", i+1, s)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	acc := widget.NewAccordion(widget.NewAccordionItem(lang.L("How to get the result SMS"), l))
	acc.Open(0)
	return acc
}

// smsErrorText words a ParseSMS or SMSPhone refusal in the person's
// language, saying what to do.
func smsErrorText(err error) string {
	var pe *phonecheck.PhoneError
	if errors.As(err, &pe) {
		switch {
		case pe.Invalid || (pe.Entered == "" && pe.Masked == ""):
			return lang.L("Enter the phone number the SMS is about (7 to 15 digits).")
		case pe.Entered == "":
			return lang.L("The SMS shows the number masked ({{.Masked}}). Enter the whole number above.", map[string]any{"Masked": pe.Masked})
		}
		return lang.L("The SMS is about {{.Masked}}, not the number entered. Check the number.", map[string]any{"Masked": pe.Masked})
	}
	var se *phonecheck.SMSError
	if !errors.As(err, &se) {
		return oneLineError(err)
	}
	switch se.Problem {
	case phonecheck.SMSEmpty:
		return lang.L("Paste the result SMS first.")
	case phonecheck.SMSTooLong:
		return lang.L("This text is far longer than an SMS. Paste only the result SMS from 10699000.")
	case phonecheck.SMSOnlyTotal:
		return lang.L("The SMS gives only a total ({{.N}}), not the companies. Enter the companies by hand.", map[string]any{"N": se.Count})
	case phonecheck.SMSCountTooBig:
		return lang.L("{{.Name}}: {{.N}} is more than 999 accounts. Check the text.", map[string]any{"Name": se.Name, "N": se.Count})
	case phonecheck.SMSConflict:
		return lang.L("{{.Name}} appears twice, with {{.A}} and {{.B}}. Paste each part of the SMS once.",
			map[string]any{"Name": se.Name, "A": se.Count, "B": se.Other})
	case phonecheck.SMSTooMany:
		return lang.L("More than 100 counts: this is not one result SMS. Paste only the result SMS.")
	case phonecheck.SMSAmbiguous:
		return lang.L("“{{.Name}}” could be more than one company. Enter it by hand with the company's ID.", map[string]any{"Name": se.Name})
	}
	return lang.L("No company with a count was found in this text. Paste the whole result SMS, or enter the counts by hand.")
}

// countErrorText words a refusal of the typed counts in the person's
// language.
func countErrorText(err error) string {
	var ce *phonecheck.CountError
	if !errors.As(err, &ce) {
		return oneLineError(err)
	}
	args := map[string]any{"Arg": ce.Arg, "Other": ce.Other}
	switch ce.Problem {
	case phonecheck.CountNotPair:
		return lang.L("“{{.Arg}}” is not a company and a count. Write them as 百度=1.", args)
	case phonecheck.CountNotNumber:
		return lang.L("“{{.Arg}}”: the count must be a whole number from 0 to 999.", args)
	case phonecheck.CountNameTooLong:
		return lang.L("“{{.Arg}}”: the company name is too long.", args)
	case phonecheck.CountTwice:
		return lang.L("“{{.Other}}” and “{{.Arg}}” are the same company. Give it once.", args)
	}
	return lang.L("“{{.Arg}}” could be more than one company. Write the company's ID (e.g. alibaba).", args)
}
