package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Finding codes: stable, for the JSON schema and for tests.
const (
	CodeDeactivatedRealNameBound = "deactivated_real_name_bound"
	CodeReviewOverdue            = "review_overdue"
	CodeDeletionWithoutBackup    = "deletion_without_backup"
	CodePreparingWithoutBackup   = "preparing_without_backup"
	CodeGroupMemberActive        = "group_member_active"
	CodeShopDepositNotRefunded   = "shop_deposit_not_refunded"
	CodeRequestRejected          = "request_rejected"
	CodeBackupStale              = "backup_stale"
	CodeBackupMissing            = "backup_missing"
)

// trackOf returns the account's track of kind (zero Track when none).
func (b *builder) trackOf(id string, kind accounts.TrackKind) (accounts.Track, bool) {
	for _, t := range b.in.Tracks[id] {
		if t.Kind == kind {
			return t, true
		}
	}
	return accounts.Track{}, false
}

func (b *builder) completed(id string, kind accounts.TrackKind) bool {
	t, ok := b.trackOf(id, kind)
	return ok && t.CompletedAt != nil
}

// gone reports whether the account no longer exists on the platform.
func (b *builder) gone(a accounts.Account) bool { return accounts.Gone(a, b.in.Tracks[a.ID]) }

// count adds the account to the summary's "still bound" and backup counts.
func (b *builder) count(a accounts.Account, e *AccountEntry) {
	s := &b.r.Summary
	if _, _, linked := accounts.StillBound(a, b.in.Tracks[a.ID]); linked {
		s.ThirdPartyLinked++
	}
	for _, t := range e.Tracks {
		if t.OverdueWorkdays > 0 {
			s.ReviewsOverdue++
		}
	}
	if a.Status == accounts.StatusDeactivated {
		return
	}
	switch {
	case a.LastBackupAt == nil:
		s.BackupsMissing++
	case b.s.now.Sub(*a.LastBackupAt) > b.s.BackupInterval:
		s.BackupsStale++
	}
	if len(a.SecretFields) == 0 {
		s.NoCredentials++
	}
}

func (b *builder) add(sev Severity, code string, a accounts.Account, track accounts.TrackKind, title, action string) *Finding {
	b.r.Findings = append(b.r.Findings, Finding{Severity: sev, Code: code, AccountID: a.ID, Platform: a.PlatformID,
		PlatformName: b.platformName(a.PlatformID), Account: a.Name, Track: string(track), Title: title, Action: action})
	return &b.r.Findings[len(b.r.Findings)-1]
}

// findings applies the rules about one account on its own.
func (b *builder) findings(a accounts.Account, e *AccountEntry) {
	if a.Status == accounts.StatusDeactivated && a.RealName && !b.completed(a.ID, accounts.TrackRealNameUnbind) {
		b.add(High, CodeDeactivatedRealNameBound, a, "", b.t("f."+CodeDeactivatedRealNameBound), b.t("a."+CodeDeactivatedRealNameBound))
	}
	for _, t := range e.Tracks {
		if t.OverdueWorkdays == 0 {
			continue
		}
		kind := accounts.TrackKind(t.Kind)
		action := b.t("a.review_overdue")
		if b.letter[a.ID] {
			action = b.t("a.review_overdue_letter")
		}
		f := b.add(High, CodeReviewOverdue, a, kind, b.t("f.review_overdue", trackLabel(b.s.lang, kind), t.OverdueWorkdays), action)
		f.OverdueWorkdays = t.OverdueWorkdays
	}
	if del, ok := b.trackOf(a.ID, accounts.TrackAccountDelete); ok && a.LastBackupAt == nil {
		switch {
		case del.SubmittedAt != nil && a.Status.WaitingForPlatform():
			b.add(High, CodeDeletionWithoutBackup, a, accounts.TrackAccountDelete,
				b.t("f."+CodeDeletionWithoutBackup), b.t("a."+CodeDeletionWithoutBackup))
		case a.Status == accounts.StatusPreparing:
			b.add(Medium, CodePreparingWithoutBackup, a, accounts.TrackAccountDelete,
				b.t("f."+CodePreparingWithoutBackup), b.t("a."+CodePreparingWithoutBackup))
		}
	}
	if shop, ok := b.trackOf(a.ID, accounts.TrackShopClose); ok && shop.CompletedAt != nil &&
		!shop.IsDone(accounts.PrereqKey("refund_deposit")) && b.expectsDeposit(a.PlatformID) {
		b.add(Medium, CodeShopDepositNotRefunded, a, accounts.TrackShopClose,
			b.t("f."+CodeShopDepositNotRefunded), b.t("a."+CodeShopDepositNotRefunded))
	}
	if a.Status == accounts.StatusRejected {
		b.add(Medium, CodeRequestRejected, a, "", b.t("f."+CodeRequestRejected), b.t("a."+CodeRequestRejected))
	}
	b.backupFindings(a)
}

// expectsDeposit: the catalog's shop-closure track lists the deposit
// refund, or the catalog does not describe the track (then the report
// errs on the side of asking).
func (b *builder) expectsDeposit(platform string) bool {
	if b.in.Platforms == nil {
		return true
	}
	for _, t := range b.in.Platforms.Tracks(platform) {
		if t.Kind == accounts.TrackShopClose {
			return slices.Contains(t.Checklist, accounts.PrereqKey("refund_deposit"))
		}
	}
	return true
}

func (b *builder) backupFindings(a accounts.Account) {
	switch a.Status {
	case accounts.StatusActive, accounts.StatusPreparing, accounts.StatusKept, accounts.StatusRejected:
	default:
		return
	}
	days := int(b.s.BackupInterval / (24 * time.Hour))
	switch {
	case a.LastBackupAt != nil && b.s.now.Sub(*a.LastBackupAt) > b.s.BackupInterval:
		age := int(b.s.now.Sub(*a.LastBackupAt) / (24 * time.Hour))
		b.add(Low, CodeBackupStale, a, "", b.t("f."+CodeBackupStale, age), b.t("a."+CodeBackupStale, days))
	case a.LastBackupAt == nil && a.Status == accounts.StatusKept:
		b.add(Low, CodeBackupMissing, a, "", b.t("f."+CodeBackupMissing), b.t("a."+CodeBackupMissing))
	}
}

// summarise counts statuses, platforms and findings, and orders findings:
// most severe first, then by platform, account and code.
func (b *builder) summarise(all []accounts.Account) {
	s := &b.r.Summary
	s.Accounts = len(all)
	b.campaign()
	type pc struct{ count, open int }
	byPlatform := map[string]*pc{}
	for _, a := range all {
		p := byPlatform[a.PlatformID]
		if p == nil {
			p = &pc{}
			byPlatform[a.PlatformID] = p
		}
		p.count++
		if a.Status != accounts.StatusDeactivated {
			p.open++
		}
	}
	s.ByPlatform = make([]PlatformCount, 0, len(byPlatform))
	for id, p := range byPlatform {
		s.ByPlatform = append(s.ByPlatform, PlatformCount{Platform: id, Name: b.platformName(id), Count: p.count, Open: p.open})
	}
	slices.SortFunc(s.ByPlatform, func(x, y PlatformCount) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Platform, y.Platform))
	})
	slices.SortStableFunc(b.r.Findings, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(x.Severity.rank(), y.Severity.rank()), cmp.Compare(x.Platform, y.Platform),
			cmp.Compare(x.Account, y.Account), cmp.Compare(x.AccountID, y.AccountID), cmp.Compare(x.Code, y.Code),
			cmp.Compare(x.Track, y.Track))
	})
	for _, f := range b.r.Findings {
		switch f.Severity {
		case High:
			s.Findings.High++
		case Medium:
			s.Findings.Medium++
		default:
			s.Findings.Low++
		}
	}
}
