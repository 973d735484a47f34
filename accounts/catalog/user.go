package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/atomicfile"
)

// UserDir is the folder of a person's own catalog files in the data folder.
func UserDir(dataDir string) string { return filepath.Join(dataDir, "catalog") }

// WriteFile validates platforms and writes them to path as one catalog
// file (a JSON array), atomically: a crash leaves the old file or the new
// one, never half of it.
func WriteFile(path string, platforms []Platform) error {
	for _, p := range platforms {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("catalog: write %s: entry %s: %w", path, p.ID, err)
		}
	}
	data, err := encode(platforms)
	if err != nil {
		return fmt.Errorf("catalog: write %s: %w", path, err)
	}
	if err := writeAtomic(path, data); err != nil {
		return fmt.Errorf("catalog: write %s: %w", path, err)
	}
	return nil
}

// SaveUser validates p and writes it as <dataDir>/catalog/<id>.json,
// atomically, replacing an earlier version. It returns the file's path.
// An ID of a built-in platform overrides that platform on the next Load.
func SaveUser(dataDir string, p Platform) (string, error) {
	p.normalise()
	file := filepath.Join(UserDir(dataDir), p.ID+".json")
	if err := p.Validate(); err != nil {
		return "", fmt.Errorf("catalog: save %s: %w", p.ID, err)
	}
	data, err := marshal(p)
	if err != nil {
		return "", fmt.Errorf("catalog: save %s: %w", p.ID, err)
	}
	if err := writeAtomic(file, data); err != nil {
		return "", fmt.Errorf("catalog: save %s: %w", p.ID, err)
	}
	return file, nil
}

// Custom starts a platform entry for a site the catalog lacks, for the
// person to complete (GUI "new platform"): an ID "user-…" derived from the
// name or first domain, one self-service account_delete track with generic
// steps, source "user" and today's date. Save it with SaveUser.
func Custom(names Text, domains []string, now time.Time) Platform {
	names = names.trimmed()
	if names.Zh == "" {
		names.Zh = names.En
	}
	if names.En == "" {
		names.En = names.Zh
	}
	base := Slug(names.En)
	if base == "" && len(domains) > 0 {
		base = Slug(domains[0])
	}
	if base == "" {
		h := fnv.New32a()
		h.Write([]byte(names.Zh))
		base = fmt.Sprintf("%08x", h.Sum32())
	}
	ds := make([]string, 0, len(domains))
	for _, d := range domains {
		if d = normaliseHost(d); d != "" {
			ds = append(ds, d)
		}
	}
	return Platform{
		ID:         trimID("user-" + base),
		Names:      names,
		Domains:    ds,
		Difficulty: Medium,
		Tracks: []Track{{
			Kind:    accounts.TrackAccountDelete,
			Channel: SelfService,
			Steps: []Step{
				{Text: Text{Zh: "登录账号，在“我的”或个人中心打开设置。", En: "Sign in and open Settings from your profile page."}},
				{Text: Text{Zh: "在“账号与安全”一类的页面里找到“注销账号”，按提示验证身份并提交。", En: "Under Account & Security (or similar) find Delete account, verify your identity and submit."}},
				{Text: Text{Zh: "找不到入口时联系平台客服，要求注销账号并删除个人信息。", En: "If there is no such entry, ask customer service to delete the account and your personal data."}},
			},
			Prerequisites: []Prerequisite{
				{ID: BackupOrders, Text: Text{Zh: "备份订单和发票", En: "Back up orders and invoices"}},
				{ID: WithdrawBalance, Text: Text{Zh: "提出账户余额", En: "Withdraw any balance"}},
			},
			Irreversible: true,
			Difficulty:   Medium,
			Source:       SourceUser,
			Verified:     now.Format(DateLayout),
		}},
	}
}

// Slug turns a name into ID form: lower-case ASCII letters and digits with
// single dashes ("Best Buy!" → "best-buy"); "" when nothing is left.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// trimID cuts an ID to accounts.MaxIDLen (without a trailing dash).
func trimID(id string) string {
	if len(id) > accounts.MaxIDLen {
		id = strings.TrimRight(id[:accounts.MaxIDLen], "-")
	}
	return id
}

func encode(platforms []Platform) ([]byte, error) {
	if platforms == nil {
		platforms = []Platform{}
	}
	return marshal(platforms)
}

// marshal pretty-prints without escaping <, > and & (json.Marshal does),
// keeping the struct's field order, so a saved file reads well by hand.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeAtomic replaces path with data (see package atomicfile). Load
// skips hidden files, so a leftover temporary file is never read as
// catalog data.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, data)
}
