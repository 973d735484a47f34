package report

import "time"

// Schema names the layout of the JSON report (and of the Report model it
// encodes). A change that renames or removes a field, or changes its
// meaning, gets a new version; new fields may be added within v1.
const Schema = "unbind.report/v1"

// Severity ranks a finding.
type Severity string

// The severities, most urgent first.
const (
	High   Severity = "high"
	Medium Severity = "medium"
	Low    Severity = "low"
)

func (s Severity) rank() int {
	switch s {
	case High:
		return 0
	case Medium:
		return 1
	}
	return 2
}

// Report is the audit report, built once and rendered in any format. Its
// JSON encoding is the JSON format (see SCHEMA.md); the field names are
// stable. Times are in Options.Location.
type Report struct {
	Schema   string          `json:"schema"`
	Header   Header          `json:"header"`
	Summary  Summary         `json:"summary"`
	Findings []Finding       `json:"findings"`
	Accounts []AccountEntry  `json:"accounts"`
	Timeline []TimelineEntry `json:"timeline"`
	// EvidenceFiles lists every evidence file with its SHA-256.
	EvidenceFiles []EvidenceEntry `json:"evidence_files"`
	// Warnings say what the report could not know for sure, e.g. missing
	// holiday data or a missing platform catalog.
	Warnings []string `json:"warnings"`
}

// Header says when, by what and about which period the report was made.
type Header struct {
	GeneratedAt time.Time `json:"generated_at"`
	AppVersion  string    `json:"app_version"`
	// DataDir is always "": a report is handed to others, and the data
	// folder's path names the person and their computer.
	DataDir string `json:"data_dir"`
	// Since is the start of the timeline (null: from the first event);
	// Until its end (exclusive).
	Since              *time.Time `json:"since"`
	Until              time.Time  `json:"until"`
	Lang               string     `json:"lang"`
	Masked             bool       `json:"masked"`
	BackupIntervalDays int        `json:"backup_interval_days"`
}

// Summary counts where the accounts stand at GeneratedAt.
type Summary struct {
	Accounts   int             `json:"accounts"`
	ByStatus   []StatusCount   `json:"by_status"`
	ByPlatform []PlatformCount `json:"by_platform"`
	// RealNameBound: real-name verified and no completed real_name_unbind track.
	RealNameBound int `json:"real_name_bound"`
	// PhoneBound: a phone is recorded and no completed phone_unbind track.
	PhoneBound int `json:"phone_bound"`
	// ThirdPartyLinked: third-party logins recorded and no completed
	// third_party_unbind track.
	ThirdPartyLinked int `json:"third_party_linked"`
	// ReviewsOverdue counts tracks whose review window has passed.
	ReviewsOverdue int `json:"reviews_overdue"`
	// BackupsStale and BackupsMissing count accounts not deactivated whose
	// last backup is older than the interval, or that have none.
	BackupsStale   int `json:"backups_stale"`
	BackupsMissing int `json:"backups_missing"`
	// NoCredentials counts accounts not deactivated with no secret stored.
	NoCredentials int            `json:"no_credentials"`
	Findings      SeverityCounts `json:"findings"`
	// Sentence says the campaign in plain words, as the GUI's overview
	// does (campaign.Figures.Sentence).
	Sentence string `json:"sentence"`
	// Platforms counts the distinct platforms of the accounts.
	Platforms int `json:"platforms"`
	// Blocked lists the accounts on their way out whose main track a
	// catalog blocker stops, and why.
	Blocked []BlockedEntry `json:"blocked"`
	// SecretsOfGone counts gone accounts with secrets still in the keyring.
	SecretsOfGone int `json:"secrets_of_gone"`
}

// BlockedEntry is one account a blocker stops.
type BlockedEntry struct {
	AccountID    string `json:"account_id"`
	Account      string `json:"account"`
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	Track        string `json:"track"`
	// Blocker is the catalog's blocker ID, "" when the platform does not
	// offer the track at all.
	Blocker string `json:"blocker"`
	Why     string `json:"why"`
}

// StatusCount is the number of accounts in one status; every status is
// listed, in accounts.Statuses order, zero counts included.
type StatusCount struct {
	Status string `json:"status"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}

// PlatformCount is the number of accounts on one platform, and how many of
// them are not deactivated yet.
type PlatformCount struct {
	Platform string `json:"platform"`
	Name     string `json:"name"`
	Count    int    `json:"count"`
	Open     int    `json:"open"`
}

// SeverityCounts counts findings per severity.
type SeverityCounts struct {
	High   int `json:"high"`
	Medium int `json:"medium"`
	Low    int `json:"low"`
}

// Finding is one thing that needs attention, and what to do about it.
type Finding struct {
	Severity     Severity `json:"severity"`
	Code         string   `json:"code"`
	AccountID    string   `json:"account_id"`
	Platform     string   `json:"platform"`
	PlatformName string   `json:"platform_name"`
	Account      string   `json:"account"`
	Track        string   `json:"track"`
	// OverdueWorkdays is set for review_overdue, 0 otherwise.
	OverdueWorkdays int    `json:"overdue_workdays"`
	Title           string `json:"title"`
	Action          string `json:"action"`
}

// AccountEntry is one account as the report shows it.
type AccountEntry struct {
	ID            string   `json:"id"`
	Platform      string   `json:"platform"`
	PlatformName  string   `json:"platform_name"`
	IdentityGroup string   `json:"identity_group"`
	Name          string   `json:"name"`
	Login         string   `json:"login"`
	Phone         string   `json:"phone"`
	Email         string   `json:"email"`
	RealName      bool     `json:"real_name_verified"`
	ThirdParty    []string `json:"third_party"`
	Seller        bool     `json:"seller"`
	Status        string   `json:"status"`
	StatusLabel   string   `json:"status_label"`
	// ChecklistDone of ChecklistTotal: ticked catalog steps and
	// prerequisites over all the platform's tracks. Total is 0 when the
	// catalog does not know the platform.
	ChecklistDone  int            `json:"checklist_done"`
	ChecklistTotal int            `json:"checklist_total"`
	Tracks         []TrackEntry   `json:"tracks"`
	LastBackupAt   *time.Time     `json:"last_backup_at"`
	NextReminder   *ReminderEntry `json:"next_reminder"`
	// Credentials names the secret fields stored in the keyring; never
	// their values.
	Credentials []string `json:"credentials_stored"`
	// Notes is the person's own text: null in a masked report.
	Notes *string `json:"notes"`
}

// TrackEntry is an account's progress on one track.
type TrackEntry struct {
	Kind        string     `json:"kind"`
	Label       string     `json:"label"`
	Done        int        `json:"done"`
	Total       int        `json:"total"`
	SubmittedAt *time.Time `json:"submitted_at"`
	CompletedAt *time.Time `json:"completed_at"`
	// ReviewDue is the last day (YYYY-MM-DD, China time) of the platform's
	// review window: submission + the catalog's maximum working days; ""
	// when unknown, not submitted or already completed.
	ReviewDue       string `json:"review_due"`
	OverdueWorkdays int    `json:"overdue_workdays"`
	// CoolingOffUntil is the last day (YYYY-MM-DD, China time) of the
	// track's cooling-off, "" when it has none.
	CoolingOffUntil string `json:"cooling_off_until"`
	// Sources are the public pages the catalog's steps for this track
	// rest on; empty for an unverified track (Verified false).
	Sources  []SourceEntry `json:"sources"`
	Verified bool          `json:"verified"`
}

// SourceEntry is one public page a procedure rests on.
type SourceEntry struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Retrieved string `json:"retrieved"`
}

// ReminderEntry is the account's next open reminder.
type ReminderEntry struct {
	Kind string    `json:"kind"`
	Due  time.Time `json:"due"`
	// Title is empty for a custom reminder in a masked report.
	Title string `json:"title"`
}

// TimelineEntry is one event of the period, oldest first.
type TimelineEntry struct {
	At           time.Time `json:"at"`
	AccountID    string    `json:"account_id"`
	Account      string    `json:"account"`
	Platform     string    `json:"platform"`
	PlatformName string    `json:"platform_name"`
	Kind         string    `json:"kind"`
	Track        string    `json:"track"`
	From         string    `json:"from"`
	To           string    `json:"to"`
	Text         string    `json:"text"`
	// Note and Evidence are the person's own text: null when masked.
	Note     *string `json:"note"`
	Evidence *string `json:"evidence"`
}
