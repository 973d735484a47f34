// Package uitest holds what the GUI's tests share for driving screens
// under Fyne's test driver: finding widgets, the top dialog, and waiting
// for background work. Only tests import it.
package uitest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/ui/kit"
)

// Find returns the first laid-out object under root of type T that
// matches (nil match: any), or the zero T.
func Find[T fyne.CanvasObject](root fyne.CanvasObject, match func(T) bool) T {
	var zero T
	for _, o := range test.LaidOutObjects(root) {
		if x, ok := o.(T); ok && (match == nil || match(x)) {
			return x
		}
	}
	return zero
}

// Button is the first button under root with exactly this text.
func Button(root fyne.CanvasObject, text string) *widget.Button {
	return Find(root, func(b *widget.Button) bool { return b.Text == text })
}

// Top is the dialog on top of win, or nil.
func Top(win fyne.Window) fyne.CanvasObject { return win.Canvas().Overlays().Top() }

// TopShows reports whether the top dialog of win shows text in a label.
func TopShows(win fyne.Window, text string) bool {
	top := Top(win)
	if top == nil {
		return false
	}
	return Shows(top, text)
}

// Texts is every text under root a person reads: labels, paragraphs (as
// set), rich texts, links and checkboxes, in layout order.
func Texts(root fyne.CanvasObject) []string {
	var out []string
	for _, o := range test.LaidOutObjects(root) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *kit.Paragraph:
			out = append(out, w.Text())
		case *widget.RichText:
			out = append(out, w.String())
		case *widget.Hyperlink:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		}
	}
	return out
}

// Shows reports whether a label or paragraph under root contains text
// (a paragraph as set, without the line breaks it shows).
func Shows(root fyne.CanvasObject, text string) bool {
	return Find(root, func(l *widget.Label) bool { return strings.Contains(l.Text, text) }) != nil ||
		Find(root, func(p *kit.Paragraph) bool { return strings.Contains(p.Text(), text) }) != nil
}

// WaitFor polls cond for up to two seconds (timers, goroutines).
func WaitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// NoSecretService is a keyring backend (vault.Backend) whose Secret
// Service is gone, as on a desktop without gnome-keyring.
type NoSecretService struct{}

//lint:ignore ST1005 the text is D-Bus's own message, word for word
var errNoService = errors.New("The name org.freedesktop.secrets was not provided by any .service files")

// Set fails as the missing Secret Service does.
func (NoSecretService) Set(string, string, string) error { return errNoService }

// Get fails as the missing Secret Service does.
func (NoSecretService) Get(string, string) (string, error) { return "", errNoService }

// Delete fails as the missing Secret Service does.
func (NoSecretService) Delete(string, string) error { return errNoService }

// NeverFires is a timer source whose timers never fire: Fyne's test
// driver runs a real timer's fyne.Do callback on the timer's goroutine,
// where it races the test.
func NeverFires(time.Duration, func()) *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}
