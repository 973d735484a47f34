package report

import (
	"fmt"
	"strconv"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// TopFindings is how many findings page 1 shows with their actions.
const TopFindings = 5

// campaign fills the summary's figures from accounts/campaign, the one
// home of the numbers the GUI's overview shows too: statuses, still bound,
// blocked, secrets of gone accounts and the sentence that says them.
func (b *builder) campaign() {
	in := campaign.Input{Accounts: b.in.Accounts, Tracks: b.in.Tracks, Reminders: b.in.Reminders, Now: b.s.now}
	if b.in.Platforms != nil {
		in.Platforms = b.in.Platforms
	}
	f := campaign.Compute(in)
	s := &b.r.Summary
	s.ByStatus = make([]StatusCount, len(f.ByStatus))
	for i, c := range f.ByStatus {
		s.ByStatus[i] = StatusCount{Status: string(c.Status), Label: statusLabel(b.s.lang, c.Status), Count: c.Count}
	}
	s.Platforms = f.Platforms
	s.RealNameBound, s.PhoneBound, s.SecretsOfGone = len(f.RealNameBound), len(f.PhoneBound), len(f.SecretsGone)
	s.Blocked = make([]BlockedEntry, len(f.Blocked))
	for i, bl := range f.Blocked {
		why := bl.Why.En
		if b.s.lang == "zh" {
			why = bl.Why.Zh
		}
		s.Blocked[i] = BlockedEntry{AccountID: bl.ID, Account: bl.Name, Platform: bl.Platform, PlatformName: b.platformName(bl.Platform),
			Track: string(bl.Why.Track), Blocker: bl.Why.Blocker, Why: why}
	}
	s.Sentence = f.Sentence(campaign.Words{Lang: b.s.lang, Platform: b.platformName, Date: workdays.FormatDate})
}

// made is page 1's line under the title: when, by which version, and
// whether identifiers are masked.
func made(r *Report) string {
	v := htmlView{Report: r}
	masked := tr(r.Header.Lang, "v.unmasked")
	if r.Header.Masked {
		masked = tr(r.Header.Lang, "v.masked")
	}
	return tr(r.Header.Lang, "page1.made", v.DateTime(r.Header.GeneratedAt), r.Header.AppVersion, masked)
}

// Made is page 1's line under the title.
func (v htmlView) Made() string { return made(v.Report) }

// TrackName is a track code in the report's language.
func (v htmlView) TrackName(code string) string {
	return trackLabel(v.Header.Lang, accounts.TrackKind(code))
}

// figureRows are page 1's figures, two to a row: label, value, label, value.
func figureRows(r *Report) [][4]string {
	t := func(key string) string { return tr(r.Header.Lang, key) }
	s := r.Summary
	n := strconv.Itoa
	cells := [][2]string{
		{t("s.accounts"), n(s.Accounts)}, {t("s.platforms"), n(s.Platforms)},
		{t("s.real_name_bound"), n(s.RealNameBound)}, {t("s.phone_bound"), n(s.PhoneBound)},
		{t("s.third_party_linked"), n(s.ThirdPartyLinked)}, {t("s.blocked"), n(len(s.Blocked))},
		{t("s.reviews_overdue"), n(s.ReviewsOverdue)}, {t("s.secrets_of_gone"), n(s.SecretsOfGone)},
		{t("s.backups_stale"), n(s.BackupsStale)}, {t("s.backups_missing"), n(s.BackupsMissing)},
		{t("s.no_credentials"), n(s.NoCredentials)},
		{t("s.findings"), fmt.Sprintf("%d / %d / %d", s.Findings.High, s.Findings.Medium, s.Findings.Low)},
	}
	rows := make([][4]string, 0, (len(cells)+1)/2)
	for i := 0; i < len(cells); i += 2 {
		rows = append(rows, [4]string{cells[i][0], cells[i][1], cells[i+1][0], cells[i+1][1]})
	}
	return rows
}
