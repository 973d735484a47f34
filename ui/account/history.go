package account

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// historyView is the History tab: the account's events, newest first.
type historyView struct {
	u       *shell
	box     *fyne.Container
	content fyne.CanvasObject
	lines   []string // the descriptions shown, for tests
}

func newHistoryView(u *shell) *historyView {
	v := &historyView{u: u, box: container.NewVBox()}
	v.content = container.NewVScroll(container.NewPadded(v.box))
	return v
}

// show lists events (the account's history, as the detail view read it;
// err when it could not be read).
func (v *historyView) show(a accounts.Account, events []accounts.Event, err error) {
	v.box.Objects = v.box.Objects[:0]
	v.lines = v.lines[:0]
	if err != nil {
		v.box.Add(kit.Note(theme.ErrorIcon(), kit.Explain(err).Message, widget.DangerImportance))
		v.box.Refresh()
		return
	}
	for i := len(events) - 1; i >= 0; i-- {
		e := events[i]
		text := v.describe(a, e)
		v.lines = append(v.lines, text)
		lines := container.New(layout.NewCustomPaddedVBoxLayout(0), kit.Body(text))
		var extra []string
		if e.Evidence != "" && e.Kind != accounts.EventEvidence {
			extra = append(extra, lang.L("Ticket: {{.T}}", map[string]string{"T": e.Evidence}))
		}
		if e.Note != "" {
			extra = append(extra, noteText(e.Note))
		}
		if e.Kind == accounts.EventFileAdded || e.Kind == accounts.EventFileRemoved {
			extra = append(extra, "SHA-256 "+e.To)
		}
		if e.RestoredFrom != "" && e.RestoredAt != nil {
			extra = append(extra, lang.L("restored from a backup ({{.From}}) on {{.Date}}",
				map[string]string{"From": e.RestoredFrom, "Date": kit.FormatDate(*e.RestoredAt)}))
		}
		if len(extra) > 0 {
			lines.Add(smallWrap(strings.Join(extra, " · ")))
		}
		when := kit.SmallText(kit.FormatDateTime(e.At))
		v.box.Add(kit.NewBorder(nil, nil, container.NewPadded(container.NewGridWrap(fyne.NewSize(112, when.MinSize().Height+12), when)), nil, lines))
	}
	v.box.Refresh()
}

// describe says what one event recorded, in the UI language.
func (v *historyView) describe(a accounts.Account, e accounts.Event) string {
	data := map[string]string{"Track": kit.TrackLabel(e.Track), "To": e.To, "From": e.From}
	switch e.Kind {
	case accounts.EventCreated:
		return lang.L("Added to Unbind")
	case accounts.EventImported:
		return lang.L("Imported")
	case accounts.EventEdited:
		return lang.L("Details edited")
	case accounts.EventStatus:
		data["From"], data["To"] = kit.StatusLabel(accounts.Status(e.From)), kit.StatusLabel(accounts.Status(e.To))
		if e.Track != "" {
			return lang.L("Status {{.From}} → {{.To}} ({{.Track}})", data)
		}
		return lang.L("Status {{.From}} → {{.To}}", data)
	case accounts.EventStep:
		data["Item"] = v.stepText(a.PlatformID, e.Track, e.To)
		return lang.L("Ticked \"{{.Item}}\" ({{.Track}})", data)
	case accounts.EventUnstep:
		data["Item"] = v.stepText(a.PlatformID, e.Track, e.To)
		switch accounts.Correction(e.From) {
		case accounts.CorrectionUndo:
			return lang.L("Undone right after ticking: \"{{.Item}}\" ({{.Track}})", data)
		case accounts.CorrectionMistake:
			return lang.L("Correction: \"{{.Item}}\" was ticked by mistake ({{.Track}})", data)
		}
		return lang.L("Unticked \"{{.Item}}\" ({{.Track}})", data)
	case accounts.EventEvidence:
		data["Ticket"] = e.Evidence
		if e.Evidence == "" {
			return lang.L("Note saved ({{.Track}})", data)
		}
		return lang.L("Ticket {{.Ticket}} recorded ({{.Track}})", data)
	case accounts.EventBackup:
		return lang.L("Backup recorded")
	case accounts.EventFileAdded:
		return lang.L("Evidence file attached ({{.Track}})", data)
	case accounts.EventFileRemoved:
		return lang.L("Evidence file removed ({{.Track}})", data)
	case accounts.EventSecretSet:
		data["Field"] = kit.SecretLabel(accounts.SecretField(e.To))
		return lang.L("{{.Field}} saved in the keyring", data)
	case accounts.EventSecretDel:
		data["Field"] = kit.SecretLabel(accounts.SecretField(e.To))
		return lang.L("{{.Field}} removed from the keyring", data)
	case accounts.EventCheck:
		return lang.L("Phone number check")
	case accounts.EventReminder:
		return lang.L("Reminder")
	case accounts.EventDeleted:
		return lang.L("Deleted from Unbind")
	}
	return string(e.Kind)
}

// noteText translates the notes the domain itself writes.
func noteText(n string) string {
	if n == "first step ticked" {
		return lang.L("first step ticked")
	}
	return n
}

// stepText finds a checklist key's text in the catalog.
func (v *historyView) stepText(platformID string, kind accounts.TrackKind, key string) string {
	p, ok := v.u.platform(platformID)
	if !ok {
		return key
	}
	t, ok := p.Track(kind)
	if !ok {
		return key
	}
	if id, ok := strings.CutPrefix(key, "prereq:"); ok {
		if pre, ok := t.Prerequisite(id); ok {
			return pre.Text.In(v.u.env().Lang)
		}
	}
	if n, ok := strings.CutPrefix(key, "step:"); ok {
		for i, s := range t.Steps {
			if strconv.Itoa(i) == n {
				return s.Text.In(v.u.env().Lang)
			}
		}
	}
	return key
}
