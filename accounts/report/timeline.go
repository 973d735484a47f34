package report

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// timeline lists the events with Since ≤ at < Until, oldest first. Events
// of deleted accounts stay, under the name they had (Event.Label).
func (b *builder) timeline(ctx context.Context) error {
	platformOf := make(map[string]string, len(b.in.Accounts))
	for _, a := range b.in.Accounts {
		platformOf[a.ID] = a.PlatformID
	}
	var evs []accounts.Event
	for _, e := range b.in.Events {
		if (!b.s.Since.IsZero() && e.At.Before(b.s.Since)) || !e.At.Before(b.s.until) {
			continue
		}
		evs = append(evs, e)
	}
	byTime := func(x, y accounts.Event) int { return cmp.Or(x.At.Compare(y.At), cmp.Compare(x.ID, y.ID)) }
	if !slices.IsSortedFunc(evs, byTime) { // the store already sorts them
		slices.SortStableFunc(evs, byTime)
	}
	b.r.Timeline = make([]TimelineEntry, 0, len(evs))
	for i, e := range evs {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		te := TimelineEntry{At: b.at(e.At), AccountID: b.eventSubject(e.AccountID), Account: e.Label, Kind: string(e.Kind),
			Track: string(e.Track), From: e.From, To: e.To, Text: b.describe(e)}
		if p, ok := platformOf[e.AccountID]; ok {
			te.Platform, te.PlatformName = p, b.platformName(p)
		}
		if b.s.Unmasked {
			note, evidence := e.Note, e.Evidence
			te.Note, te.Evidence = &note, &evidence
		}
		b.r.Timeline = append(b.r.Timeline, te)
	}
	return nil
}

// eventSubject is the event's account ID as the report may show it: the
// history files phone-number checks under the pseudo-account
// "phone:<digits>", whose number is masked like any phone.
func (b *builder) eventSubject(id string) string {
	if rest, ok := strings.CutPrefix(id, "phone:"); ok && !b.s.Unmasked {
		return "phone:" + accounts.MaskPhone(rest)
	}
	return id
}

// describe says what the event records, in the report's language. It uses
// only codes (statuses, tracks, checklist keys, secret field names), never
// the event's free text.
func (b *builder) describe(e accounts.Event) string {
	l := b.s.lang
	track := trackLabel(l, e.Track)
	switch e.Kind {
	case accounts.EventCreated:
		return b.t("ev.created", statusLabel(l, accounts.Status(e.To)))
	case accounts.EventStatus:
		from, to := statusLabel(l, accounts.Status(e.From)), statusLabel(l, accounts.Status(e.To))
		if e.Track != "" {
			return b.t("ev.status_track", from, to, track)
		}
		return b.t("ev.status", from, to)
	case accounts.EventUnstep:
		if why := accounts.Correction(e.From); why.Valid() {
			return b.t("ev.step_undone."+string(why), track, stepLabel(l, e.To))
		}
		return b.t("ev.step_undone", track, stepLabel(l, e.To))
	case accounts.EventStep:
		return b.t("ev.step", track, stepLabel(l, e.To))
	case accounts.EventEvidence:
		return b.t("ev.evidence", track)
	case accounts.EventFileAdded, accounts.EventFileRemoved:
		return b.t("ev."+string(e.Kind), track, e.To)
	case accounts.EventSecretSet, accounts.EventSecretDel:
		return b.t("ev."+string(e.Kind), label(l, "secret", e.To))
	case accounts.EventDeleted:
		return b.t("ev.deleted", statusLabel(l, accounts.Status(e.From)))
	case accounts.EventEdited, accounts.EventBackup, accounts.EventImported, accounts.EventCheck, accounts.EventReminder:
		return b.t("ev." + string(e.Kind))
	}
	return string(e.Kind)
}
