package overview

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/ui/kit"
)

// Shell is what the overview needs from the window around it.
type Shell interface {
	// PlatformName is the platform's display name in the UI language.
	PlatformName(id string) string
	// ShowStatus opens the inventory filtered to one status.
	ShowStatus(s accounts.Status)
	// ShowFigure opens the inventory filtered to the figure's accounts;
	// label says what they are.
	ShowFigure(fig campaign.Figure, label string)
	// OpenAccount shows one account.
	OpenAccount(id string)
}

// maxRows bounds the rows a list card shows ("Show in the list (N)" opens
// them all in the inventory); the groups' card, beside the taller status
// chart, has room for maxGroups.
const (
	maxRows   = 5
	maxGroups = 8
)

// View is the overview pane.
type View struct {
	shell   Shell
	box     *fyne.Container
	content *container.Scroll
	figures campaign.Figures
}

// New makes the overview; Set fills it.
func New(s Shell) *View {
	v := &View{shell: s, box: container.NewVBox()}
	v.content = container.NewVScroll(v.box)
	return v
}

// Content is the pane to put in the window.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Figures are the figures shown now.
func (v *View) Figures() campaign.Figures { return v.figures }

// Set shows f. The pane is rebuilt only here, when the data changed, never
// in answer to the pointer.
func (v *View) Set(f campaign.Figures) {
	v.figures = f
	sentence := kit.Body(f.Sentence(campaign.Words{Lang: kit.Lang(), Platform: v.shell.PlatformName, Date: kit.FormatDate}))
	// Two columns, each stacking its cards at their own height (a grid
	// would give every card the tallest one's).
	grid := container.NewGridWithColumns(2,
		container.NewVBox(v.statusCard(f), v.groupCard(f)),
		container.NewVBox(v.boundCard(f), v.deadlineCard(f), v.coolingCard(f), v.blockedCard(f)),
	)
	v.box.Objects = []fyne.CanvasObject{sentence, grid}
	v.box.Refresh()
}

func (v *View) statusCard(f campaign.Figures) fyne.CanvasObject {
	largest := 0
	labelW := float32(0)
	for _, c := range f.ByStatus {
		largest = max(largest, c.Count)
		labelW = max(labelW, widget.NewLabel(kit.StatusLabel(c.Status)).MinSize().Width)
	}
	rows := container.NewVBox()
	for _, c := range f.ByStatus {
		s := c.Status
		bar := newBar(kit.StatusLabel(s), kit.StatusColor(s), c.Count, largest, labelW)
		if c.Count == 0 {
			rows.Add(container.NewPadded(bar)) // nothing to open
			continue
		}
		rows.Add(newLink(bar, func() { v.shell.ShowStatus(s) }))
	}
	return widget.NewCard(lang.L("Accounts by status"), "", rows)
}

func (v *View) boundCard(f campaign.Figures) fyne.CanvasObject {
	tile := func(label string, n int, fig campaign.Figure, hint string) fyne.CanvasObject {
		text := label + ": " + strconv.Itoa(n)
		body := container.NewVBox(widget.NewLabel(text))
		if hint != "" && n > 0 {
			body.Add(kit.Secondary(hint))
		}
		if n == 0 {
			return container.NewPadded(body)
		}
		return newLink(body, func() { v.shell.ShowFigure(fig, label) })
	}
	return widget.NewCard(lang.L("Still tied to you"), "", container.NewVBox(
		tile(lang.L("Real name still bound"), len(f.RealNameBound), campaign.FigureRealNameBound,
			lang.L("Unbind the real name before or after deleting; a deleted account can keep it.")),
		tile(lang.L("Phone still bound"), len(f.PhoneBound), campaign.FigurePhoneBound, ""),
		tile(lang.L("Secrets stored for gone accounts"), len(f.SecretsGone), campaign.FigureSecretsGone,
			lang.L("Nothing needs them any more: remove them in each account's Credentials tab.")),
	))
}

func (v *View) groupCard(f campaign.Figures) fyne.CanvasObject {
	rows := container.NewVBox()
	for i, g := range f.ByGroup {
		if i == maxGroups {
			rows.Add(kit.Secondary(lang.L("and {{.N}} more", map[string]int{"N": len(f.ByGroup) - maxGroups})))
			break
		}
		names := ""
		for j, id := range g.PlatformIDs {
			if j > 0 {
				names += " · "
			}
			names += v.shell.PlatformName(id)
		}
		label := names
		text := lang.L("{{.Name}} — {{.Open}} of {{.N}} not gone yet", map[string]any{"Name": names, "N": g.Count, "Open": g.Open})
		fig := campaign.GroupFigure(g.Group)
		rows.Add(newLink(kit.Body(text), func() { v.shell.ShowFigure(fig, label) }))
	}
	return widget.NewCard(lang.L("By platform group"), lang.L("Platforms that share one account count together."), rows)
}

// listCard is a card of account rows with a "Show all" link to the
// figure's accounts in the inventory.
func (v *View) listCard(title, empty string, fig campaign.Figure, n int, row func(i int) (string, string)) fyne.CanvasObject {
	rows := container.NewVBox()
	if n == 0 {
		rows.Add(kit.Secondary(empty))
		return widget.NewCard(title, "", rows)
	}
	for i := range min(n, maxRows) {
		text, id := row(i)
		rows.Add(newLink(kit.Body(text), func() { v.shell.OpenAccount(id) }))
	}
	if fig != "" {
		all := widget.NewButtonWithIcon(lang.L("Show in the list ({{.N}})", map[string]int{"N": n}), theme.ListIcon(),
			func() { v.shell.ShowFigure(fig, title) })
		all.Importance = widget.LowImportance
		rows.Add(container.NewHBox(all))
	}
	return widget.NewCard(title, "", rows)
}

func (v *View) account(r campaign.Ref) string {
	return v.shell.PlatformName(r.Platform) + " · " + r.Name
}

func (v *View) blockedCard(f campaign.Figures) fyne.CanvasObject {
	return v.listCard(lang.L("Blocked"), lang.L("Nothing blocks the accounts you are leaving."), campaign.FigureBlocked, len(f.Blocked),
		func(i int) (string, string) {
			b := f.Blocked[i]
			why := b.Why.En
			if kit.Lang() == kit.LangZh {
				why = b.Why.Zh
			}
			return v.account(b.Ref) + " — " + kit.TrackLabel(b.Why.Track) + ": " + why, b.ID
		})
}

func (v *View) coolingCard(f campaign.Figures) fyne.CanvasObject {
	return v.listCard(lang.L("In cooling-off"), lang.L("No cooling-off is running."), campaign.FigureCoolingOff, len(f.CoolingOff),
		func(i int) (string, string) {
			c := f.CoolingOff[i]
			until := lang.L("last day not recorded")
			if c.Until != nil {
				until = lang.L("cooling-off until {{.Date}}", map[string]string{"Date": kit.FormatDate(*c.Until)})
			}
			return lang.L("{{.Account}} — {{.Until}}; do not sign in", map[string]string{"Account": v.account(c.Ref), "Until": until}), c.ID
		})
}

func (v *View) deadlineCard(f campaign.Figures) fyne.CanvasObject {
	return v.listCard(lang.L("Next deadlines"), lang.L("No reminders are open."), "", len(f.Deadlines),
		func(i int) (string, string) {
			d := f.Deadlines[i]
			when := kit.FormatDateTime(d.Due)
			if d.Overdue {
				when = lang.L("overdue since {{.Date}}", map[string]string{"Date": when})
			}
			// Reminder titles name their account already.
			return when + " · " + d.Title, d.ID
		})
}
