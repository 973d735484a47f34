package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/ui/kit"
)

const hiddenValue = "••••••••"

// credentialsView is the Credentials tab: each secret field, masked, with
// reveal, copy, edit and delete. Values come from the keyring on demand
// and are never kept beyond what is on screen.
type credentialsView struct {
	u       *UI
	acc     accounts.Account
	banner  *fyne.Container
	rows    *fyne.Container
	status  *widget.Label
	content fyne.CanvasObject
	fields  map[accounts.SecretField]*secretRow
}

// secretRow is one field's widgets.
type secretRow struct {
	value          *widget.Label
	reveal, copy   *widget.Button
	edit, del, add *widget.Button
	shown          bool
}

func newCredentialsView(u *UI) *credentialsView {
	v := &credentialsView{u: u, banner: container.NewVBox(), rows: container.NewVBox(), status: widget.NewLabel("")}
	v.status.Importance = widget.SuccessImportance
	v.status.Wrapping = fyne.TextWrapWord
	intro := smallWrap(lang.L("Secrets live only in your system keyring (Secret Service, Keychain or Credential Manager), never in Unbind's database."))
	v.content = container.NewVScroll(container.NewPadded(container.NewVBox(v.banner, intro, v.rows, v.status)))
	return v
}

func (v *credentialsView) show(a accounts.Account) {
	v.acc = a
	v.fields = map[accounts.SecretField]*secretRow{}
	v.status.SetText("")
	v.rows.Objects = v.rows.Objects[:0]
	for _, f := range accounts.SecretFields {
		v.rows.Add(v.row(f, hasField(a, f)))
	}
	v.rows.Refresh()
	v.showKeyringProblem(v.u.keyringErr)
}

func hasField(a accounts.Account, f accounts.SecretField) bool {
	for _, x := range a.SecretFields {
		if x == f {
			return true
		}
	}
	return false
}

func (v *credentialsView) row(f accounts.SecretField, set bool) fyne.CanvasObject {
	r := &secretRow{value: widget.NewLabel("")}
	v.fields[f] = r
	name := widget.NewLabel(kit.SecretLabel(f))
	if !set {
		r.value.SetText(lang.L("Not stored"))
		r.add = widget.NewButtonWithIcon(lang.L("Add…"), theme.ContentAddIcon(), func() { v.onEdit(f) })
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, name.MinSize().Height), name), r.add, r.value)
	}
	r.value.SetText(hiddenValue)
	r.value.Wrapping = fyne.TextWrapBreak
	r.reveal = widget.NewButtonWithIcon("", theme.VisibilityIcon(), func() { v.onReveal(f) })
	r.copy = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() { v.onCopy(f) })
	r.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { v.onEdit(f) })
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.onDelete(f) })
	buttons := container.NewHBox(r.reveal, r.copy, r.edit, r.del)
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, name.MinSize().Height), name), buttons, r.value)
}

// secret reads a value, reporting keyring trouble plainly.
func (v *credentialsView) secret(f accounts.SecretField) (string, bool) {
	val, err := v.u.svc.Secret(v.u.ctx, v.acc.ID, f)
	if err != nil {
		v.keyringFailed(err)
		return "", false
	}
	v.u.setKeyringErr(nil)
	return val, true
}

func (v *credentialsView) onReveal(f accounts.SecretField) {
	r := v.fields[f]
	if r.shown {
		r.value.SetText(hiddenValue)
		r.reveal.SetIcon(theme.VisibilityIcon())
		r.shown = false
		return
	}
	val, ok := v.secret(f)
	if !ok {
		return
	}
	r.value.SetText(val)
	r.reveal.SetIcon(theme.VisibilityOffIcon())
	r.shown = true
}

func (v *credentialsView) onCopy(f accounts.SecretField) {
	val, ok := v.secret(f)
	if !ok {
		return
	}
	d := v.u.clip.Copy(val)
	v.status.SetText(lang.L("{{.Field}} copied. The clipboard is cleared in {{.N}} seconds unless you copy something else.",
		map[string]any{"Field": kit.SecretLabel(f), "N": int(d / time.Second)}))
}

func (v *credentialsView) onEdit(f accounts.SecretField) {
	var entry *widget.Entry
	switch f {
	case accounts.SecretSecurityAnswers, accounts.SecretRecoveryCodes, accounts.SecretNote:
		entry = widget.NewMultiLineEntry()
		entry.SetMinRowsVisible(4)
	default:
		entry = widget.NewPasswordEntry()
	}
	a := v.acc
	title := lang.L("{{.Field}} of \"{{.Name}}\"", map[string]string{"Field": kit.SecretLabel(f), "Name": a.Name})
	d := dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(kit.SecretLabel(f), entry)}, func(ok bool) {
			if !ok {
				return
			}
			if err := v.u.svc.SetSecret(v.u.ctx, a.ID, f, entry.Text); err != nil {
				v.keyringFailed(err)
				return
			}
			v.u.setKeyringErr(nil)
			v.u.refreshAccount(a.ID)
		}, v.u.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

func (v *credentialsView) onDelete(f accounts.SecretField) {
	a := v.acc
	dialog.ShowConfirm(lang.L("Delete {{.Field}}", map[string]string{"Field": kit.SecretLabel(f)}),
		lang.L("Remove it from the system keyring? This cannot be undone."), func(ok bool) {
			if !ok {
				return
			}
			if err := v.u.svc.DeleteSecret(v.u.ctx, a.ID, f); err != nil {
				v.keyringFailed(err)
				return
			}
			v.u.refreshAccount(a.ID)
		}, v.u.win)
}

// keyringFailed explains a failed keyring call. Unavailability gets the
// banner too, since it affects every field until it is fixed.
func (v *credentialsView) keyringFailed(err error) {
	if keyringDown(err) {
		v.u.setKeyringErr(err)
	}
	kit.ShowError(keyringError(err), v.u.win)
}

// showKeyringProblem shows or hides the "keyring unavailable" banner.
func (v *credentialsView) showKeyringProblem(err error) {
	v.banner.Objects = v.banner.Objects[:0]
	if err != nil {
		v.banner.Add(kit.Note(theme.WarningIcon(), keyringError(err).Error(), widget.WarningImportance))
	}
	v.banner.Refresh()
}

// keyringDown reports errors that mean no keyring at all, as opposed to a
// problem with one value.
func keyringDown(err error) bool {
	return errors.Is(err, vault.ErrUnavailable) || errors.Is(err, accounts.ErrNoKeyring)
}

// keyringError says in the UI language what a keyring error means; the
// vault's own text (English, with what to do) follows.
func keyringError(err error) error {
	switch {
	case keyringDown(err):
		return errors.New(lang.L("The system keyring is not available, so passwords cannot be shown or saved right now. Your accounts, steps and reminders keep working.") +
			"\n\n" + err.Error())
	case errors.Is(err, accounts.ErrNotFound):
		return errors.New(lang.L("The keyring holds no value for this field; it may have been removed outside Unbind. Add it again if you need it."))
	}
	return kit.FriendlyError(err)
}
