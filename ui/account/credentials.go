package account

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

const hiddenValue = "••••••••"

// credentialsView is the Credentials tab: each secret field, masked, with
// reveal, copy, edit and delete. Values come from the keyring on demand
// and are never kept beyond what is on screen.
type credentialsView struct {
	u       *shell
	acc     accounts.Account
	banner  *fyne.Container
	rows    *fyne.Container
	status  *widget.Label
	content fyne.CanvasObject
	fields  map[accounts.SecretField]*secretRow
}

// RevealTimeout is how long a revealed secret stays readable.
const RevealTimeout = 30 * time.Second

// secretRow is one field's widgets.
type secretRow struct {
	value        *widget.Label
	reveal, copy *kit.IconButton
	edit, del    *kit.IconButton
	add          *widget.Button
	shown        bool
}

// buttons are the row's buttons that need the keyring.
func (r *secretRow) buttons() []fyne.Disableable {
	if r.add != nil {
		return []fyne.Disableable{r.add}
	}
	return []fyne.Disableable{r.reveal, r.copy, r.edit, r.del}
}

func newCredentialsView(u *shell) *credentialsView {
	v := &credentialsView{u: u, banner: container.NewVBox(), rows: container.NewVBox(), status: widget.NewLabel("")}
	v.status.Importance = widget.SuccessImportance
	v.status.Wrapping = fyne.TextWrapWord
	intro := smallWrap(lang.L("Secrets live only in your system keyring (Secret Service, Keychain or Credential Manager), never in Unbind's database."))
	v.content = kit.NewVScroll(container.NewPadded(container.NewVBox(v.banner, intro, v.rows, v.status)))
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
	v.showKeyringProblem(v.u.KeyringProblem())
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
		return kit.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, name.MinSize().Height), name), r.add, r.value)
	}
	r.value.SetText(hiddenValue)
	r.value.Wrapping = fyne.TextWrapBreak
	r.reveal = kit.NewIconButton(theme.VisibilityIcon(), lang.L("Show"), func() { v.onReveal(f) })
	r.copy = kit.NewIconButton(theme.ContentCopyIcon(), lang.L("Copy to the clipboard"), func() { v.onCopy(f) })
	r.edit = kit.NewIconButton(theme.DocumentCreateIcon(), lang.L("Change…"), func() { v.onEdit(f) })
	r.del = kit.NewIconButton(theme.DeleteIcon(), lang.L("Delete from the keyring…"), func() { v.onDelete(f) })
	buttons := container.NewHBox(r.reveal, r.copy, r.edit, r.del)
	return kit.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, name.MinSize().Height), name), buttons, r.value)
}

// secret reads a value, reporting keyring trouble plainly.
func (v *credentialsView) secret(f accounts.SecretField) (string, bool) {
	val, err := v.u.env().Service.Secret(v.u.env().Ctx, v.acc.ID, f)
	if err != nil {
		v.keyringFailed(err)
		return "", false
	}
	v.u.SetKeyringProblem(nil)
	return val, true
}

func (v *credentialsView) onReveal(f accounts.SecretField) {
	r := v.fields[f]
	if r.shown {
		r.value.SetText(hiddenValue)
		r.reveal.SetIcon(theme.VisibilityIcon())
		r.reveal.SetTip(lang.L("Show"))
		r.shown = false
		return
	}
	val, ok := v.secret(f)
	if !ok {
		return
	}
	r.value.SetText(val)
	r.reveal.SetIcon(theme.VisibilityOffIcon())
	r.reveal.SetTip(lang.L("Hide"))
	r.shown = true
	v.u.after(RevealTimeout, func() {
		fyne.Do(func() {
			// Only this row, if it is still on show for the same account.
			if v.fields[f] == r && r.shown {
				v.onReveal(f)
			}
		})
	})
}

func (v *credentialsView) onCopy(f accounts.SecretField) {
	val, ok := v.secret(f)
	if !ok {
		return
	}
	d := v.u.env().Clip.Copy(val)
	note := lang.L("{{.Field}} copied. The clipboard is cleared in {{.N}} seconds unless you copy something else.",
		map[string]any{"Field": kit.SecretLabel(f), "N": int(d / time.Second)})
	v.status.SetText(note)
	// The note goes when the clipboard has been cleared.
	v.u.after(d, func() {
		fyne.Do(func() {
			if v.status.Text == note {
				v.status.SetText("")
			}
		})
	})
}

func (v *credentialsView) onEdit(f accounts.SecretField) { v.editSecret(f, "") }

// editSecret asks for a value, starting from typed: when saving fails the
// form opens again with what the person typed, under the error.
func (v *credentialsView) editSecret(f accounts.SecretField, typed string) {
	var entry *kit.Entry
	switch f {
	case accounts.SecretSecurityAnswers, accounts.SecretRecoveryCodes, accounts.SecretNote:
		entry = kit.NewMultiLineEntry()
		entry.SetMinRowsVisible(4)
	default:
		entry = kit.NewPasswordEntry()
	}
	entry.SetText(typed)
	a := v.acc
	title := lang.L("{{.Field}} of \"{{.Name}}\"", map[string]string{"Field": kit.SecretLabel(f), "Name": a.Name})
	d := dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(kit.SecretLabel(f), entry)}, func(ok bool) {
			if !ok {
				return
			}
			if err := v.u.env().Service.SetSecret(v.u.env().Ctx, a.ID, f, entry.Text); err != nil {
				v.editSecret(f, entry.Text)
				v.keyringFailed(err)
				return
			}
			v.u.SetKeyringProblem(nil)
			v.u.AccountChanged(a.ID)
		}, v.u.env().Window)
	d.Resize(fyne.NewSize(420, 0))
	kit.Keyed(v.u.env().Window, d, nil)
	d.Show()
}

func (v *credentialsView) onDelete(f accounts.SecretField) {
	a := v.acc
	kit.ShowConfirm(lang.L("Delete {{.Field}}", map[string]string{"Field": kit.SecretLabel(f)}),
		lang.L("Remove it from the system keyring? This cannot be undone."), func(ok bool) {
			if !ok {
				return
			}
			if err := v.u.env().Service.DeleteSecret(v.u.env().Ctx, a.ID, f); err != nil {
				v.keyringFailed(err)
				return
			}
			v.u.AccountChanged(a.ID)
		}, v.u.env().Window)
}

// keyringFailed explains a failed keyring call. Unavailability gets the
// banner too, since it affects every field until it is fixed.
func (v *credentialsView) keyringFailed(err error) {
	if kit.KeyringDown(err) {
		v.u.SetKeyringProblem(err)
	}
	kit.ShowError(err, v.u.env().Window)
}

// showKeyringProblem shows or hides the "keyring unavailable" banner,
// and turns off every button that needs the keyring while it is down
// (the banner says why); Check keyring in Settings turns them on again.
func (v *credentialsView) showKeyringProblem(err error) {
	v.banner.Objects = v.banner.Objects[:0]
	if err != nil {
		v.banner.Add(kit.Note(theme.WarningIcon(), kit.FriendlyError(err).Error(), widget.WarningImportance))
	}
	v.banner.Refresh()
	for _, r := range v.fields {
		for _, b := range r.buttons() {
			if err != nil {
				b.Disable()
			} else {
				b.Enable()
			}
		}
	}
}
