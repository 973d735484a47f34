package ui

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/account"
	"github.com/unbindapp/unbind/ui/firstpaint"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/kit"
	"github.com/unbindapp/unbind/ui/overview"
)

// KeyringChecker is the keyring health check of accounts/vault.
type KeyringChecker interface{ Check() error }

// Deps is what the app runs on; cmd/unbind opens them.
type Deps struct {
	Store   *store.Store
	Secrets accounts.Secrets // the OS keyring (accounts/vault); nil: none
	Keyring KeyringChecker   // usually the same vault; nil: no check
	Catalog *catalog.Catalog
	// Calendar counts review deadlines in Chinese working days; nil
	// counts weekends only.
	Calendar *workdays.Calendar
	// CatalogErrors are problems loading the catalog, shown once.
	CatalogErrors []error
	DataDir       string
	// Lang is "zh" or "en" (SetupLanguage's result), for catalog text.
	Lang string
	// Demo marks demo data: a banner says so.
	Demo bool
	// Notifier overrides the OS notifications (tests).
	Notifier reminders.Notifier
	// FontsReady, from WarmFonts, is closed when the fonts are loaded.
	FontsReady <-chan struct{}
}

// UI is the main window and everything it shows.
type UI struct {
	app fyne.App
	win fyne.Window
	d   Deps
	svc *accounts.Service
	rem *reminders.Service
	ctx context.Context
	// Now is the clock; tests fix it.
	Now func() time.Time
	// after schedules the account pane's timers; nil is time.AfterFunc
	// (tests give one that never fires).
	after func(time.Duration, func()) *time.Timer
	prefs prefs
	clip  *kit.ClipGuard

	items []inventory.Item
	shown []int // positions in items that pass the filter
	query inventory.Query

	inv      *inventoryView
	detail   *account.View
	overview *overview.View
	views    *viewSwitcher
	// figuresStale: an account changed since the overview's figures were
	// computed (single-account changes do not reload everything).
	figuresStale bool
	body         *fyne.Container // the views, or the empty state
	main         fyne.CanvasObject
	split        *container.Split
	empty        fyne.CanvasObject
	banner       *fyne.Container
	root         *fyne.Container
	tray         *tray
	hasTray      bool
	agenda       *agendaPage

	pendingSelect string
	pendingTab    string
	onLoaded      func() // once, after the first load (startup probe)

	keyringErr     error // the last "keyring unavailable", nil when it works
	sched          *reminders.Scheduler
	keyringChecked bool
	bg             sync.WaitGroup // background jobs (tests wait for them)
	loopDone       chan struct{}  // closed when the reminder loop has stopped
	stopLoop       func()

	// previous is the person's own data while demo data is open.
	previous  *Deps
	closeDemo func()

	// toolView is a tool's view shown in the body instead (showInMain).
	toolView fyne.CanvasObject
}

// New builds the main window over d. Call Show or ShowAndRun next.
func New(a fyne.App, d Deps) *UI {
	u := &UI{app: a, d: d, ctx: context.Background(), Now: time.Now}
	u.svc, u.rem = newService(d), u.newReminders(d)
	u.prefs = loadPrefs(u.ctx, d.Store)
	if u.prefs.Theme != kit.ThemeSystem {
		a.Settings().SetTheme(kit.NewThemeFor(u.prefs.Theme))
	}
	u.clip = kit.NewClipGuard(a.Clipboard(), func() time.Duration { return u.prefs.ClipboardTimeout })
	u.win = a.NewWindow(u.title())
	u.win.SetIcon(Icon())
	if d.FontsReady != nil {
		<-d.FontsReady
	}
	u.build("")
	u.win.Resize(fyne.NewSize(1180, 760))
	u.win.SetMaster()
	u.setupMenu()
	u.setupTray()
	u.win.SetCloseIntercept(u.onClose)
	// Escape and Enter for the dialogs when no field has the focus;
	// otherwise Escape leaves the agenda.
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !kit.HandleKey(u.win.Canvas(), ev) {
			u.agendaKey(ev)
		}
	})
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

func (u *UI) title() string {
	name := lang.L("Unbind")
	if u.d.Demo {
		return name + " — " + lang.L("demo data")
	}
	return name
}

// build makes the window's content; view is the view to show once there
// are accounts ("": the overview, the first thing a person sees).
func (u *UI) build(view string) {
	u.inv = newInventoryView(u)
	u.detail = account.New(u)
	u.split = container.NewHSplit(u.inv.content, u.detail.Content())
	u.split.Offset = 0.36
	u.overview = overview.New(u)
	// The main area's views, in the switcher's order: adding one is one
	// line here.
	u.views = newViewSwitcher([]mainView{
		{key: viewOverview, label: lang.L("Overview"), icon: theme.HomeIcon(), content: u.overview.Content(), onShow: u.freshFigures},
		{key: viewAccounts, label: lang.L("Accounts"), icon: theme.ListIcon(), content: u.split},
		{key: viewAgenda, label: lang.L("Agenda"), icon: theme.CalendarIcon(), content: u.buildAgenda(), onShow: u.agenda.view.Refresh},
	})
	u.views.shortcuts(u.win.Canvas())
	if view == "" {
		view = viewOverview
	}
	u.views.show(view)
	u.main = kit.NewBorder(u.views.bar, nil, nil, nil, u.views.stack)
	u.empty = newEmptyState(u)
	u.banner = container.NewVBox()
	u.body = container.NewStack(u.main)
	u.root = kit.NewBorder(u.banner, nil, nil, nil, u.body)
	content, _ := kit.WithTooltips(u.win, u.root)
	u.win.SetContent(content)
	// Files dropped on the window become evidence of the shown account.
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.detail.Drop(uris) })
	u.updateBanner()
}

// ShowAndRun shows the window, loads the data and runs the app.
func (u *UI) ShowAndRun() {
	u.Start()
	u.win.ShowAndRun()
}

// Start loads the inventory in the background, so the window paints at
// once even with 10,000 accounts, and then starts the reminder loop, whose
// first sync works from the same loaded accounts and tracks: the start
// reads the inventory once.
func (u *UI) Start() {
	var s snapshot
	u.background(func() { s = u.loadSnapshot() }, func() {
		u.apply(s)
		var first *reminders.Snapshot
		if s.err == nil {
			first = &s.loaded
		}
		u.startReminderLoopFrom(first)
		if u.onLoaded != nil {
			u.onLoaded()
		}
	})
	u.showCatalogErrors()
}

// StartAfterFirstPaint is Start for the real app: the window paints its
// first frame before the inventory is read, so a large inventory does not
// hold up (or compete for the CPU with) the window appearing. Until then
// the list is empty; the load takes a fraction of a second.
func (u *UI) StartAfterFirstPaint() {
	painted := firstpaint.Watch(u.win)
	go func() {
		<-painted
		fyne.Do(u.Start)
	}()
}

// background runs work off the UI goroutine and then on it (fyne.Do);
// tests wait for it with u.bg.Wait.
func (u *UI) background(work, then func()) {
	u.bg.Add(1)
	go func() {
		defer u.bg.Done()
		work()
		fyne.DoAndWait(then)
	}()
}

// Reload loads everything again (after adding, deleting, importing).
func (u *UI) Reload() { u.apply(u.loadSnapshot()) }

func (u *UI) onClose() {
	if u.hasTray && u.prefs.CloseToTray {
		u.win.Hide()
		return
	}
	u.quit()
}

func (u *UI) quit() {
	u.clip.ClearNow()
	if u.stopLoop != nil {
		u.stopLoop()
	}
	if u.closeDemo != nil {
		u.closeDemo()
	}
	u.app.Quit()
}

func newService(d Deps) *accounts.Service {
	var s *accounts.Service
	if d.Secrets == nil {
		s = accounts.NewService(d.Store, nil)
	} else {
		s = accounts.NewService(d.Store, d.Secrets)
	}
	s.Guard = catalog.Guard{Catalog: d.Catalog}
	return s
}

// setKeyringErr records whether the keyring works and updates the banner
// of the Credentials tab.
func (u *UI) setKeyringErr(err error) {
	if err != nil && !kit.KeyringDown(err) {
		return
	}
	u.keyringErr = err
	if u.detail != nil {
		u.detail.ShowKeyringProblem(err)
	}
}

func errNoKeyring() error { return fmt.Errorf("%w", accounts.ErrNoKeyring) }

// checkKeyring asks the keyring in the background (a locked one may take
// its whole timeout), so the Credentials tab can say plainly when it is
// missing before the person tries. It runs when that tab is first opened,
// not at start: asking a locked keyring makes it prompt for its password,
// which only makes sense when the person is about to use it.
func (u *UI) checkKeyring() {
	u.keyringChecked = true
	if u.d.Keyring == nil {
		if u.d.Secrets == nil {
			u.setKeyringErr(errNoKeyring())
		}
		return
	}
	k := u.d.Keyring
	var err error
	u.background(func() { err = k.Check() }, func() { u.setKeyringErr(err) })
}

// showCatalogErrors tells once about catalog files that did not load.
func (u *UI) showCatalogErrors() {
	if len(u.d.CatalogErrors) == 0 {
		return
	}
	msg := lang.L("Some platform catalog entries could not be loaded; the rest work normally.")
	for i, e := range u.d.CatalogErrors {
		if i == 5 {
			msg += "\n…"
			break
		}
		msg += "\n• " + e.Error()
	}
	kit.ShowInfo(lang.L("Catalog"), msg, u.win)
}

// showError shows a domain error in the UI language.
func (u *UI) showError(err error) {
	if err != nil {
		kit.ShowError(err, u.win)
	}
}
