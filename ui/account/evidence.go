package account

import (
	"fmt"
	"image"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
	"github.com/unbindapp/unbind/ui/kit"
)

// thumbSize is the fixed box of an evidence row's thumbnail or icon: a
// picture loading (or failing to) never moves the row.
var thumbSize = fyne.NewSize(56, 56)

// evidenceExtensions are what the file chooser shows; the content decides
// in the end (evidence.Sniff).
var evidenceExtensions = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".txt",
	".PNG", ".JPG", ".JPEG", ".GIF", ".WEBP", ".PDF", ".TXT"}

// evidenceFiles is a track's "Evidence files" list: one row per file with
// its thumbnail, name, date, size and the start of its SHA-256, Open and
// Remove; then "Attach file…".
func (v *stepsView) evidenceFiles(d *detailView, kind accounts.TrackKind) fyne.CanvasObject {
	box := container.NewVBox(kit.Heading(lang.L("Evidence files")))
	if d.filesErr != nil {
		box.Add(kit.Note(theme.ErrorIcon(), kit.Explain(d.filesErr).Message, widget.DangerImportance))
	}
	n := 0
	for _, f := range d.files {
		if f.Track == kind {
			box.Add(v.fileRow(d.acc, f))
			n++
		}
	}
	if n == 0 {
		box.Add(smallWrap(lang.L("Attach what proves each step: a confirmation page, a customer-service chat, the SMS that says it is done. Unbind keeps a copy and its SHA-256, so you can show what you sent and when.")))
	}
	attach := widget.NewButtonWithIcon(lang.L("Attach file…"), theme.ContentAddIcon(), func() { v.u.onAttachEvidence(d.acc, kind) })
	v.attach[kind] = attach
	hint := kit.SmallText(lang.L("PNG, JPEG, GIF, WebP, PDF or text, up to {{.N}} MiB", map[string]any{"N": evidence.MaxFileBytes >> 20}))
	box.Add(container.NewHBox(attach, container.NewCenter(hint)))
	return box
}

// fileRow is one evidence file.
func (v *stepsView) fileRow(a accounts.Account, f accounts.EvidenceFile) fyne.CanvasObject {
	name := widget.NewLabel(f.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	meta := kit.SmallText(kit.FormatDateTime(f.AddedAt) + " · " + formatSize(f.Size) + " · SHA-256 " + f.SHA256[:16] + "…")
	lines := container.NewVBox(name, meta)
	if f.Note != "" {
		lines.Add(smallWrap(f.Note))
	}
	open := widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { v.u.onOpenEvidence(f) })
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.u.onRemoveEvidence(a, f) })
	v.opens[f.ID], v.removes[f.ID] = open, remove
	return kit.NewBorder(nil, nil, v.thumbnail(f), container.NewCenter(container.NewHBox(open, remove)), lines)
}

// thumbnail shows an image file scaled into thumbSize, other files as
// their icon in the same box.
func (v *stepsView) thumbnail(f accounts.EvidenceFile) fyne.CanvasObject {
	var obj fyne.CanvasObject
	files := v.u.env().Service.Files
	switch {
	case files != nil && evidence.IsImage(f.MediaType) && v.u.thumb(files, f) != nil:
		img := canvas.NewImageFromImage(v.u.thumb(files, f))
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		obj = img
	default:
		icon := theme.FileImageIcon() // WebP: no decoder for a thumbnail
		switch f.MediaType {
		case "application/pdf":
			icon = theme.DocumentIcon()
		case "text/plain":
			icon = theme.FileTextIcon()
		}
		// A file's icon is smaller than a picture, in the same box.
		obj = container.NewCenter(container.NewGridWrap(fyne.NewSize(32, 32), widget.NewIcon(icon)))
	}
	return container.NewGridWrap(thumbSize, obj)
}

// thumb is f's thumbnail, decoded once per content (the name is the
// hash, so a cached one is never stale); nil when it cannot be made (a
// damaged picture, or one too large to decode safely).
func (u *shell) thumb(files *evidence.Dir, f accounts.EvidenceFile) image.Image {
	if img, ok := u.thumbs[f.SHA256]; ok {
		return img
	}
	if u.thumbs == nil || len(u.thumbs) > 256 {
		u.thumbs = map[string]image.Image{}
	}
	img, err := files.Thumbnail(f.SHA256, f.MediaType, 2*int(thumbSize.Width))
	if err != nil {
		img = nil
	}
	u.thumbs[f.SHA256] = img
	return img
}

// formatSize is a byte count as people read it.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func (u *shell) onAttachEvidence(a accounts.Account, kind accounts.TrackKind) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.attachEvidence(a, kind, path)
	}, u.env().Window)
	d.SetFilter(storage.NewExtensionFileFilter(evidenceExtensions))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// attachEvidence copies the file at path to the track; a refusal says
// why in one translated line.
func (u *shell) attachEvidence(a accounts.Account, kind accounts.TrackKind, path string) {
	if _, err := u.env().Service.AttachEvidence(u.env().Ctx, a.ID, kind, path, ""); err != nil {
		u.ShowError(err)
	}
	u.AccountChanged(a.ID)
}

// onOpenEvidence opens the file in the system viewer, after checking it
// is still the content its hash names.
func (u *shell) onOpenEvidence(f accounts.EvidenceFile) {
	p, err := u.env().Service.EvidencePath(f)
	if err != nil {
		u.ShowError(err)
		return
	}
	open := u.env().OpenFile
	if open == nil {
		open = func(p string) error {
			p = filepath.ToSlash(p)
			if !strings.HasPrefix(p, "/") {
				p = "/" + p // C:/… on Windows: file:///C:/…
			}
			return fyne.CurrentApp().OpenURL(&url.URL{Scheme: "file", Path: p})
		}
	}
	u.ShowError(open(p))
}

func (u *shell) onRemoveEvidence(a accounts.Account, f accounts.EvidenceFile) {
	msg := lang.L("Remove \"{{.Name}}\" from this track? Unbind deletes its copy; the history keeps its SHA-256.", map[string]string{"Name": f.Name})
	kit.ShowConfirm(lang.L("Remove evidence file"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := u.env().Service.RemoveEvidence(u.env().Ctx, f.ID); err != nil {
			u.ShowError(err)
		}
		u.AccountChanged(a.ID)
	}, u.env().Window)
}

// Drop attaches files dropped on the window to the shown account: to the
// one track section that is open, or, with none or several open, to the
// track the person picks. Only local files are taken.
func (v *View) Drop(uris []fyne.URI) {
	d := v.d
	if d.id == "" || len(uris) == 0 {
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	attach := func(kind accounts.TrackKind) {
		for _, p := range paths {
			if _, err := v.u.env().Service.AttachEvidence(v.u.env().Ctx, d.id, kind, p, ""); err != nil {
				v.u.ShowError(err) // the first refusal says why; the rest wait
				break
			}
		}
		v.u.AccountChanged(d.id)
	}
	var open []accounts.TrackKind
	if s := v.d.steps; s.tracks != nil {
		for i, it := range s.tracks.Items {
			if it.Open {
				open = append(open, s.kinds[i])
			}
		}
	}
	if len(open) == 1 {
		attach(open[0])
		return
	}
	kinds := d.platform.Tracks
	if len(kinds) == 0 {
		attach(accounts.TrackAccountDelete)
		return
	}
	options := make([]string, len(kinds))
	for i, t := range kinds {
		options[i] = kit.TrackLabel(t.Kind)
	}
	pick := widget.NewSelect(options, nil)
	pick.SetSelectedIndex(0)
	dlg := dialog.NewForm(lang.L("Attach {{.N}} files to", map[string]any{"N": len(paths)}), lang.L("Attach"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("About"), pick)}, func(ok bool) {
			if ok && pick.SelectedIndex() >= 0 {
				attach(kinds[pick.SelectedIndex()].Kind)
			}
		}, v.u.env().Window)
	kit.Keyed(v.u.env().Window, dlg, nil)
	dlg.Show()
}
