package kit

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

// The labels of the domain's enumerations. Each string is written out in
// a lang.L call so the translation test finds it.

// Lang is the language the UI speaks now, "zh" or "en" (each
// translation file names its own language under "ui.lang").
func Lang() string { return catalog.Lang(lang.X("ui.lang", "en")) }

// StatusLabel and trackLabel read the one table of names in accounts, so
// the GUI, the reminders and the report call a status the same; English
// starts with a capital on its own in a badge or heading.
func StatusLabel(s accounts.Status) string { return capitalised(s.Name(Lang())) }

func TrackLabel(k accounts.TrackKind) string { return capitalised(k.Name(Lang())) }

func capitalised(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func ChannelLabel(c catalog.Channel) string {
	switch c {
	case catalog.SelfService:
		return lang.L("Self-service")
	case catalog.CustomerService:
		return lang.L("Customer service")
	case catalog.WebForm:
		return lang.L("Web form")
	case catalog.Email:
		return lang.L("E-mail")
	}
	return string(c)
}

func DifficultyLabel(d catalog.Difficulty) string {
	switch d {
	case catalog.Easy:
		return lang.L("Easy")
	case catalog.Medium:
		return lang.L("Medium")
	case catalog.Hard:
		return lang.L("Hard")
	case catalog.Limited:
		return lang.L("Limited")
	case catalog.Impossible:
		return lang.L("Impossible")
	}
	return string(d)
}

func SecretLabel(f accounts.SecretField) string {
	switch f {
	case accounts.SecretPassword:
		return lang.L("Password")
	case accounts.SecretPaymentPassword:
		return lang.L("Payment password")
	case accounts.SecretSecurityAnswers:
		return lang.L("Security answers")
	case accounts.SecretRecoveryCodes:
		return lang.L("Recovery codes")
	case accounts.SecretNote:
		return lang.L("Secret note")
	}
	return string(f)
}

var ThirdParties = []accounts.ThirdParty{
	accounts.ThirdPartyWeChat, accounts.ThirdPartyQQ, accounts.ThirdPartyAlipay, accounts.ThirdPartyTaobao,
	accounts.ThirdPartyDouyin, accounts.ThirdPartyWeibo, accounts.ThirdPartyApple, accounts.ThirdPartyGoogle,
}

func ThirdPartyLabel(t accounts.ThirdParty) string {
	switch t {
	case accounts.ThirdPartyWeChat:
		return lang.L("WeChat")
	case accounts.ThirdPartyQQ:
		return "QQ"
	case accounts.ThirdPartyAlipay:
		return lang.L("Alipay")
	case accounts.ThirdPartyTaobao:
		return lang.L("Taobao")
	case accounts.ThirdPartyDouyin:
		return lang.L("Douyin")
	case accounts.ThirdPartyWeibo:
		return lang.L("Weibo")
	case accounts.ThirdPartyApple:
		return "Apple"
	case accounts.ThirdPartyGoogle:
		return "Google"
	}
	return string(t)
}

func ReminderStateLabel(s accounts.ReminderState) string {
	switch s {
	case accounts.ReminderPending:
		return lang.L("Upcoming")
	case accounts.ReminderFired:
		return lang.L("Due")
	case accounts.ReminderDone:
		return lang.L("Done")
	case accounts.ReminderSnoozed:
		return lang.L("Snoozed")
	case accounts.ReminderDismissed:
		return lang.L("Dismissed")
	}
	return string(s)
}

// FieldLabel names an account field of a ValidationError.
func FieldLabel(field string) string {
	switch field {
	case "platform":
		return lang.L("Platform")
	case "name":
		return lang.L("Name")
	case "login":
		return lang.L("Login")
	case "phone":
		return lang.L("Phone")
	case "email":
		return lang.L("E-mail address")
	case "notes":
		return lang.L("Notes")
	case "date":
		return lang.L("Date")
	case "until":
		return lang.L("Last day of the cooling-off")
	case "status":
		return lang.L("Status")
	case "track", "step", "reason":
		return lang.L("Steps")
	}
	return field
}

// ProblemText translates the domain's validation problems; "" for one it
// does not know (Explain then says the field is not valid and keeps the
// English behind Details).
func ProblemText(p string) string {
	switch p {
	case "is required":
		return lang.L("is required")
	case "must be digits, optionally with + and spaces, e.g. 13812345678":
		return lang.L("must be digits, optionally with + and spaces, e.g. 13812345678")
	case "is not an e-mail address like name@example.com":
		return lang.L("is not an e-mail address like name@example.com")
	case "is in the future":
		return lang.L("is in the future")
	case "is empty":
		return lang.L("is empty")
	case "a cooling-off needs its last day (the platform shows it when you confirm)":
		return lang.L("enter the last day of the cooling-off; the platform shows it when you confirm")
	case "the cooling-off cannot end before it starts":
		return lang.L("cannot be before the cooling-off starts")
	}
	switch {
	case strings.HasPrefix(p, "is longer than"):
		return lang.L("is too long")
	case strings.HasPrefix(p, "a cooling-off longer than"):
		return lang.L("is too far away for a cooling-off; check the date")
	}
	return ""
}

// FriendlyError is Explain's message as an error, for places that carry
// an error on (a form's field, a notice line).
func FriendlyError(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(Explain(err).Message)
}

// friendly words the domain's own errors that need no details: a field,
// a status move, a blocked track, a conflict; "" for any other.
func friendly(err error) string {
	var ve *accounts.ValidationError
	if errors.As(err, &ve) {
		if p := ProblemText(ve.Problem); p != "" {
			return FieldLabel(ve.Field) + lang.L(": ") + p
		}
		return "" // Explain words it with the details
	}
	var te *accounts.TransitionError
	if errors.As(err, &te) {
		next := make([]string, 0, 3)
		for _, s := range te.From.Next() {
			next = append(next, StatusLabel(s))
		}
		if len(next) == 0 {
			return lang.L("This account is {{.From}} and cannot change to {{.To}}.",
				map[string]string{"From": StatusLabel(te.From), "To": StatusLabel(te.To)})
		}
		return lang.L("This account is {{.From}} now (perhaps changed elsewhere), so it cannot become {{.To}}. From {{.From}} it can become: {{.Next}}.",
			map[string]string{"From": StatusLabel(te.From), "To": StatusLabel(te.To), "Next": strings.Join(next, lang.L(", "))})
	}
	var be *accounts.BlockedError
	if errors.As(err, &be) {
		why := catalog.Text{Zh: be.Zh, En: be.En}.In(Lang())
		if be.NotPossible {
			return lang.L("The platform does not offer \"{{.Track}}\": {{.Why}}", map[string]string{"Track": TrackLabel(be.Track), "Why": why})
		}
		if be.Permanent {
			return lang.L("\"{{.Track}}\" cannot be done for this account: {{.Why}}. See the track's steps for what to do instead.",
				map[string]string{"Track": TrackLabel(be.Track), "Why": why})
		}
		return lang.L("\"{{.Track}}\" is blocked: {{.Why}}. Clear it first, or tick \"Does not apply to me\" under the blocker in the track's steps.",
			map[string]string{"Track": TrackLabel(be.Track), "Why": why})
	}
	if errors.Is(err, accounts.ErrConflict) {
		return lang.L("Someone else changed this account in the meantime (perhaps unbindctl). It has been reloaded: make your change again.")
	}
	return ""
}
