package account

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

// testPNG is a real 30×60 picture, as a phone screenshot is tall.
var testPNG = func() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 30, 60))
	for y := range 10 {
		for x := range 30 {
			img.SetNRGBA(x, y, color.NRGBA{224, 46, 36, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvidenceFilesAttachOpenRemove(t *testing.T) {
	u := newTestUI(t, nil)
	var opened []string
	u.openFile = func(p string) error { opened = append(opened, p); return nil }
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao main"})
	u.selectAccount(a.ID)
	kind := accounts.TrackAccountDelete
	if u.detail.steps.attach[kind] == nil {
		t.Fatal("no Attach button on the account-deletion track")
	}
	u.view.u.attachEvidence(u.detail.acc, kind, writeFile(t, "confirmation.png", testPNG))
	files, _ := u.svc.Evidence(context.Background(), a.ID)
	if len(files) != 1 {
		t.Fatalf("%d evidence files stored, want 1", len(files))
	}
	f := files[0]
	open, remove := u.detail.steps.opens[f.ID], u.detail.steps.removes[f.ID]
	if open == nil || remove == nil {
		t.Fatal("the attached file has no row")
	}
	// The thumbnail is the picture itself, in its fixed box.
	openAll(u.detail.steps.tracks)
	u.win.Resize(fyne.NewSize(820, 761))
	img := uitest.Find(u.win.Content(), func(i *canvas.Image) bool { return i.Image != nil && i.Image == u.view.u.thumbs[f.SHA256] })
	if img == nil {
		t.Fatal("no thumbnail for the PNG")
	}
	if img.Size() != thumbSize {
		t.Errorf("thumbnail is %v, want the fixed %v", img.Size(), thumbSize)
	}
	if !strings.Contains(strings.Join(u.detail.hist.lines, "\n"), "Evidence file attached (Account deletion)") {
		t.Errorf("history: %v", u.detail.hist.lines)
	}
	test.Tap(open)
	want := filepath.Join(u.dir, evidence.FolderName, f.SHA256+".png")
	if len(opened) != 1 || opened[0] != want {
		t.Fatalf("opened %v, want %s", opened, want)
	}
	// A file that is not evidence is refused with one translated line.
	u.view.u.attachEvidence(u.detail.acc, kind, writeFile(t, "photo.png", []byte("MZ\x90\x00 a program")))
	if !uitest.TopShows(u.win, "none of them") {
		t.Error("refusing a program named .png shows no clear message")
	}
	test.Tap(uitest.Button(uitest.Top(u.win), "OK"))
	// Remove asks, then the file and its row go; the history keeps it.
	test.Tap(u.detail.steps.removes[f.ID])
	test.Tap(uitest.Button(uitest.Top(u.win), "Yes"))
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Fatalf("the copy stayed after Remove: %v", err)
	}
	if u.detail.steps.opens[f.ID] != nil {
		t.Fatal("the removed file still has a row")
	}
	if !strings.Contains(u.detail.hist.lines[0], "Evidence file removed") {
		t.Errorf("newest history line: %q", u.detail.hist.lines[0])
	}
}

func TestDeleteAccountAsksAboutItsEvidence(t *testing.T) {
	for _, keep := range []bool{true, false} {
		u := newTestUI(t, nil)
		a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
		u.selectAccount(a.ID)
		u.view.u.attachEvidence(u.detail.acc, accounts.TrackAccountDelete, writeFile(t, "done.png", testPNG))
		u.view.u.onDelete(u.detail.acc)
		choice := u.view.u.deleteChoice
		if choice == nil || len(choice.Options) != 2 || choice.Selected != choice.Options[0] {
			t.Fatal("the delete dialog does not offer keep (chosen) or delete for the evidence")
		}
		if !keep {
			choice.SetSelected(choice.Options[1])
		}
		test.Tap(uitest.Button(uitest.Top(u.win), "Delete"))
		all, _ := u.svc.Evidence(context.Background(), "")
		if keep != (len(all) == 1) {
			t.Errorf("keep=%v: %d evidence records left", keep, len(all))
		}
		if _, err := u.svc.Get(context.Background(), a.ID); err == nil {
			t.Errorf("keep=%v: the account was not deleted", keep)
		}
	}
}

func TestDroppedFilesBecomeEvidence(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao main"})
	u.selectAccount(a.ID)
	s := u.detail.steps
	var open []accounts.TrackKind
	for i, it := range s.tracks.Items {
		if it.Open {
			open = append(open, s.kinds[i])
		}
	}
	if len(open) != 1 {
		t.Fatalf("%d tracks open at first, want 1", len(open))
	}
	// One section open: the drop goes to it, without a question.
	u.view.Drop([]fyne.URI{storage.NewFileURI(writeFile(t, "shot.png", testPNG))})
	files, _ := u.svc.Evidence(context.Background(), a.ID)
	if len(files) != 1 || files[0].Track != open[0] {
		t.Fatalf("after the drop: %+v, want one file on %s", files, open[0])
	}
	// Several open: the person picks the track.
	openAll(s.tracks)
	web, err := storage.ParseURI("https://example.com/x.png")
	if err != nil {
		t.Fatal(err)
	}
	u.view.Drop([]fyne.URI{storage.NewFileURI(writeFile(t, "chat.txt", []byte("客服：好的"))), web})
	pick := uitest.Find(uitest.Top(u.win), func(*widget.Select) bool { return true })
	if pick == nil {
		t.Fatal("no track choice for a drop with several sections open")
	}
	pick.SetSelectedIndex(len(pick.Options) - 1)
	test.Tap(uitest.Button(uitest.Top(u.win), "Attach"))
	files, _ = u.svc.Evidence(context.Background(), a.ID)
	if len(files) != 2 || files[1].MediaType != "text/plain" {
		t.Fatalf("after the second drop: %+v (the web address must be ignored)", files)
	}
}

// openAll opens every track section.
func openAll(a *kit.Accordion) {
	for i := range a.Items {
		a.Open(i)
	}
}
