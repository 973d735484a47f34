package tools

import (
	"context"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
)

// Deps is all the import wizard, the 一证通查 form and the backup and
// restore dialogs need from the app: they never reach back into the shell.
type Deps struct {
	Store *store.Store
	// Secrets is the OS keyring; nil turns the "store passwords" option off.
	Secrets accounts.Secrets
	Catalog *catalog.Catalog
	// Lang is "zh" or "en", for catalog text.
	Lang string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (t Deps) now() time.Time {
	if t.Now != nil {
		return t.Now().UTC()
	}
	return time.Now().UTC()
}

func (t Deps) service() *accounts.Service {
	s := accounts.NewService(t.Store, t.Secrets)
	if t.Now != nil {
		s.Now = t.Now
	}
	return s
}

// platformName is a platform's display name, or the ID when unknown.
func (t Deps) platformName(id string) string {
	if t.Catalog != nil {
		if p, ok := t.Catalog.Platform(id); ok {
			return p.Names.In(t.Lang)
		}
	}
	return id
}

// toolJobs runs slow work (reading a big export, a 10,000-account import)
// off the UI goroutine and its result back on it. Tests wait for it.
type toolJobs struct {
	wg sync.WaitGroup
	// inline runs jobs on the caller. Fyne's test driver runs DoAndWait's
	// function on the worker goroutine, not the UI one, so a test that
	// changes a widget whose callback starts a job would race the job's
	// result against the rest of that widget's own update.
	inline bool
}

func (j *toolJobs) run(work, then func()) {
	if j.inline {
		work()
		then()
		return
	}
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		work()
		fyne.DoAndWait(then)
	}()
}

// wait blocks until every job has finished, its result shown.
func (j *toolJobs) wait() { j.wg.Wait() }

// toolMessage is a wrapping label for messages inside a tool; it is
// hidden while empty.
type toolMessage struct {
	box   *fyne.Container
	bg    *canvas.Rectangle
	label *widget.Label
}

func newToolMessage() *toolMessage {
	m := &toolMessage{bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)), label: widget.NewLabel("")}
	m.label.Wrapping = fyne.TextWrapWord
	m.bg.CornerRadius = theme.InputRadiusSize()
	m.box = container.NewStack(m.bg, m.label)
	m.box.Hide()
	return m
}

// set shows text with the importance's colour; "" hides the message.
func (m *toolMessage) set(text string, imp widget.Importance) {
	m.label.SetText(text)
	if text == "" {
		m.box.Hide()
		return
	}
	c := theme.Color(theme.ColorNameInputBackground)
	switch imp {
	case widget.DangerImportance:
		c = toolTint(theme.Color(theme.ColorNameError))
	case widget.WarningImportance:
		c = toolTint(theme.Color(theme.ColorNameWarning))
	case widget.SuccessImportance:
		c = toolTint(theme.Color(theme.ColorNameSuccess))
	}
	m.bg.FillColor = c
	m.bg.Refresh()
	m.box.Show()
}

// text is what the message says ("" when hidden).
func (m *toolMessage) text() string { return m.label.Text }

// toolTint is c made translucent, as a message background.
func toolTint(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0x30
	return n
}

// oneLineError is an error as the person reads it: one line, without the
// package prefixes the CLI shows.
func oneLineError(err error) string {
	if err == nil {
		return ""
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	for _, p := range []string{"import: ", "backup file: ", "restore: ", "backup: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

// layoutSpacerTool pushes the buttons of a tool to the right.
func layoutSpacerTool() fyne.CanvasObject { return layout.NewSpacer() }

// ctxBackground is the context of the tools' store calls.
func ctxBackground() context.Context { return context.Background() }
