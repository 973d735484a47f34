package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/ui/kit"
	"github.com/unbindapp/unbind/ui/tools"
)

// setupMenu installs the main menu and its keyboard shortcuts
// (Ctrl on Linux and Windows, Cmd on macOS via ShortcutDefault).
func (u *UI) setupMenu() {
	mod := fyne.KeyModifierShortcutDefault
	newItem := fyne.NewMenuItem(lang.L("New account…"), u.detail.OpenAdd)
	newItem.Icon, newItem.Shortcut = theme.ContentAddIcon(), &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: mod}
	importItem := fyne.NewMenuItem(lang.L("Import…"), u.onImport)
	importItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: mod}
	report := fyne.NewMenuItem(lang.L("Export report…"), u.onReport)
	report.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: mod}
	phone := fyne.NewMenuItem(lang.L("Phone-number account check…"), u.onPhoneCheck)
	backup := fyne.NewMenuItem(lang.L("Back up inventory…"), u.onBackup)
	restore := fyne.NewMenuItem(lang.L("Restore from backup…"), u.onRestore)
	demoItem := fyne.NewMenuItem(lang.L("Open demo data"), u.onOpenDemo)
	folder := fyne.NewMenuItem(lang.L("Open data folder"), func() { u.openFolder(u.d.DataDir) })
	settings := fyne.NewMenuItem(lang.L("Settings…"), u.onSettings)
	settings.Icon, settings.Shortcut = theme.SettingsIcon(), &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: mod}
	quit := fyne.NewMenuItem(lang.L("Quit"), u.quit)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: mod}

	find := fyne.NewMenuItem(lang.L("Find"), u.onFind)
	find.Icon, find.Shortcut = theme.SearchIcon(), &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod}
	about := fyne.NewMenuItem(lang.L("About Unbind"), u.onAbout)
	agendaItem := u.agendaMenuItem()

	u.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), newItem, importItem, phone, report, fyne.NewMenuItemSeparator(),
			backup, restore, fyne.NewMenuItemSeparator(),
			demoItem, folder, fyne.NewMenuItemSeparator(), settings, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(lang.L("Edit"), find),
		fyne.NewMenu(lang.L("View"), agendaItem),
		fyne.NewMenu(lang.L("Help"), about),
	))
	// Menu shortcuts only fire from the menu bar on some platforms;
	// registering them on the canvas makes them work everywhere.
	for _, it := range []*fyne.MenuItem{newItem, importItem, report, settings, quit, find, agendaItem} {
		action := it.Action
		u.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
	}
}

func (u *UI) onFind() {
	u.views.show(viewAccounts)
	u.win.Canvas().Focus(u.inv.search)
}

// onAbout shows the version from FyneApp.toml and the licences of what
// Unbind bundles.
func (u *UI) onAbout() {
	m := u.app.Metadata()
	if m.Version == "" || m.ID == "" {
		m = FallbackMetadata() // tests, and builds without FyneApp.toml
	}
	icon := widget.NewIcon(Icon())
	title := widget.NewLabel("Unbind " + m.Version)
	title.SizeName = theme.SizeNameHeadingText
	info := kit.Body(lang.L("A local privacy assistant for leaving shopping platforms. Your data stays on this computer; passwords stay in the system keyring.") +
		"\n" + lang.L("Version {{.V}} (build {{.B}}) · {{.ID}}", map[string]any{"V": m.Version, "B": m.Build, "ID": m.ID}))
	licence := func(text string) fyne.CanvasObject {
		e := widget.NewLabel(text)
		e.Wrapping = fyne.TextWrapWord
		e.SizeName = theme.SizeNameCaptionText
		return container.NewVScroll(e)
	}
	notice := widget.NewRichTextFromMarkdown(assets.FontNotice)
	notice.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Font"), container.NewVScroll(notice)),
		container.NewTabItem(lang.L("Holiday data"), licence(assets.HolidaysLicense())),
		container.NewTabItem(lang.L("Font licence"), licence(assets.FontLicence)),
	)
	head := kit.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSquareSize(64), icon), nil, container.NewVBox(title, info))
	d := dialog.NewCustom(lang.L("About Unbind"), lang.L("Close"), kit.NewBorder(head, nil, nil, nil, tabs), u.win)
	d.Resize(fyne.NewSize(640, 520))
	kit.Keyed(u.win, d, d.Hide)
	d.Show()
}

// The tools (ui/tools): import wizard, 一证通查 form, backup and restore.
// Each reloads the inventory when it wrote something.

func (u *UI) tools() tools.Deps {
	return tools.Deps{Store: u.d.Store, Secrets: u.d.Secrets, Catalog: u.d.Catalog, Lang: u.d.Lang, Now: u.Now,
		ShowInMain: u.showInMain}
}

func (u *UI) onImport()     { tools.ShowImportWizard(u.win, u.tools(), u.Reload) }
func (u *UI) onPhoneCheck() { tools.ShowPhoneCheck(u.win, u.tools(), u.Reload) }
func (u *UI) onBackup()     { tools.ShowBackup(u.win, u.tools()) }
func (u *UI) onRestore()    { tools.ShowRestore(u.win, u.tools(), u.Reload) }
