package store

import (
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// fill inserts n accounts in one transaction (setup, not measured).
func fill(b *testing.B, st *Store, n int) {
	b.Helper()
	now := time.Now().UTC()
	err := st.inTx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < n; i++ {
			a := accounts.Account{ID: fmt.Sprintf("acc-%05d", i), PlatformID: []string{"taobao", "jd", "pinduoduo", "meituan"}[i%4],
				Name: fmt.Sprintf("账号 %d", i), Login: fmt.Sprintf("user%d@example.com", i), Phone: "13812345678",
				Status: accounts.Statuses[i%len(accounts.Statuses)], ThirdParty: []accounts.ThirdParty{"wechat"},
				CreatedAt: now, UpdatedAt: now, Version: 1}
			if err := insertAccount(ctx, tx, a); err != nil {
				return err
			}
			if i%3 == 0 {
				if _, err := tx.Exec("INSERT INTO secret_fields (account_id, field, set_at) VALUES (?, 'password', 1)", a.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLoad10kAccounts measures loading the whole inventory, as the GUI
// does at start.
func BenchmarkLoad10kAccounts(b *testing.B) {
	st, err := OpenDir(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	fill(b, st, 10000)
	b.ReportAllocs()
	for b.Loop() {
		all, err := st.Accounts(ctx)
		if err != nil || len(all) != 10000 {
			b.Fatalf("loaded %d, %v", len(all), err)
		}
	}
}
