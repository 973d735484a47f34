package account

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestRevealAndCopyCredential(t *testing.T) {
	keyring.MockInit()
	u := newTestUI(t, nil)
	u.clipTimeout = 45 * time.Second
	// The timer is injected: the test fires it instead of waiting.
	var delay time.Duration
	var fire func()
	u.clip.AfterFunc = func(d time.Duration, f func()) *time.Timer {
		delay, fire = d, f
		return time.NewTimer(time.Hour)
	}
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	if err := u.svc.SetSecret(context.Background(), a.ID, accounts.SecretPassword, "s3cret-Pw"); err != nil {
		t.Fatal(err)
	}
	u.refreshAccount(a.ID)
	u.selectAccount(a.ID)
	row := u.detail.creds.fields[accounts.SecretPassword]
	if row.value.Text != hiddenValue {
		t.Fatalf("password shown as %q before reveal", row.value.Text)
	}
	if u.detail.creds.fields[accounts.SecretPaymentPassword].add == nil {
		t.Error("an unset field offers no Add button")
	}
	test.Tap(row.reveal)
	if row.value.Text != "s3cret-Pw" {
		t.Fatalf("revealed %q", row.value.Text)
	}
	test.Tap(row.reveal)
	if row.value.Text != hiddenValue {
		t.Error("hiding again did not mask the value")
	}

	clip := u.app.Clipboard()
	test.Tap(row.copy)
	if clip.Content() != "s3cret-Pw" {
		t.Fatalf("clipboard holds %q", clip.Content())
	}
	if !strings.Contains(u.detail.creds.status.Text, "Password copied") {
		t.Errorf("status %q", u.detail.creds.status.Text)
	}
	if delay != 45*time.Second || !strings.Contains(u.detail.creds.status.Text, "45 seconds") {
		t.Errorf("clearing scheduled after %v (status %q), want the setting's 45 s", delay, u.detail.creds.status.Text)
	}
	fire()
	if clip.Content() != "" {
		t.Errorf("the clipboard still holds %q after the timeout", clip.Content())
	}

	// Something else copied after the secret is the person's: it stays.
	test.Tap(row.copy)
	clip.SetContent("my own text")
	fire()
	if clip.Content() != "my own text" {
		t.Errorf("clearing removed the person's own clipboard text: %q", clip.Content())
	}
}

func TestEditAndDeleteCredential(t *testing.T) {
	keyring.MockInit()
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	u.selectAccount(a.ID)
	test.Tap(u.detail.creds.fields[accounts.SecretPassword].add)
	dlg := uitest.Top(u.win)
	test.Type(uitest.Find(dlg, func(e *kit.Entry) bool { return e.Password }), "new-pass")
	test.Tap(uitest.Button(dlg, "Save"))
	if v, err := u.svc.Secret(context.Background(), a.ID, accounts.SecretPassword); err != nil || v != "new-pass" {
		t.Fatalf("keyring holds %q, %v", v, err)
	}
	if u.detail.creds.fields[accounts.SecretPassword].del == nil {
		t.Fatal("a stored field has no delete button")
	}
	test.Tap(u.detail.creds.fields[accounts.SecretPassword].del)
	test.Tap(uitest.Button(uitest.Top(u.win), "Yes"))
	if _, err := u.svc.Secret(context.Background(), a.ID, accounts.SecretPassword); err == nil {
		t.Error("the value is still in the keyring")
	}
	if h := u.detail.hist.lines[0]; h != "Password removed from the keyring" {
		t.Errorf("newest history line %q", h)
	}
}

func TestKeyringFailureIsExplainedAndNothingElseBreaks(t *testing.T) {
	u := newTestUI(t, uitest.NoSecretService{})
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao"})
	// The flag says a password is stored, but the keyring is gone.
	if err := u.st.MarkSecret(ctx, a.ID, accounts.SecretPassword, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	u.refreshAccount(a.ID)
	u.selectAccount(a.ID)
	test.Tap(u.detail.creds.fields[accounts.SecretPassword].reveal)
	if !uitest.TopShows(u.win, "The system keyring is not available") {
		t.Error("no dialog saying the keyring is unavailable")
	}
	if !uitest.Shows(u.detail.creds.banner, "keyring is not available") {
		t.Error("the Credentials tab does not say the keyring is unavailable")
	}
	if u.detail.creds.fields[accounts.SecretPassword].value.Text != hiddenValue {
		t.Error("the value label changed after a failed read")
	}
	test.Tap(u.detail.creds.fields[accounts.SecretPassword].copy)
	if u.app.Clipboard().Content() != "" {
		t.Error("something was copied without a keyring")
	}
	// Everything else keeps working.
	check := u.detail.steps.checks[string(accounts.TrackAccountDelete)+"/"+accounts.PrereqKey("backup_orders")]
	test.Tap(check)
	if u.detail.acc.Status != accounts.StatusPreparing {
		t.Errorf("ticking a step failed without a keyring: %s", u.detail.acc.Status)
	}
	// Deleting the account is refused rather than orphaning the secret.
	u.view.u.onDelete(u.detail.acc)
	test.Tap(uitest.Button(uitest.Top(u.win), "Yes"))
	if _, err := u.svc.Get(ctx, a.ID); err != nil {
		t.Error("the account was deleted although its password could not be removed from the keyring")
	}
}

// A password typed into the form survives a failed save: the form opens
// again with it, under the error; and once the keyring is known to be
// down, the buttons that need it are off, with the banner saying why.
func TestFailedSaveKeepsWhatWasTyped(t *testing.T) {
	u := newTestUI(t, uitest.NoSecretService{})
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	u.selectAccount(a.ID)
	addBtn := u.detail.creds.fields[accounts.SecretPassword].add
	test.Tap(addBtn)
	form := uitest.Top(u.win)
	entry := uitest.Find(form, func(e *kit.Entry) bool { return e.Password })
	test.Type(entry, "typed-secret")
	test.Tap(uitest.Button(form, "Save"))
	kept := false
	for _, o := range u.win.Canvas().Overlays().List() {
		if e := uitest.Find(o, func(e *kit.Entry) bool { return e.Password }); e != nil && e.Text == "typed-secret" {
			kept = true
		}
	}
	if !kept {
		t.Error("the typed password was lost with the failed save")
	}
	if !uitest.TopShows(u.win, "keyring is not available") {
		t.Error("no dialog saying the keyring is not available")
	}
	if !u.detail.creds.fields[accounts.SecretPassword].add.Disabled() {
		t.Error("Add stays on although the keyring is known to be down")
	}
}

// A revealed secret hides itself again after RevealTimeout, and the
// "clipboard is cleared in …" note goes when the clipboard has been.
func TestRevealedSecretAndClipboardNoteExpire(t *testing.T) {
	keyring.MockInit()
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	if err := u.svc.SetSecret(context.Background(), a.ID, accounts.SecretPassword, "s3cret-Pw"); err != nil {
		t.Fatal(err)
	}
	u.selectAccount(a.ID)
	var delays []time.Duration
	var fires []func()
	u.after = func(d time.Duration, f func()) *time.Timer {
		delays, fires = append(delays, d), append(fires, f)
		return time.NewTimer(time.Hour)
	}
	u.clip.AfterFunc = func(time.Duration, func()) *time.Timer { return time.NewTimer(time.Hour) }
	row := u.detail.creds.fields[accounts.SecretPassword]
	test.Tap(row.reveal)
	if row.value.Text != "s3cret-Pw" || len(fires) != 1 || delays[0] != RevealTimeout {
		t.Fatalf("revealed %q, hiding scheduled %v", row.value.Text, delays)
	}
	fires[0]()
	if row.value.Text != hiddenValue || row.shown {
		t.Errorf("after %v the value still shows: %q", RevealTimeout, row.value.Text)
	}
	test.Tap(row.copy)
	if u.detail.creds.status.Text == "" || len(fires) != 2 || delays[1] != u.clipTimeout {
		t.Fatalf("copy note %q, scheduled %v", u.detail.creds.status.Text, delays)
	}
	fires[1]()
	if u.detail.creds.status.Text != "" {
		t.Errorf("the clipboard note stayed: %q", u.detail.creds.status.Text)
	}
}

// No button shows only an icon without a tooltip naming what it does.
func TestIconOnlyButtonsHaveTooltips(t *testing.T) {
	keyring.MockInit()
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	if err := u.svc.SetSecret(context.Background(), a.ID, accounts.SecretPassword, "s3cret-Pw"); err != nil {
		t.Fatal(err)
	}
	u.refreshAccount(a.ID)
	u.selectAccount(a.ID)
	tips := 0
	for _, pane := range []fyne.CanvasObject{u.detail.content, u.detail.creds.content} {
		for _, o := range test.LaidOutObjects(pane) {
			switch b := o.(type) {
			case *widget.Button:
				// The tab bar's own overflow button ("…", Fyne's, shown in a
				// narrow test window) is the one icon button not Unbind's.
				if b.Text == "" && b.Icon.Name() != theme.MoreHorizontalIcon().Name() {
					t.Errorf("a button with icon %q has no text and no tooltip", b.Icon.Name())
				}
			case *kit.IconButton:
				if b.Tip() == "" {
					t.Errorf("icon button %v has no tooltip", b.Icon)
				}
				tips++
			}
		}
	}
	if tips < 4 {
		t.Fatalf("%d icon buttons found: the walk missed the credentials row", tips)
	}
	row := u.detail.creds.fields[accounts.SecretPassword]
	test.Tap(row.reveal)
	if row.reveal.Tip() != "Hide" {
		t.Errorf("the reveal button's tooltip says %q while the password is shown", row.reveal.Tip())
	}
}
