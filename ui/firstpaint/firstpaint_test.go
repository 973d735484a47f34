package firstpaint

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestWatchFiresOnFirstPaintOnly(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("你好"))
	defer w.Close()
	painted := Watch(w)
	select {
	case <-painted:
		t.Fatal("reported a frame before anything was painted")
	default:
	}
	before := time.Now()
	w.Canvas().Capture() // the software painter paints a frame
	select {
	case at, ok := <-painted:
		if !ok || at.Before(before) {
			t.Fatalf("got %v, %v", at, ok)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first paint was not reported")
	}
	w.Canvas().Capture()
	if _, ok := <-painted; ok {
		t.Error("a second frame was reported")
	}
	if label := w.Content(); label == nil {
		t.Error("the window lost its content")
	}
}
