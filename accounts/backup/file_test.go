package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// fillStore gives st a small but complete inventory: accounts with tracks,
// history, a backup date, a secret field, reminders, a phone check and a
// setting.
func fillStore(t testing.TB, st *store.Store) {
	t.Helper()
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	svc := accounts.NewService(st, nil)
	svc.Now = func() time.Time { return at }
	tb, err := svc.Add(bg, accounts.Account{PlatformID: "taobao", Name: "淘宝主号", Login: "tb_alice", Phone: "13812345678",
		Email: "alice@example.com", RealName: true, ThirdParty: []accounts.ThirdParty{"alipay"}, Notes: "主力账号，有订单"})
	if err != nil {
		t.Fatal(err)
	}
	jd, err := svc.Add(bg, accounts.Account{PlatformID: "jd", Name: "京东", Login: "13812345678", Phone: "13812345678"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Add(bg, accounts.Account{PlatformID: "custom", Name: "小区团购群", Notes: "微信群里的团购"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.TickStep(bg, tb.ID, accounts.TrackAccountDelete, accounts.PrereqKey("backup_orders"), true); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetEvidence(bg, tb.ID, accounts.TrackAccountDelete, "TK-2026-001", "客服工单"); err != nil {
		t.Fatal(err)
	}
	if err := svc.RecordBackup(bg, jd.ID, at, "订单已导出"); err != nil {
		t.Fatal(err)
	}
	if err := st.MarkSecret(bg, jd.ID, accounts.SecretPassword, true, at); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddReminder(bg, accounts.Reminder{AccountID: tb.ID, Kind: accounts.ReminderCustom, Key: "custom:call",
		Title: "给淘宝客服打电话", DueAt: at.Add(72 * time.Hour), CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SavePhoneCheck(bg, store.PhoneCheck{Phone: "138 1234 5678", CheckedAt: at,
		Counts: map[string]int{"alibaba": 2, "jd": 1, "tencent": 3}}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(bg, "lang", "zh"); err != nil {
		t.Fatal(err)
	}
}

// TestBackupSampleIsCurrent keeps testdata/backup.json (the fuzz seed and
// restore sample) in step with what the store exports; set
// UNBIND_UPDATE_TESTDATA=1 to write it again.
func TestBackupSampleIsCurrent(t *testing.T) {
	st := openStore(t)
	fillStore(t, st)
	inv, err := st.ExportInventory(bg, time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "backup.json")
	if os.Getenv("UNBIND_UPDATE_TESTDATA") == "1" {
		if err := WriteFile(path, inv, true); err != nil {
			t.Fatal(err)
		}
	}
	sample, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := Summarise(sample)
	if s.Accounts != 3 || s.Events < 6 || s.Reminders != 1 || s.PhoneChecks != 1 || s.WithSecrets != 1 {
		t.Errorf("sample holds %+v", s)
	}
	if len(sample.Accounts) != len(inv.Accounts) || len(sample.Events) != len(inv.Events) {
		t.Errorf("testdata/backup.json is out of date; run with UNBIND_UPDATE_TESTDATA=1")
	}
}

func TestBackupRoundTripAndRestoreTwice(t *testing.T) {
	src := openStore(t)
	fillStore(t, src)
	inv, err := src.ExportInventory(bg, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "unbind-backup.json")
	if err := WriteFile(path, inv, false); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
		t.Errorf("backup file mode: %v %v", info.Mode(), err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "secret") && !strings.Contains(string(data), `"secret_fields"`) {
		t.Error("unexpected secret text in the backup")
	}
	if err := WriteFile(path, inv, false); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("overwriting without permission: %v", err)
	}
	if err := WriteFile(path, inv, true); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normaliseInv(got), normaliseInv(inv)) {
		t.Error("the backup does not read back as written")
	}
	dst := openStore(t)
	first, err := dst.RestoreInventory(bg, got, "restore", time.Now())
	if err != nil || first.Added != 3 {
		t.Fatalf("restore: %+v %v", first, err)
	}
	// Restored history says where it came from and when.
	restored, _ := dst.EventsBetween(bg, time.Time{}, time.Time{})
	marked := 0
	for _, e := range restored {
		if e.RestoredFrom == "restore" && e.RestoredAt != nil {
			marked++
		}
	}
	if marked != len(inv.Events) {
		t.Errorf("%d of %d restored entries are marked as restored", marked, len(inv.Events))
	}
	counts := [3]int{rows(t, dst, "accounts"), rows(t, dst, "events"), rows(t, dst, "reminders")}
	again, err := dst.RestoreInventory(bg, got, "restore", time.Now())
	if err != nil || again.Added != 0 || again.Merged != 0 || again.EventsAdded != 0 || again.RemindersAdded != 0 ||
		counts != [3]int{rows(t, dst, "accounts"), rows(t, dst, "events"), rows(t, dst, "reminders")} {
		t.Errorf("second restore changed something: %+v %v", again, err)
	}
}

// normaliseInv makes times comparable after a JSON round trip.
func normaliseInv(inv store.Inventory) string {
	b, _ := json.Marshal(inv)
	return string(b)
}

func TestReadBackupRejects(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "backup.json"))
	if err != nil {
		t.Fatal(err)
	}
	replace := func(old, new string) string {
		if !strings.Contains(string(good), old) {
			t.Fatalf("sample lacks %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	tests := []struct {
		name, data string
		kind       error
		want       string
		line       bool
	}{
		{"empty", "  \n", ErrNotBackup, "empty", false},
		{"not JSON", "name,url\n", ErrNotBackup, "not valid JSON", true},
		{"an array", "[1,2]", ErrNotBackup, "not an object", false},
		{"a Bitwarden export", `{"encrypted": false, "items": []}`, ErrNotBackup, `no "schema"`, false},
		{"another schema", `{"schema": "other/v1"}`, ErrNotBackup, "other/v1", false},
		{"newer version", replace(`"unbind.inventory/v1"`, `"unbind.inventory/v2"`), ErrVersion, "newer Unbind", false},
		{"cut short", string(good[:len(good)/2]), ErrInvalid, "", true},
		{"broken JSON", replace(`"accounts": [`, `"accounts": [,`), ErrInvalid, "broken JSON", true},
		{"broken before the schema", `{"x": [}`, ErrNotBackup, "not valid JSON", true},
		{"unknown field", replace(`"reminders": [`, `"password": "x", "reminders": [`), ErrInvalid, `unknown field "password"`, true},
		{"wrong type", replace(`"seller": false`, `"seller": "no"`), ErrInvalid, "seller", true},
		{"trailing data", string(good) + "{}", ErrInvalid, "after the end", true},
		{"bad platform", replace(`"platform": "jd"`, `"platform": "JD Mall!"`), ErrInvalid, "platform", false},
		{"no account id", replace(`"id": "`, `"id": "", "x_": "`), ErrInvalid, "", false},
		{"unknown track", replace(`"kind": "account_delete"`, `"kind": "format_disk"`), ErrInvalid, "unknown track", false},
		{"negative count", replace(`"jd": 1`, `"jd": -1`), ErrInvalid, "below zero", false},
		// History is append-only here for good, so it is held to what the
		// live model could have written.
		{"unknown event kind", replace(`"kind": "created",`, `"kind": "wiped_clean",`), ErrInvalid, "unknown kind", false},
		{"impossible status pair", replace(`"from": "active",
      "to": "preparing",`, `"from": "active",
      "to": "deactivated",`), ErrInvalid, "impossible status change", false},
		{"foreign account", replace(`"account_id": "85c18dd5-8a05-4565-821b-32a93f4acf82",
      "label": "京东",`, `"account_id": "11111111-2222-3333-4444-555555555555",
      "label": "京东",`), ErrInvalid, "neither in the backup nor recorded as deleted", false},
		{"dated in the future", replace(`"at": "2026-11-02T09:30:00Z",
      "kind": "created",`, `"at": "2091-01-01T00:00:00Z",
      "kind": "created",`), ErrInvalid, "outside 2000 to today", false},
		{"dated year 1", replace(`"at": "2026-11-02T09:30:00Z",
      "kind": "created",`, `"at": "0001-01-01T00:00:00Z",
      "kind": "created",`), ErrInvalid, "outside 2000 to today", false},
		{"huge note", replace(`"note": "first step ticked"`, `"note": "`+strings.Repeat("长", 10001)+`"`), ErrInvalid, "longer than", false},
		{"account id not a UUID", strings.ReplaceAll(string(good), "a5d8a7a5-acdb-4244-b496-2788d90d3c15", "../../etc"), ErrInvalid, "UUID", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.data))
			var be *Error
			if !errors.As(err, &be) || !errors.Is(err, tt.kind) {
				t.Fatalf("want a %v BackupError, got %v", tt.kind, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "backup file: ") || strings.Contains(msg, "\n") || !strings.Contains(msg, tt.want) {
				t.Errorf("message %q (want one line containing %q)", msg, tt.want)
			}
			if tt.line && be.Line == 0 {
				t.Errorf("no line in %q", msg)
			}
		})
	}
	big := bytes.Repeat([]byte(" "), MaxBytes+1)
	if _, err := Read(bytes.NewReader(big)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge file: %v", err)
	}
	path := filepath.Join(t.TempDir(), "huge.json")
	f, _ := os.Create(path)
	f.Truncate(MaxBytes + 1) // sparse: refused by size before reading
	f.Close()
	if _, err := ReadFile(path); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge file on disk: %v", err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}
