package store

import (
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// TestAccountsOrder: the list comes by platform, then name, then ID,
// compared byte by byte (SQLite's BINARY order, which the list used to
// be sorted in), whatever order the rows were stored in; and each
// account's secret fields and third-party logins are its own.
func TestAccountsOrder(t *testing.T) {
	st, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now().UTC()
	rows := []struct{ id, platform, name string }{
		{"c", "taobao", "账号"}, {"a", "jd", "Zed"}, {"b", "jd", "abc"}, {"e", "taobao", "账号"},
		{"d", "jd", "Zed"}, {"f", "Taobao", "x"}, {"g", "jd", "é"},
	}
	err = st.inTx(ctx, func(tx *sql.Tx) error {
		for i, r := range rows {
			a := accounts.Account{ID: r.id, PlatformID: r.platform, Name: r.name, Status: accounts.StatusActive,
				ThirdParty: []accounts.ThirdParty{accounts.ThirdParty(fmt.Sprint("tp", i))}, CreatedAt: now, UpdatedAt: now}
			if err := insertAccount(ctx, tx, a); err != nil {
				return err
			}
			if _, err := tx.Exec("INSERT INTO secret_fields (account_id, field, set_at) VALUES (?, 'password', 1)", r.id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Accounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	sorted, err := st.db.Query("SELECT id FROM accounts ORDER BY platform_id, name, id")
	if err != nil {
		t.Fatal(err)
	}
	for sorted.Next() {
		var id string
		sorted.Scan(&id)
		want = append(want, id)
	}
	sorted.Close()
	if len(all) != len(want) {
		t.Fatalf("%d accounts, want %d", len(all), len(want))
	}
	for i, a := range all {
		if a.ID != want[i] {
			t.Errorf("position %d: %s, SQLite orders %s there (all: %v)", i, a.ID, want[i], want)
		}
		if len(a.SecretFields) != 1 || len(a.ThirdParty) != 1 {
			t.Errorf("%s: secret fields %v, third party %v", a.ID, a.SecretFields, a.ThirdParty)
		}
	}
}
