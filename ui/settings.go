package ui

import (
	"net/url"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/autostart"
	"github.com/unbindapp/unbind/ui/kit"
)

// settingsView edits the prefs; each change is saved at once.
type settingsView struct {
	u         *UI
	language  *widget.Select
	clipboard *widget.Select
	backup    *widget.Select
	login     *widget.Check
	tray      *widget.Check
	keyring   *kit.Paragraph
	theme     *widget.Select
	dlg       dialog.Dialog
}

var (
	clipChoices   = []int{10, 30, 60, 120}
	backupChoices = []int{30, 60, 90, 180, 365}
	langChoices   = []string{kit.LangSystem, kit.LangZh, kit.LangEn}
	themeChoices  = []string{kit.ThemeSystem, kit.ThemeLight, kit.ThemeDark}
)

// autostartEntry is Unbind's start-at-login entry; it starts minimised to
// the tray (or shows the window where there is none).
func autostartEntry() (autostart.Entry, error) {
	return autostart.Self(AppID, "Unbind", "--minimized")
}

func (u *UI) onSettings() { u.openSettings() }

// openSettings shows the settings dialog and returns it.
func (u *UI) openSettings() *settingsView {
	v := &settingsView{u: u}
	p := u.prefs
	v.language = widget.NewSelect([]string{lang.L("Follow the system"), "中文", "English"}, nil)
	v.language.SetSelectedIndex(indexOf(langChoices, p.Language))
	v.language.OnChanged = func(string) {
		choice := langChoices[v.language.SelectedIndex()]
		v.save(KeyLanguage, choice)
		// The new language at once: the window is rebuilt, and the
		// settings open again in it.
		v.dlg.Hide()
		u.switchLanguage(choice)
		u.openSettings()
	}
	v.theme = widget.NewSelect([]string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")}, nil)
	v.theme.SetSelectedIndex(max(indexOf(themeChoices, p.Theme), 0))
	v.theme.OnChanged = func(string) {
		choice := themeChoices[v.theme.SelectedIndex()]
		v.save(KeyTheme, choice)
		u.app.Settings().SetTheme(kit.NewThemeFor(choice))
	}

	var clipLabels []string
	for _, s := range clipChoices {
		clipLabels = append(clipLabels, lang.L("{{.N}} seconds", map[string]int{"N": s}))
	}
	v.clipboard = widget.NewSelect(clipLabels, nil)
	v.clipboard.SetSelectedIndex(max(indexOf(clipChoices, int(p.ClipboardTimeout/time.Second)), 0))
	v.clipboard.OnChanged = func(string) {
		n := clipChoices[v.clipboard.SelectedIndex()]
		v.save(KeyClipboardTimeout, strconv.Itoa(n))
	}

	var backupLabels []string
	for _, d := range backupChoices {
		backupLabels = append(backupLabels, lang.L("Every {{.N}} days", map[string]int{"N": d}))
	}
	v.backup = widget.NewSelect(backupLabels, nil)
	v.backup.SetSelectedIndex(max(indexOf(backupChoices, p.BackupDays), 0))
	v.backup.OnChanged = func(string) { v.save(KeyBackupInterval, strconv.Itoa(backupChoices[v.backup.SelectedIndex()])) }

	// The hour every rule-made reminder falls due, in Beijing.
	var hourLabels []string
	hours := []int{}
	for h := store.FirstDueHour; h <= store.LastDueHour; h++ {
		hours = append(hours, h)
		hourLabels = append(hourLabels, lang.L("{{.H}}:00 China time", map[string]string{"H": strconv.Itoa(h)}))
	}
	due := widget.NewSelect(hourLabels, nil)
	current, _ := u.d.Store.DueHour(u.ctx)
	due.SetSelectedIndex(max(indexOf(hours, current), 0))
	due.OnChanged = func(string) {
		v.save(KeyDueHour, strconv.Itoa(hours[due.SelectedIndex()]))
		// Every derived reminder moves to the new hour.
		u.background(func() { _, _ = u.rem.Sync(u.ctx, u.Now()) }, u.Reload)
	}
	dueRow := fyne.CanvasObject(due)
	if note := kit.ClockNote(u.Now()); note != "" {
		dueRow = container.NewVBox(due, kit.Secondary(note))
	}

	v.login = widget.NewCheck(lang.L("Start Unbind when I log in"), nil)
	if e, err := autostartEntry(); err == nil {
		on, _ := autostart.Enabled(e)
		v.login.SetChecked(on)
	}
	v.login.OnChanged = v.onStartAtLogin

	v.tray = widget.NewCheck(lang.L("Closing the window keeps Unbind in the system tray"), nil)
	v.tray.SetChecked(p.CloseToTray)
	v.tray.OnChanged = func(on bool) { v.save(KeyCloseToTray, strconv.FormatBool(on)) }
	trayRow := fyne.CanvasObject(v.tray)
	if !u.hasTray {
		v.tray.Disable()
		trayRow = container.NewVBox(v.tray, kit.Secondary(lang.L("No system tray was found, so closing the window quits Unbind.")))
	}

	dir := widget.NewLabel(u.d.DataDir)
	dir.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("Open"), theme.FolderOpenIcon(), func() { u.openFolder(u.d.DataDir) })
	v.keyring = kit.Body("")
	check := widget.NewButtonWithIcon(lang.L("Check keyring"), theme.ViewRefreshIcon(), v.onCheckKeyring)

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Language"), v.language),
		widget.NewFormItem(lang.L("Theme"), v.theme),
		widget.NewFormItem(lang.L("Clear copied passwords after"), v.clipboard),
		widget.NewFormItem(lang.L("Remind me to back up kept accounts"), v.backup),
		widget.NewFormItem(lang.L("Reminders fall due at"), dueRow),
		widget.NewFormItem(lang.L("Start at login"), v.login),
		widget.NewFormItem(lang.L("Close to tray"), trayRow),
		widget.NewFormItem(lang.L("Data folder"), kit.NewBorder(nil, nil, nil, open, dir)),
		widget.NewFormItem(lang.L("Keyring"), container.NewVBox(container.NewHBox(check), v.keyring)),
	)
	v.dlg = dialog.NewCustom(lang.L("Settings"), lang.L("Close"), form, u.win)
	v.dlg.Resize(fyne.NewSize(640, 0))
	kit.Keyed(u.win, v.dlg, v.dlg.Hide)
	v.dlg.Show()
	return v
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func (v *settingsView) save(key, value string) {
	if err := savePref(v.u.ctx, v.u.d.Store, key, value); err != nil {
		v.u.showError(err)
		return
	}
	v.u.prefs = loadPrefs(v.u.ctx, v.u.d.Store)
}

func (v *settingsView) onStartAtLogin(on bool) {
	e, err := autostartEntry()
	if err == nil {
		if on {
			err = autostart.Enable(e)
		} else {
			err = autostart.Disable(e)
		}
	}
	if err != nil {
		v.u.showError(err)
		return
	}
	v.save(KeyStartAtLogin, strconv.FormatBool(on))
}

func (v *settingsView) onCheckKeyring() {
	if v.u.d.Keyring == nil {
		v.keyring.SetText(kit.FriendlyError(errNoKeyring()).Error())
		return
	}
	v.keyring.SetText(lang.L("Asking the keyring…"))
	var err error
	v.u.background(func() { err = v.u.d.Keyring.Check() }, func() {
		v.u.setKeyringErr(err)
		if err != nil {
			v.keyring.SetText(kit.FriendlyError(err).Error())
			return
		}
		v.keyring.SetText(lang.L("The system keyring works."))
	})
}

// openFolder shows a folder in the file manager.
func (u *UI) openFolder(dir string) {
	abs, err := filepath.Abs(dir)
	var link *url.URL
	if err == nil {
		link, err = url.Parse(storage.NewFileURI(abs).String())
	}
	if err == nil {
		err = u.app.OpenURL(link)
	}
	if err != nil {
		u.showError(err)
	}
}
