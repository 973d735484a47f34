package report

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// EvidenceEntry is one evidence file as the report lists it: which
// account and track, when it was attached, its size, type and SHA-256 —
// never its content, so the report can be handed over while the person
// keeps the files that prove what they sent.
type EvidenceEntry struct {
	AccountID    string    `json:"account_id"`
	Account      string    `json:"account"`
	Platform     string    `json:"platform"`
	PlatformName string    `json:"platform_name"`
	Track        string    `json:"track"`
	TrackLabel   string    `json:"track_label"`
	AddedAt      time.Time `json:"added_at"`
	// Name is the original file name, the person's own text: null when
	// masked.
	Name      *string `json:"name"`
	Size      int64   `json:"size"`
	MediaType string  `json:"media_type"`
	SHA256    string  `json:"sha256"`
	// AccountDeleted: the account was deleted and the person kept its
	// evidence.
	AccountDeleted bool `json:"account_deleted"`
}

// evidence lists every evidence record, by account then time.
func (b *builder) evidence() {
	platform := map[string]string{}
	for _, a := range b.in.Accounts {
		platform[a.ID] = a.PlatformID
	}
	files := slices.Clone(b.in.Evidence)
	slices.SortStableFunc(files, func(x, y accounts.EvidenceFile) int {
		return cmp.Or(cmp.Compare(x.Label, y.Label), cmp.Compare(x.AccountID, y.AccountID), x.AddedAt.Compare(y.AddedAt))
	})
	b.r.EvidenceFiles = make([]EvidenceEntry, 0, len(files))
	for _, f := range files {
		p, live := platform[f.AccountID]
		e := EvidenceEntry{AccountID: f.AccountID, Account: f.Label, Platform: p, Track: string(f.Track),
			TrackLabel: trackLabel(b.s.lang, f.Track), AddedAt: b.at(f.AddedAt), Size: f.Size, MediaType: f.MediaType,
			SHA256: f.SHA256, AccountDeleted: !live}
		if live {
			e.PlatformName = b.platformName(p)
		}
		if b.s.Unmasked {
			name := f.Name
			e.Name = &name
		}
		b.r.EvidenceFiles = append(b.r.EvidenceFiles, e)
	}
}

// evidenceByAccount is the CSV cell of an account's evidence: each file's
// track and SHA-256.
func evidenceByAccount(r *Report) map[string][]string {
	out := map[string][]string{}
	for _, e := range r.EvidenceFiles {
		out[e.AccountID] = append(out[e.AccountID], e.TrackLabel+" "+e.SHA256)
	}
	return out
}

// evidenceRows are the evidence table's rows, for HTML and PDF.
func evidenceRows(r *Report) [][]string {
	lang := r.Header.Lang
	rows := make([][]string, len(r.EvidenceFiles))
	for i, e := range r.EvidenceFiles {
		account := e.Account
		if e.AccountDeleted {
			account = tr(lang, "v.deleted_account", e.Account)
		}
		name := ""
		if e.Name != nil {
			name = *e.Name
		}
		rows[i] = []string{e.AddedAt.Format("2006-01-02 15:04"), account, e.TrackLabel, name,
			strconv.FormatInt(e.Size, 10), e.SHA256}
	}
	return rows
}

// evidenceHeader names evidenceRows' columns.
func evidenceHeader(lang string) []string {
	t := func(k string) string { return tr(lang, k) }
	return []string{t("c.time"), t("c.account"), t("c.track"), t("c.file"), t("c.bytes"), "SHA-256"}
}

func pdfEvidence(d *pdfDoc, r *Report) error {
	if len(r.EvidenceFiles) == 0 {
		return nil
	}
	if err := d.heading(tr(r.Header.Lang, "sec.evidence"), 13); err != nil {
		return err
	}
	if err := d.para(tr(r.Header.Lang, "evidence.intro"), 9); err != nil {
		return err
	}
	return d.table(evidenceHeader(r.Header.Lang), []float64{3, 4, 3, 4, 2, 9}, evidenceRows(r), 7)
}
