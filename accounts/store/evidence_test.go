package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
)

var testPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

func hexSum(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func eventKinds(t *testing.T, svc *accounts.Service, id string) map[accounts.EventKind]int {
	t.Helper()
	evs, err := svc.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[accounts.EventKind]int{}
	for _, e := range evs {
		out[e.Kind]++
	}
	return out
}

func TestEvidenceAttachDedupeRemove(t *testing.T) {
	st, svc := openTemp(t)
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: "淘宝主号"})
	if err != nil {
		t.Fatal(err)
	}
	src := writeTemp(t, "确认页\u202e.png", testPNG)
	f, err := svc.AttachEvidence(ctx, a.ID, accounts.TrackAccountDelete, src, " 客服说已受理 ")
	if err != nil {
		t.Fatal(err)
	}
	if f.SHA256 != hexSum(testPNG) || f.Name != "确认页.png" || f.MediaType != "image/png" || f.Note != "客服说已受理" || f.Label != "淘宝主号" {
		t.Fatalf("record = %+v", f)
	}
	// The same content on the same track is one record; on another track,
	// a second record over the same stored file.
	again, err := svc.AttachEvidence(ctx, a.ID, accounts.TrackAccountDelete, src, "")
	if err != nil || again.ID != f.ID {
		t.Fatalf("second attach = %+v, %v; want the first record", again, err)
	}
	other, err := svc.AttachEvidenceFrom(ctx, a.ID, accounts.TrackPhoneUnbind, bytes.NewReader(testPNG), "sms.png", "")
	if err != nil {
		t.Fatal(err)
	}
	if n := eventKinds(t, svc, a.ID)[accounts.EventFileAdded]; n != 2 {
		t.Fatalf("%d added events, want 2", n)
	}
	list, _ := svc.Evidence(ctx, a.ID)
	if len(list) != 2 {
		t.Fatalf("%d records, want 2", len(list))
	}
	path, err := svc.EvidencePath(f)
	if err != nil || filepath.Dir(path) != filepath.Join(st.Dir(), evidence.FolderName) {
		t.Fatalf("path %s, %v", path, err)
	}
	// Removing one record keeps the file the other still uses.
	if err := svc.RemoveEvidence(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("file removed while still used: %v", err)
	}
	if err := svc.RemoveEvidence(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("file kept after its last record went: %v", err)
	}
	if err := svc.RemoveEvidence(ctx, other.ID); !errors.Is(err, accounts.ErrNotFound) {
		t.Fatalf("removing twice = %v, want ErrNotFound", err)
	}
	// History is append-only: both removals are there, with the hash.
	evs, _ := svc.History(ctx, a.ID)
	removed := 0
	for _, e := range evs {
		if e.Kind == accounts.EventFileRemoved {
			removed++
			if e.To != hexSum(testPNG) {
				t.Fatalf("removed event without the hash: %+v", e)
			}
		}
	}
	if removed != 2 {
		t.Fatalf("%d removed events, want 2", removed)
	}
}

func TestEvidenceRefusalsLeaveNothing(t *testing.T) {
	st, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	folder := filepath.Join(st.Dir(), evidence.FolderName)
	cases := map[string]func() error{
		"unknown account": func() error {
			_, err := svc.AttachEvidence(ctx, "nope", accounts.TrackAccountDelete, writeTemp(t, "a.png", testPNG), "")
			return err
		},
		"unknown track": func() error {
			_, err := svc.AttachEvidence(ctx, a.ID, "teleport", writeTemp(t, "a.png", testPNG), "")
			return err
		},
		"not evidence": func() error {
			_, err := svc.AttachEvidence(ctx, a.ID, accounts.TrackAccountDelete, writeTemp(t, "a.png", []byte("MZ\x90\x00\x03")), "")
			return err
		},
	}
	for name, fn := range cases {
		if err := fn(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != 0 || countRows(t, st, "evidence_files") != 0 {
		t.Fatalf("refusals left %d files and %d rows", len(entries), countRows(t, st, "evidence_files"))
	}
}

func TestEvidenceCountIsBounded(t *testing.T) {
	st, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	for i := range accounts.MaxEvidencePerAccount {
		text := []byte("聊天记录 " + string(rune('A'+i%26)) + hex.EncodeToString([]byte{byte(i)}))
		if _, err := svc.AttachEvidenceFrom(ctx, a.ID, accounts.TrackAccountDelete, bytes.NewReader(text), "chat.txt", ""); err != nil {
			t.Fatal(i, err)
		}
	}
	_, err := svc.AttachEvidenceFrom(ctx, a.ID, accounts.TrackAccountDelete, bytes.NewReader([]byte("one more chat")), "chat.txt", "")
	if !errors.Is(err, accounts.ErrTooManyFiles) {
		t.Fatalf("file %d: err = %v, want ErrTooManyFiles", accounts.MaxEvidencePerAccount+1, err)
	}
	entries, _ := os.ReadDir(filepath.Join(st.Dir(), evidence.FolderName))
	if len(entries) != accounts.MaxEvidencePerAccount {
		t.Fatalf("%d files on disk, want %d (the refused one removed)", len(entries), accounts.MaxEvidencePerAccount)
	}
}

func TestDeleteAccountKeepsOrDeletesEvidence(t *testing.T) {
	for _, keep := range []bool{true, false} {
		st, svc := openTemp(t)
		a, _ := svc.Add(ctx, accounts.Account{PlatformID: "pinduoduo", Name: "拼多多"})
		f, err := svc.AttachEvidenceFrom(ctx, a.ID, accounts.TrackAccountDelete, bytes.NewReader(testPNG), "done.png", "")
		if err != nil {
			t.Fatal(err)
		}
		path, _ := svc.EvidencePath(f)
		if err := svc.DeleteKeepingEvidence(ctx, a.ID, keep); err != nil {
			t.Fatal(err)
		}
		all, _ := svc.Evidence(ctx, "")
		_, statErr := os.Stat(path)
		if keep && (len(all) != 1 || statErr != nil || all[0].Label != "拼多多") {
			t.Fatalf("kept: %d records, file %v", len(all), statErr)
		}
		if !keep && (len(all) != 0 || !errors.Is(statErr, os.ErrNotExist) || countRows(t, st, "evidence_files") != 0) {
			t.Fatalf("deleted: %d records, file %v", len(all), statErr)
		}
	}
}

// When the keyring cannot be reached the account stays, and so does its
// evidence: nothing is half deleted.
func TestDeleteWithEvidenceStopsAtTheKeyring(t *testing.T) {
	st, svc := openTemp(t) // no keyring
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	if err := st.MarkSecret(ctx, a.ID, accounts.SecretPassword, true, a.CreatedAt); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AttachEvidenceFrom(ctx, a.ID, accounts.TrackAccountDelete, bytes.NewReader(testPNG), "x.png", ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteKeepingEvidence(ctx, a.ID, false); !errors.Is(err, accounts.ErrNoKeyring) {
		t.Fatalf("delete without a keyring: %v", err)
	}
	if n := countRows(t, st, "evidence_files"); n != 1 {
		t.Fatalf("%d evidence records left, want 1", n)
	}
}
