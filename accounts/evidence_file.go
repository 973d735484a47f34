package accounts

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxEvidencePerAccount bounds the evidence files of one account: a
// track needs a handful of screenshots, not thousands.
const MaxEvidencePerAccount = 100

// MaxEvidenceNameRunes bounds a stored original file name.
const MaxEvidenceNameRunes = 120

// EvidenceFile is one file attached to a track as proof. The content
// lives in the data folder's evidence/ folder under its SHA-256 (package
// accounts/evidence); this is what the inventory knows about it. It
// outlives its account when the person keeps it on deleting the account,
// like the history, so the report can still show what was sent.
type EvidenceFile struct {
	ID        string    `json:"id"`
	AccountID string    `json:"account_id"`
	Label     string    `json:"label"` // the account's name when attached
	Track     TrackKind `json:"track"`
	SHA256    string    `json:"sha256"`
	Name      string    `json:"name"` // the original file name, sanitised
	Size      int64     `json:"size"`
	MediaType string    `json:"media_type"`
	AddedAt   time.Time `json:"added_at"`
	Note      string    `json:"note,omitempty"`
}

// CleanFileName makes an original file name safe to store and show: the
// last path element only, no control or bidi-override characters, at most
// MaxEvidenceNameRunes; "file" when nothing is left.
func CleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "\uFFFD")
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if r := []rune(name); len(r) > MaxEvidenceNameRunes {
		name = string(r[:MaxEvidenceNameRunes])
	}
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return name
}
