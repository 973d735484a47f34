package backup

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
	"github.com/unbindapp/unbind/accounts/store"
)

var onePixelPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

// withEvidence fills st and attaches a screenshot and a saved chat (the
// screenshot twice, on two tracks: one content, two records).
func withEvidence(t testing.TB, st *store.Store) []accounts.EvidenceFile {
	t.Helper()
	fillStore(t, st)
	svc := accounts.NewService(st, nil)
	svc.Now = func() time.Time { return time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC) }
	all, _ := st.Accounts(bg)
	var out []accounts.EvidenceFile
	for _, add := range []struct {
		kind accounts.TrackKind
		data []byte
		name string
	}{
		{accounts.TrackAccountDelete, onePixelPNG, "注销成功.png"},
		{accounts.TrackPhoneUnbind, onePixelPNG, "same.png"},
		{accounts.TrackAccountDelete, []byte("客服：您的注销申请已提交，15天后生效。"), "chat.txt"},
	} {
		f, err := svc.AttachEvidenceFrom(bg, all[0].ID, add.kind, bytes.NewReader(add.data), add.name, "")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

func TestBackupCarriesEvidenceEncryptedAndRestoresIt(t *testing.T) {
	src := openStore(t)
	files := withEvidence(t, src)
	inv, err := src.ExportInventoryWith(bg, time.Now(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.EvidenceFiles) != 3 || len(inv.EvidenceBlobs) != 2 {
		t.Fatalf("%d records and %d contents, want 3 and 2", len(inv.EvidenceFiles), len(inv.EvidenceBlobs))
	}
	path := filepath.Join(t.TempDir(), "b.age")
	const pass = "correct horse battery"
	if err := WriteFileWith(path, inv, false, pass); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	chat := []byte("客服：您的注销申请已提交")
	if bytes.Contains(raw, chat) || bytes.Contains(raw, []byte(base64.StdEncoding.EncodeToString(onePixelPNG)[:24])) ||
		bytes.Contains(raw, []byte(files[0].SHA256)) {
		t.Fatal("the encrypted backup shows evidence content or hashes in the clear")
	}
	back, err := ReadFileWith(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	res, err := dst.RestoreInventory(bg, back, "restore: b.age", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if res.EvidenceAdded != 3 || rows(t, dst, "evidence_files") != 3 {
		t.Fatalf("restored %d evidence files (%d rows), want 3", res.EvidenceAdded, rows(t, dst, "evidence_files"))
	}
	dir := dst.EvidenceFolder()
	for _, f := range files {
		if err := dir.Verify(f.SHA256, f.MediaType); err != nil {
			t.Fatalf("%s not restored intact: %v", f.Name, err)
		}
		p, _ := dir.PathOf(f.SHA256, f.MediaType)
		if fi, _ := os.Stat(p); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s restored with mode %v", f.Name, fi.Mode().Perm())
		}
	}
	// Restoring the same backup again adds nothing.
	if res, err := dst.RestoreInventory(bg, back, "restore: b.age", time.Now()); err != nil || res.EvidenceAdded != 0 {
		t.Fatalf("second restore added %d evidence files, %v", res.EvidenceAdded, err)
	}
}

func TestBackupWithoutEvidenceLeavesItOut(t *testing.T) {
	src := openStore(t)
	files := withEvidence(t, src)
	inv, err := src.ExportInventory(bg, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(inv)
	if bytes.Contains(data, []byte(`"evidence_files"`)) || bytes.Contains(data, []byte(`"evidence_blobs"`)) {
		t.Fatal("a backup without evidence carries evidence")
	}
	// The history still proves what was attached: the hash is in it.
	if !bytes.Contains(data, []byte(files[0].SHA256)) {
		t.Fatal("the history lost the evidence hash")
	}
}

func TestRestoreOfEvidenceIsAllOrNothing(t *testing.T) {
	src := openStore(t)
	withEvidence(t, src)
	inv, err := src.ExportInventoryWith(bg, time.Now(), true)
	if err != nil {
		t.Fatal(err)
	}
	// The transaction fails late, on an account: the evidence files the
	// restore wrote before it must go again.
	bad := inv
	bad.Accounts = append(append([]store.InventoryAccount{}, inv.Accounts...), store.InventoryAccount{
		Account: accounts.Account{ID: "0e0e0e0e-0000-4000-8000-000000000000", PlatformID: "jd", Status: accounts.StatusActive}})
	dst := openStore(t)
	if _, err := dst.RestoreInventory(bg, bad, "x", time.Now()); err == nil {
		t.Fatal("restore of an invalid account succeeded")
	}
	if entries, _ := os.ReadDir(dst.EvidenceFolder().Path); len(entries) != 0 || rows(t, dst, "evidence_files") != 0 {
		t.Fatalf("a failed restore left %d files and %d rows", len(entries), rows(t, dst, "evidence_files"))
	}
	// Content that does not match its hash is refused before anything.
	tampered := inv
	tampered.EvidenceBlobs = append([]store.EvidenceBlob{}, inv.EvidenceBlobs...)
	tampered.EvidenceBlobs[0].Content = append([]byte{}, inv.EvidenceBlobs[0].Content...)
	tampered.EvidenceBlobs[0].Content[len(tampered.EvidenceBlobs[0].Content)-1] ^= 1
	if _, err := dst.RestoreInventory(bg, tampered, "x", time.Now()); !errors.Is(err, evidence.ErrBadHash) {
		t.Fatalf("tampered content: %v, want ErrBadHash", err)
	}
	if entries, _ := os.ReadDir(dst.EvidenceFolder().Path); len(entries) != 0 || rows(t, dst, "accounts") != 0 {
		t.Fatalf("a refused restore left %d files and %d accounts", len(entries), rows(t, dst, "accounts"))
	}
}

func TestReadBackupChecksEvidence(t *testing.T) {
	src := openStore(t)
	withEvidence(t, src)
	inv, err := src.ExportInventoryWith(bg, time.Now(), true)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := json.MarshalIndent(inv, "", "  ")
	if _, err := Read(bytes.NewReader(good)); err != nil {
		t.Fatalf("a good backup with evidence: %v", err)
	}
	mutate := map[string]func(*store.Inventory){
		"content changed":       func(i *store.Inventory) { i.EvidenceBlobs[0].Content[0] ^= 0xff },
		"content of no file":    func(i *store.Inventory) { i.EvidenceFiles = i.EvidenceFiles[2:] },
		"file without content":  func(i *store.Inventory) { i.EvidenceBlobs = i.EvidenceBlobs[:1] },
		"executable as PNG":     func(i *store.Inventory) { i.EvidenceBlobs[0].Content = []byte("MZ\x90\x00") },
		"path in the name":      func(i *store.Inventory) { i.EvidenceFiles[0].Name = "../../.bashrc" },
		"unknown track":         func(i *store.Inventory) { i.EvidenceFiles[0].Track = "wipe" },
		"stranger's account":    func(i *store.Inventory) { i.EvidenceFiles[0].AccountID = "someone-else" },
		"wrong size":            func(i *store.Inventory) { i.EvidenceFiles[0].Size++ },
		"same id twice":         func(i *store.Inventory) { i.EvidenceFiles[1].ID = i.EvidenceFiles[0].ID },
		"hash that is a path":   func(i *store.Inventory) { i.EvidenceBlobs[0].SHA256 = "../" + strings.Repeat("a", 61) },
		"over the size cap":     func(i *store.Inventory) { i.EvidenceBlobs[0].Content = make([]byte, evidence.MaxFileBytes+1) },
		"dated in the year one": func(i *store.Inventory) { i.EvidenceFiles[0].AddedAt = time.Time{} },
	}
	for name, m := range mutate {
		var inv2 store.Inventory
		if err := json.Unmarshal(good, &inv2); err != nil {
			t.Fatal(err)
		}
		m(&inv2)
		data, _ := json.Marshal(inv2)
		_, err := Read(bytes.NewReader(data))
		if !errors.Is(err, ErrInvalid) || strings.ContainsAny(err.Error(), "\r\n") {
			t.Errorf("%s: err = %v, want one line of ErrInvalid", name, err)
		}
	}
}

// Evidence kept from a deleted account travels too: the history records
// the deletion, so the record is not a stranger's.
func TestBackupKeepsEvidenceOfDeletedAccounts(t *testing.T) {
	src := openStore(t)
	files := withEvidence(t, src)
	svc := accounts.NewService(src, nil)
	if err := svc.DeleteKeepingEvidence(bg, files[0].AccountID, true); err != nil {
		t.Fatal(err)
	}
	inv, err := src.ExportInventoryWith(bg, time.Now(), true)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(inv)
	back, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("a backup with kept evidence of a deleted account: %v", err)
	}
	dst := openStore(t)
	if res, err := dst.RestoreInventory(bg, back, "x", time.Now()); err != nil || res.EvidenceAdded != len(files) {
		t.Fatalf("restore: %+v, %v", res, err)
	}
}
