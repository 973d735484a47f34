package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
)

// Options say how to write the demo.
type Options struct {
	// Lang is "zh" or "en": account names, notes and reminders are
	// written in it. Anything else reads as English.
	Lang string
	// Catalog, when set, supplies the real prerequisite and step keys of
	// each platform's tracks, so ticked items line up with the checklist.
	Catalog *catalog.Catalog
	// Secrets, when set, receives demo passwords (use a MemorySecrets).
	Secrets accounts.Secrets
	// Now anchors the story; zero means time.Now().
	Now time.Time
}

// WriteDir opens (creating) the store in dir, writes the demo and closes it.
// dir should be empty: the demo adds to whatever is there.
func WriteDir(ctx context.Context, dir string, opts Options) error {
	st, err := store.OpenDir(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	return Write(ctx, st, opts)
}

// Write adds the demo accounts, their history and reminders to st.
func Write(ctx context.Context, st *store.Store, opts Options) error {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	w := &writer{ctx: ctx, st: st, opts: opts, svc: accounts.NewService(st, opts.Secrets), zh: catalog.Lang(opts.Lang) == "zh"}
	for _, s := range stories() {
		if err := w.write(s); err != nil {
			return fmt.Errorf("demo: %s: %w", s.platform, err)
		}
	}
	return nil
}

// writer runs the stories against a Service whose clock it moves, so the
// history reads as if it happened over the past weeks.
type writer struct {
	ctx  context.Context
	st   *store.Store
	svc  *accounts.Service
	opts Options
	zh   bool
	err  error
}

// text picks the story's language.
func (w *writer) text(zh, en string) string {
	if w.zh {
		return zh
	}
	return en
}

// ago is daysAgo days before now at hour:00 local time.
func (w *writer) ago(daysAgo float64) time.Time {
	return w.opts.Now.Add(-time.Duration(daysAgo * float64(24*time.Hour))).Truncate(time.Minute)
}

func (w *writer) at(daysAgo float64) { t := w.ago(daysAgo); w.svc.Now = func() time.Time { return t } }

func (w *writer) write(s story) error {
	w.at(s.created)
	a := accounts.Account{
		PlatformID: s.platform, Name: w.text(s.nameZh, s.nameEn), Login: s.login, Phone: s.phone, Email: s.email,
		RealName: s.realName, Seller: s.seller, ThirdParty: s.third, Notes: w.text(s.notesZh, s.notesEn),
	}
	a, err := w.svc.Add(w.ctx, a)
	if err != nil {
		return err
	}
	if w.opts.Secrets != nil {
		for f, v := range s.secrets {
			if err := w.svc.SetSecret(w.ctx, a.ID, f, v); err != nil {
				return err
			}
		}
	}
	if s.script != nil {
		s.script(w, a)
	}
	return w.err
}

// keys returns the first nPre prerequisite and nSteps step keys of the
// platform's track, from the catalog when it knows the track.
func (w *writer) keys(platform string, kind accounts.TrackKind, nPre, nSteps int) []string {
	var out []string
	pre := []string{catalog.BackupOrders, catalog.WithdrawBalance, catalog.FinishOrders, catalog.UnbindThirdParty}
	steps := nSteps
	if w.opts.Catalog != nil {
		if p, ok := w.opts.Catalog.Platform(platform); ok {
			if t, ok := p.Track(kind); ok {
				pre = pre[:0]
				for _, q := range t.Prerequisites {
					pre = append(pre, q.ID)
				}
				steps = min(nSteps, len(t.Steps))
			}
		}
	}
	for _, id := range pre[:min(nPre, len(pre))] {
		out = append(out, accounts.PrereqKey(id))
	}
	for i := range steps {
		out = append(out, accounts.StepKey(i))
	}
	return out
}

// The script helpers record the first error and then do nothing, so a
// story reads as a plain list of what happened.

func (w *writer) tick(a accounts.Account, kind accounts.TrackKind, nPre, nSteps int, daysAgo float64) {
	for i, k := range w.keys(a.PlatformID, kind, nPre, nSteps) {
		if w.err != nil {
			return
		}
		w.at(daysAgo - float64(i)*0.02)
		_, w.err = w.svc.TickStep(w.ctx, a.ID, kind, k, true)
	}
}

func (w *writer) status(a accounts.Account, to accounts.Status, kind accounts.TrackKind, daysAgo float64, note, evidence string) {
	if w.err != nil {
		return
	}
	w.at(daysAgo)
	_, w.err = w.svc.ChangeStatus(w.ctx, a.ID, to, accounts.StatusChange{Track: kind, Note: note, Evidence: evidence, At: w.ago(daysAgo)})
}

// coolingOff starts the track's cooling-off daysAgo, ending days later, as
// the platform's confirmation page names the date.
func (w *writer) coolingOff(a accounts.Account, kind accounts.TrackKind, daysAgo float64, days int, note string) {
	if w.err != nil {
		return
	}
	w.at(daysAgo)
	at := w.ago(daysAgo)
	until := at.AddDate(0, 0, days)
	_, w.err = w.svc.ChangeStatus(w.ctx, a.ID, accounts.StatusCoolingOff, accounts.StatusChange{Track: kind, Note: note, At: at, CoolingUntil: &until})
}

// clearBlockers records that the person checked the track's catalog
// blockers and none applies, as they would before submitting.
func (w *writer) clearBlockers(a accounts.Account, kind accounts.TrackKind, daysAgo float64, ids ...string) {
	for i, id := range ids {
		if w.err != nil {
			return
		}
		w.at(daysAgo - float64(i)*0.01)
		_, w.err = w.svc.TickStep(w.ctx, a.ID, kind, accounts.BlockerKey(id), true)
	}
}

func (w *writer) backup(a accounts.Account, daysAgo float64, note string) {
	if w.err != nil {
		return
	}
	w.at(0)
	w.err = w.svc.RecordBackup(w.ctx, a.ID, w.ago(daysAgo), note)
}

func (w *writer) evidence(a accounts.Account, kind accounts.TrackKind, daysAgo float64, ticket, note string) {
	if w.err != nil {
		return
	}
	w.at(daysAgo)
	w.err = w.svc.SetEvidence(w.ctx, a.ID, kind, ticket, note)
}

// remind adds a reminder due inDays from now (negative: already due).
func (w *writer) remind(a accounts.Account, kind accounts.ReminderKind, key, title, body string, inDays float64, state accounts.ReminderState) {
	if w.err != nil {
		return
	}
	due := w.ago(-inDays)
	r := accounts.Reminder{AccountID: a.ID, Kind: kind, Key: key, Title: title, Body: body, DueAt: due,
		State: state, CreatedAt: w.ago(max(-inDays, 0) + 1)}
	if state == accounts.ReminderFired {
		r.FiredAt = &due
	}
	_, w.err = w.st.AddReminder(w.ctx, r)
}
