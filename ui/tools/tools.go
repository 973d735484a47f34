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
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/kit"
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
	// ShowInMain shows content in the window's main pane, in place of the
	// inventory, under title and a way back; nil keeps a tool's result in
	// its dialog.
	ShowInMain func(title string, content fyne.CanvasObject)
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
	// detail is the technical text of the error shown, behind Details.
	detail string
	more   *widget.Button
}

func newToolMessage() *toolMessage {
	m := &toolMessage{bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)), label: widget.NewLabel("")}
	m.label.Wrapping = fyne.TextWrapWord
	m.bg.CornerRadius = theme.InputRadiusSize()
	m.more = widget.NewButton(lang.L("Details"), func() {
		if w := windowFor(m.box); w != nil {
			kit.ProblemDialog(kit.Problem{Message: m.label.Text, Detail: m.detail}, w).Show()
		}
	})
	m.more.Importance = widget.LowImportance
	m.more.Hide()
	m.box = container.NewStack(m.bg, kit.NewBorder(nil, nil, nil, container.NewVBox(m.more), m.label))
	m.box.Hide()
	return m
}

// setError shows text (which words err with kit.Explain) as a danger
// notice, with err's technical text behind Details.
func (m *toolMessage) setError(text string, err error) {
	m.set(text, widget.DangerImportance)
	m.detail = kit.Explain(err).Detail
	if m.detail != "" {
		m.more.Show()
	}
}

// set shows text with the importance's colour; "" hides the message.
func (m *toolMessage) set(text string, imp widget.Importance) {
	m.detail = ""
	m.more.Hide()
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

// oneLineError is an error as the person reads it (kit.Explain), on one
// line; the technical text stays behind a notice's Details.
func oneLineError(err error) string {
	return strings.Join(strings.Fields(kit.Explain(err).Message), " ")
}

// layoutSpacerTool pushes the buttons of a tool to the right.
func layoutSpacerTool() fyne.CanvasObject { return layout.NewSpacer() }

// ctxBackground is the context of the tools' store calls.
func ctxBackground() context.Context { return context.Background() }

// windowFor is the window showing o, nil when none does.
func windowFor(o fyne.CanvasObject) fyne.Window {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	for _, w := range d.AllWindows() {
		if c != nil && w.Canvas() == c {
			return w
		}
	}
	return nil
}
