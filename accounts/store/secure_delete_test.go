package store

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// TestDeletedAccountLeavesNoTrace: after deleting an account, none of its
// identifiers or notes can be read from the database file, its WAL or a
// backup written afterwards.
func TestDeletedAccountLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := accounts.NewService(st, nil)
	marks := []string{"13987650321", "unique_login_q7x", "secret.person.q7x@example.org", "私密备注Q7X"}
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东", Phone: marks[0], Login: marks[1], Email: marks[2], Notes: marks[3]})
	if err != nil {
		t.Fatal(err)
	}
	// Pad the file so the row does not sit on a page that is rewritten anyway.
	for i := 0; i < 50; i++ {
		if _, err := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: "其他账号"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	backup, err := st.Backup("after-delete")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	files = append(files, backup)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // the -shm may be gone
		}
		for _, m := range marks {
			if bytes.Contains(data, []byte(m)) {
				t.Errorf("%s still holds %q after the account was deleted", filepath.Base(f), m)
			}
		}
	}
}

func TestDataFolderOpenToOthers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), nil, 0o644)
	os.Chmod(dir, 0o777)
	if mode, open := OpenToOthers(dir); !open || mode != 0o777 {
		t.Fatalf("0777 folder: %o %v", mode, open)
	}
	if err := CloseToOthers(dir); err != nil {
		t.Fatal(err)
	}
	if _, open := OpenToOthers(dir); open {
		t.Error("still open after CloseToOthers")
	}
	if fi, _ := os.Stat(filepath.Join(dir, FileName)); fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %o", fi.Mode().Perm())
	}
}
