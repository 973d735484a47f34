package account

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/kit"
)

// detailView is the right side: the selected account's header and tabs.
type detailView struct {
	u        *shell
	id       string
	acc      accounts.Account
	tracks   []accounts.Track
	events   []accounts.Event // the account's history, oldest first
	files    []accounts.EvidenceFile
	filesErr error
	platform catalog.Platform
	known    bool // the catalog knows the platform

	avatar *kit.Avatar
	name   *widget.Label
	sub    *widget.Label
	status *kit.Badge
	next   *kit.Paragraph
	// nextBox keeps the next-step line's height while one account is
	// shown: ticking a step below must not move the checklist.
	nextBox    *fyne.Container
	nextHeight *kit.StableHeight
	cooling    *fyne.Container // the standing "do not sign in" warning
	reviews    *fyne.Container
	moves      *fyne.Container
	header     *fyne.Container
	edit       *widget.Button
	del        *widget.Button

	tabs    *container.AppTabs
	remTab  *container.TabItem
	steps   *stepsView
	creds   *credentialsView
	rems    *remindersView
	hist    *historyView
	none    fyne.CanvasObject
	main    fyne.CanvasObject
	content *fyne.Container
}

func newDetailView(u *shell) *detailView {
	v := &detailView{u: u, avatar: kit.NewAvatar(52), status: kit.NewStatusBadge(accounts.StatusActive)}
	v.name = kit.Heading("")
	v.name.Truncation = fyne.TextTruncateEllipsis
	v.sub = widget.NewLabel("")
	v.sub.Truncation = fyne.TextTruncateEllipsis
	v.next = kit.Body("")
	v.next.SetColor(theme.ColorNamePrimary)
	line := fyne.MeasureText("解绑 Ag", theme.TextSize(), fyne.TextStyle{}).Height
	v.nextBox, v.nextHeight = kit.NewStableHeight(2*line+2*theme.InnerPadding(), v.next)
	v.reviews = container.NewVBox()
	v.cooling = container.NewVBox()
	v.moves = container.NewHBox()
	v.edit = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { u.onEdit(v.acc) })
	v.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { u.onDelete(v.acc) })
	v.del.Importance = widget.DangerImportance

	v.steps = newStepsView(u)
	v.creds = newCredentialsView(u)
	v.rems = newRemindersView(u)
	v.hist = newHistoryView(u)
	v.remTab = container.NewTabItemWithIcon(lang.L("Reminders"), theme.CalendarIcon(), v.rems.content)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Steps"), theme.ListIcon(), v.steps.content),
		container.NewTabItemWithIcon(lang.L("Credentials"), theme.LoginIcon(), v.creds.content),
		v.remTab,
		container.NewTabItemWithIcon(lang.L("History"), theme.HistoryIcon(), v.hist.content),
	)

	v.tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == v.creds.content {
			u.CheckKeyringOnce()
		}
	}

	titles := container.New(layout.NewCustomPaddedVBoxLayout(0), v.name, v.sub)
	top := kit.NewBorder(nil, nil, container.NewCenter(v.avatar), container.NewCenter(v.status), titles)
	actions := kit.NewBorder(nil, nil, nil, container.NewHBox(v.edit, v.del), container.NewHScroll(v.moves))
	v.header = container.NewVBox(top, v.nextBox, v.cooling, v.reviews, actions)
	header := v.header
	v.main = kit.NewBorder(container.NewPadded(header), nil, nil, nil, v.tabs)

	hint := kit.Body(lang.L("Select an account on the left to see its steps, credentials, reminders and history."))
	hint.SetAlignment(fyne.TextAlignCenter)
	v.none = container.NewCenter(container.NewGridWrap(fyne.NewSize(360, 80), hint))
	v.content = container.NewStack(v.none)
	return v
}

// show loads and shows one account.
func (v *detailView) show(id string) {
	a, err := v.u.env().Service.Get(v.u.env().Ctx, id)
	if errors.Is(err, accounts.ErrNotFound) {
		v.clear()
		return
	}
	if err != nil {
		v.u.ShowError(err)
		return
	}
	tracks, err := v.u.env().Service.Tracks(v.u.env().Ctx, id)
	if err != nil {
		v.u.ShowError(err)
		return
	}
	if id != v.id {
		v.nextHeight.Reset()
	}
	// The history is read once: the header looks in it for a refusal's
	// reason, and the History tab lists it.
	events, histErr := v.u.env().Service.History(v.u.env().Ctx, id)
	v.id, v.acc, v.tracks, v.events = id, a, tracks, events
	v.files, v.filesErr = v.u.env().Service.Evidence(v.u.env().Ctx, id)
	v.platform, v.known = v.u.platform(a.PlatformID)
	v.fillHeader()
	v.steps.show(v)
	v.creds.show(a)
	n := v.rems.show(a)
	v.remTab.Text = lang.L("Reminders")
	if n > 0 {
		v.remTab.Text += " (" + strconv.Itoa(n) + ")"
	}
	v.tabs.Refresh()
	v.hist.show(a, events, histErr)
	if len(v.content.Objects) == 0 || v.content.Objects[0] != v.main {
		v.content.Objects = []fyne.CanvasObject{v.main}
		v.content.Refresh()
	}
}

// clear shows the "select an account" hint.
func (v *detailView) clear() {
	v.id = ""
	v.content.Objects = []fyne.CanvasObject{v.none}
	v.content.Refresh()
}

func (v *detailView) fillHeader() {
	a := v.acc
	name, _ := v.u.platformNames(a.PlatformID)
	v.avatar.Set(inventory.Build([]accounts.Account{a}, nil, v.u.platformNames)[0].Initial, a.PlatformID)
	v.name.SetText(a.Name)
	sub := name
	if login := firstNonEmpty(a.Login, a.Phone, a.Email); login != "" {
		sub += " · " + accounts.MaskLogin(login)
	}
	v.sub.SetText(sub)
	v.status.SetStatus(a.Status)
	v.next.SetText(nextSentence(inventory.NextAction(a, v.tracks, v.platform), v))

	v.cooling.Objects = v.cooling.Objects[:0]
	if a.Status == accounts.StatusCoolingOff {
		if w := coolingWarning(v); w != "" {
			v.cooling.Add(kit.Note(theme.WarningIcon(), w, widget.DangerImportance))
		}
	}
	v.cooling.Refresh()

	v.reviews.Objects = v.reviews.Objects[:0]
	for _, r := range inventory.RunningReviews(a, v.tracks, v.platform) {
		text, late := reviewSentence(r, v.u.calendar(), v.u.env().Now())
		imp := widget.HighImportance
		if late {
			imp = widget.WarningImportance
		}
		v.reviews.Add(kit.Note(theme.HistoryIcon(), text, imp))
	}
	v.reviews.Refresh()

	v.moves.Objects = v.moves.Objects[:0]
	if next := a.Status.Next(); len(next) > 0 {
		v.moves.Add(widget.NewLabel(lang.L("Move to:")))
		for _, s := range next {
			b := widget.NewButton(kit.StatusLabel(s), func() { v.u.onChangeStatus(v.acc, s) })
			v.moves.Add(b)
		}
	}
	v.moves.Refresh()
	v.header.Refresh() // the badge and buttons changed width
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
