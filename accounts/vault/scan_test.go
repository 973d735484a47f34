package vault_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/zalando/go-keyring"
)

// secretsVault is the real keyring inside `make test-keyring`, the
// go-keyring mock elsewhere; the scan must hold for both.
func secretsVault(t *testing.T) *vault.Vault {
	if os.Getenv("UNBIND_KEYRING") != "secret-service" {
		keyring.MockInit()
	}
	return vault.New(vault.Options{Timeout: 10 * time.Second})
}

// TestNoSecretReachesTheDatabase stores distinctive secrets, then reads the
// database, WAL and SHM files byte by byte, while open and after closing.
func TestNoSecretReachesTheDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := secretsVault(t)
	svc := accounts.NewService(st, v)
	var secrets []string
	var ids []string
	for i := 0; i < 5; i++ {
		a, err := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: fmt.Sprintf("账号%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
		for _, f := range accounts.SecretFields {
			s := fmt.Sprintf("ZZSECRET-%d-%s-秘密-%d", i, f, time.Now().UnixNano())
			if err := svc.SetSecret(ctx, a.ID, f, s); err != nil {
				t.Fatal(err)
			}
			secrets = append(secrets, s)
		}
	}
	got, err := svc.Get(ctx, ids[0])
	if err != nil || len(got.SecretFields) != len(accounts.SecretFields) {
		t.Fatalf("the store should record which fields are set: %v %v", got.SecretFields, err)
	}
	scan := func(when string) {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		if len(files) == 0 {
			t.Fatal("no files to scan")
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range secrets {
				if bytes.Contains(data, []byte(s)) {
					t.Errorf("%s: secret found in %s", when, filepath.Base(f))
				}
			}
		}
	}
	scan("while open") // the WAL holds the recent writes now
	if err := svc.Delete(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Get(ids[0], accounts.SecretPassword); !errors.Is(err, vault.ErrNotFound) {
		t.Errorf("deleting the account must delete its keyring entries: %v", err)
	}
	for _, id := range ids[1:] {
		svc.Delete(ctx, id)
	}
	st.Close()
	scan("after close")
}

// TestDeleteKeepsAccountWhenKeyringFails: a keyring that cannot be reached
// must not orphan secrets, so the account stays.
func TestDeleteKeepsAccountWhenKeyringFails(t *testing.T) {
	ctx := context.Background()
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keyring.MockInit()
	svc := accounts.NewService(st, vault.New(vault.Options{}))
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	if err := svc.SetSecret(ctx, a.ID, accounts.SecretPassword, "pw"); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("failed to unlock correct collection"))
	defer keyring.MockInit()
	err = svc.Delete(ctx, a.ID)
	if !errors.Is(err, vault.ErrUnavailable) {
		t.Fatalf("want the keyring error, got %v", err)
	}
	if _, err := svc.Get(ctx, a.ID); err != nil {
		t.Errorf("the account must stay when its secrets cannot be removed: %v", err)
	}
}
