package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/unbindapp/unbind/ui/kit"
)

// newEmptyState is what a new person sees: what Unbind does and the three
// ways to begin.
func newEmptyState(u *UI) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(Icon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(96))
	title := widget.NewLabel(lang.L("Leave shopping platforms cleanly"))
	title.SizeName = theme.SizeNameHeadingText
	title.Alignment = fyne.TextAlignCenter
	text := kit.Bullets(strings.Split(lang.L("- List every shopping account you hold, with where each stands.\n- Follow each platform's exact steps to remove your real name and phone number and delete the account, with reminders for reviews and backups.\n- Keep passwords in your system keyring; everything else stays on this computer."), "\n")...)

	add := widget.NewButtonWithIcon(lang.L("Add account"), theme.ContentAddIcon(), u.detail.OpenAdd)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("Import…"), theme.DownloadIcon(), u.onImport)
	demoBtn := widget.NewButtonWithIcon(lang.L("Open demo data"), theme.FolderOpenIcon(), u.onOpenDemo)
	buttons := container.NewCenter(container.NewHBox(add, imp, demoBtn))
	hint := kit.Secondary(lang.L("The demo opens a separate folder with a dozen example accounts; your own data is not touched."))
	hint.SetAlignment(fyne.TextAlignCenter)
	body := container.NewVBox(container.NewCenter(icon), title, text, buttons, hint)
	return container.NewCenter(kit.NewFixedWidth(560, body))
}
