package catalog

import (
	"slices"

	"github.com/unbindapp/unbind/accounts"
)

// Difficulty rates how hard leaving is, on JustDeleteMe's scale.
type Difficulty string

// The difficulties, easiest first.
const (
	Easy       Difficulty = "easy"       // a few taps in the app or site
	Medium     Difficulty = "medium"     // self-service, but with preparations or a review
	Hard       Difficulty = "hard"       // only through customer service or with materials
	Limited    Difficulty = "limited"    // possible only in part, or at the platform's discretion
	Impossible Difficulty = "impossible" // the platform does not offer it
)

// Difficulties lists every difficulty, easiest first.
var Difficulties = []Difficulty{Easy, Medium, Hard, Limited, Impossible}

// Valid reports whether d is a known difficulty.
func (d Difficulty) Valid() bool { return slices.Contains(Difficulties, d) }

// Channel is where a track is done.
type Channel string

// The channels.
const (
	SelfService     Channel = "self_service"     // in the app or on the site
	CustomerService Channel = "customer_service" // online chat or hotline
	WebForm         Channel = "web_form"         // a form on the platform's site
	Email           Channel = "email"            // a message to an address
)

// Channels lists every channel.
var Channels = []Channel{SelfService, CustomerService, WebForm, Email}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return slices.Contains(Channels, c) }

// Prerequisite IDs used by the built-in catalog. The IDs are stable: an
// account's checklist stores accounts.PrereqKey(id), and reminders look
// for the backup_* ones. User files may use others of the same form.
const (
	BackupOrders               = "backup_orders"
	BackupFavorites            = "backup_favorites"
	BackupInvoices             = "backup_invoices"
	BackupChats                = "backup_chats"
	BackupContent              = "backup_content"
	WithdrawBalance            = "withdraw_balance"
	RepayCredit                = "repay_credit"
	FinishOrders               = "finish_orders"
	ShipPendingOrders          = "ship_pending_orders"
	CancelSubscriptions        = "cancel_subscriptions"
	CancelPasswordFreePayments = "cancel_password_free_payments"
	UnbindThirdParty           = "unbind_third_party"
	RefundDeposit              = "refund_deposit"
	PrepareIDMaterials         = "prepare_id_materials"
	CloseShop                  = "close_shop"
)

// Platform is one catalog entry. Treat values from a Catalog as read-only:
// their slices are shared with it.
type Platform struct {
	ID      string   `json:"id"`
	Names   Text     `json:"names"`
	Aliases []string `json:"aliases,omitempty"`
	// Domains the platform's logins and pages use, lower-case host names
	// without scheme; subdomains match too (see Catalog.MatchHost).
	Domains []string `json:"domains,omitempty"`
	// Company is the legal group behind the platform, for checks that
	// work per company (e.g. the 一证通查 phone-number check).
	Company Company `json:"company"`
	// Group is the identity group: platforms with the same Group share one
	// underlying account (Taobao, Tmall, Xianyu). It is the ID of the
	// group's main platform; empty means the platform is its own group.
	Group string `json:"group,omitempty"`
	// TiedTo lists platforms whose separate accounts are bound to this one
	// (Taobao → Alipay): leaving one affects the other.
	TiedTo []string `json:"tied_to,omitempty"`
	// Requires orders work across tracks and platforms.
	Requires []Requirement `json:"requires,omitempty"`
	// MainTrack is the track a status change without a named track is
	// about; empty means account_delete when the platform has it.
	MainTrack  accounts.TrackKind `json:"main_track,omitempty"`
	Difficulty Difficulty         `json:"difficulty"`
	Tracks     []Track            `json:"tracks"`
	Notes      Text               `json:"notes,omitzero"`
}

// Company names the legal group behind a platform.
type Company struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

// Requirement says that this platform's Track should wait until After is
// done on Platform (empty: on this same platform).
type Requirement struct {
	Track    accounts.TrackKind `json:"track"`
	Platform string             `json:"platform,omitempty"`
	After    accounts.TrackKind `json:"after"`
	Why      Text               `json:"why"`
}

// Track is one kind of deactivation work on a platform.
type Track struct {
	Kind    accounts.TrackKind `json:"kind"`
	Channel Channel            `json:"channel"`
	// AltChannels are other ways to get the same done, e.g. customer
	// service when the self-service entry is missing.
	AltChannels []Channel `json:"alt_channels,omitempty"`
	// AppliesTo names the account flags the track is for (see Flag);
	// empty means every account.
	AppliesTo     []Flag         `json:"applies_to,omitempty"`
	Steps         []Step         `json:"steps"`
	Prerequisites []Prerequisite `json:"prerequisites,omitempty"`
	// Blockers are conditions under which the track cannot be done;
	// BlockersChecked says the sources were read for them, so an empty
	// list means "none found" rather than "not researched".
	Blockers        []Blocker `json:"blockers,omitempty"`
	BlockersChecked bool      `json:"blockers_checked,omitempty"`
	// NotPossible, when set, says the platform does not offer the track at
	// all; Steps then describe the alternatives and nothing is ticked.
	NotPossible Text `json:"not_possible,omitzero"`
	// CoolingOff is the period after acceptance in which the request can
	// still be cancelled; nil means not researched.
	CoolingOff *CoolingOff `json:"cooling_off,omitempty"`
	// ReviewWorkdays is how long the platform takes to decide, in working
	// days; nil when unknown or there is no review.
	ReviewWorkdays *Workdays `json:"review_workdays,omitempty"`
	Irreversible   bool      `json:"irreversible"`
	Loses          Text      `json:"loses,omitzero"`
	Afterwards     Text      `json:"afterwards,omitzero"`
	// After is what the sources say about life after the track is done.
	After        *After     `json:"after,omitempty"`
	Alternatives []Text     `json:"alternatives,omitempty"`
	Difficulty   Difficulty `json:"difficulty"`
	// Sources back the track's facts. Source is only "unverified" (none
	// found) or "user" (a person's own entry); older files that put a seed
	// file name or a URL there are read as one entry of Sources.
	Sources       []Source       `json:"sources,omitempty"`
	Source        string         `json:"source,omitempty"`
	Disagreements []Disagreement `json:"disagreements,omitempty"`
	// Verified is the date (YYYY-MM-DD) the track was last checked.
	Verified string `json:"verified"`
	// Notes are caveats, e.g. which parts the source does not cover.
	Notes Text `json:"notes,omitzero"`
}

// Workdays is a review window in working days.
type Workdays struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Step is one instruction; Path is the in-app route to tap through, when
// there is one (我的 → 设置 → 账号与安全 → 注销账号).
type Step struct {
	Text
	Path Text `json:"path,omitzero"`
}

// Prerequisite is something to do before the track's steps. ID is stable
// (see BackupOrders and the other constants).
type Prerequisite struct {
	ID string `json:"id"`
	Text
}

// SourceUnverified marks a track no public source backs yet.
const SourceUnverified = "unverified"

// SourceUser marks a track a person wrote for themselves.
const SourceUser = "user"

// IdentityGroup returns the platform's identity group: Group, or its own ID.
func (p Platform) IdentityGroup() string {
	if p.Group != "" {
		return p.Group
	}
	return p.ID
}

// Track returns the platform's track of the given kind.
func (p Platform) Track(kind accounts.TrackKind) (Track, bool) {
	for _, t := range p.Tracks {
		if t.Kind == kind {
			return t, true
		}
	}
	return Track{}, false
}

// Kinds lists the kinds of the platform's tracks in catalog order.
func (p Platform) Kinds() []accounts.TrackKind {
	k := make([]accounts.TrackKind, len(p.Tracks))
	for i, t := range p.Tracks {
		k[i] = t.Kind
	}
	return k
}

// Prerequisite returns the track's prerequisite with the given ID.
func (t Track) Prerequisite(id string) (Prerequisite, bool) {
	for _, p := range t.Prerequisites {
		if p.ID == id {
			return p, true
		}
	}
	return Prerequisite{}, false
}

// CitesSeed reports whether one of the track's sources is the seed file.
func (t Track) CitesSeed(seed string) bool {
	return slices.ContainsFunc(t.Sources, func(s Source) bool { return s.Seed == seed })
}

// IsSourced reports whether the track cites at least one source.
func (t Track) IsSourced() bool { return len(t.Sources) > 0 }

// MainTrackKind is the track a status change without a named track is
// about: MainTrack, else account_delete when the platform has it; false
// when neither is there (the caller must ask for the track).
func (p Platform) MainTrackKind() (accounts.TrackKind, bool) {
	if p.MainTrack != "" {
		return p.MainTrack, true
	}
	if _, ok := p.Track(accounts.TrackAccountDelete); ok {
		return accounts.TrackAccountDelete, true
	}
	if len(p.Tracks) == 1 {
		return p.Tracks[0].Kind, true
	}
	return "", false
}
