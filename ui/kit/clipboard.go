package kit

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// DefaultClipboardTimeout is how long a copied secret stays on the
// clipboard unless the settings say otherwise.
const DefaultClipboardTimeout = 30 * time.Second

// ClipGuard copies secrets to the clipboard and clears them after a
// timeout, but only when the clipboard still holds that secret: if the
// person copied something else meanwhile, it is theirs and stays.
type ClipGuard struct {
	clip    fyne.Clipboard
	timeout func() time.Duration
	// AfterFunc schedules the clearing (time.AfterFunc; tests fire it).
	AfterFunc func(time.Duration, func()) *time.Timer

	mu      sync.Mutex
	timer   *time.Timer
	pending string // the secret the timer will clear
}

// NewClipGuard guards clip; timeout gives the current setting.
func NewClipGuard(clip fyne.Clipboard, timeout func() time.Duration) *ClipGuard {
	return &ClipGuard{clip: clip, timeout: timeout, AfterFunc: time.AfterFunc}
}

// Copy puts value on the clipboard and schedules its removal. It returns
// the timeout, for the message that tells the person.
func (g *ClipGuard) Copy(value string) time.Duration {
	g.clip.SetContent(value)
	d := g.timeout()
	if d <= 0 {
		d = DefaultClipboardTimeout
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.timer != nil {
		g.timer.Stop()
	}
	g.pending = value
	g.timer = g.AfterFunc(d, func() { fyne.Do(func() { g.clearIf(value) }) })
	return d
}

// ClearNow removes a pending secret at once (on quit), under the same rule.
func (g *ClipGuard) ClearNow() {
	g.mu.Lock()
	value := g.pending
	if g.timer != nil {
		g.timer.Stop()
		g.timer = nil
	}
	g.mu.Unlock()
	if value != "" {
		g.clearIf(value)
	}
}

func (g *ClipGuard) clearIf(value string) {
	if g.clip.Content() == value {
		g.clip.SetContent("")
	}
	g.mu.Lock()
	if g.pending == value {
		g.pending = ""
	}
	g.mu.Unlock()
}
